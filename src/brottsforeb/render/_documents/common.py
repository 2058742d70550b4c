"""What every document builder shares: the title block, the report year, source files."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ...model import Dokument
from ...repo import Repo
from .._docviews import decision_rows, document_date, sections
from .._views import Ctx

#: (folder, id) of an entity file a document is built from; ("bfa", "") is bfa.yaml.
Source = tuple[str, str]


def base(ctx: Ctx, d: Dokument | None, kind: str, title: str) -> dict[str, Any]:
    """The context every template starts from: title, title block, own sections, date.

    ``källfiler`` lists the entity files the document is built from, so that values marked
    as example data in any of them are named on its first page.
    """
    k = ctx.repo.kommun
    return {
        "kommun": k.name if k else "",
        "titel": d.title if d else title,
        "beslut": decision_rows(ctx, d, kind),
        "avsnitt": sections(d),
        "datum": document_date(ctx.repo, d),
        "exempeldata": "",
        "public": ctx.public,
        "figurer": {},
        "källfiler": [],
    }


def organisation_files(ctx: Ctx, d: Dokument | None) -> list[Source]:
    """What a description of the organisation reads: agreements, functions, bodies, actors."""
    repo = ctx.repo
    out: list[Source] = [
        ("dokument", k)
        for k, v in sorted(repo.dokument.items())
        if v is not d and v.type in ("samverkansöverenskommelse", "medborgarlöfte")
    ]
    for folder in ("funktioner", "organ", "aktorer"):
        out += [(folder, k) for k in sorted(getattr(repo, folder))]
    return out


def meeting_files(repo: Repo, year: int) -> list[Source]:
    return [("moten", k) for k, m in sorted(repo.moten.items()) if m.date.year == year]


def report_year(repo: Repo, year: int | None, today: dt.date | None = None) -> int:
    """The report's year: given, else the year of the latest held meeting."""
    if year is not None:
        return year
    held = [m.date.year for m in repo.moten.values() if m.held(today or dt.date.max)]
    return max(held) if held else document_date(repo, None).year
