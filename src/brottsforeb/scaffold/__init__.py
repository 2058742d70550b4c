"""New repositories and new entity files: `bfa init` and `bfa new`.

Every file is written from a template in templates/scaffold/ with short Swedish
comments. Text the coordinator must write is a placeholder starting with ``FYLL I``;
the rule MALL-EJ-IFYLLD lists each one, so a fresh repository validates at once and
its warnings are the to-do list. Every other value bfa fills in for the user (a
cadence, a convener) is listed under ``obekräftat`` in its file, and MALL-EJ-IFYLLD
lists those too until the user strikes them from the list. Nothing is written that
``bfa validate`` would reject: a ``--type`` outside the kind's values is refused with
the allowed ones, writing nothing.
"""

from __future__ import annotations

from .._ids import PLACEHOLDER, ascii_id, slug
from ._files import Created
from ._init import REQUIREMENTS, first_steps, init_repo
from ._install import InstallSource, install_source
from ._new import NEW_KINDS, allowed_types, meeting_date, new, new_entity, new_meeting

__all__ = [
    "NEW_KINDS",
    "PLACEHOLDER",
    "REQUIREMENTS",
    "Created",
    "InstallSource",
    "allowed_types",
    "ascii_id",
    "first_steps",
    "init_repo",
    "install_source",
    "meeting_date",
    "new",
    "new_entity",
    "new_meeting",
    "slug",
]
