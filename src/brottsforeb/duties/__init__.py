"""The calendar of duties: for a repository and a day, every due date and whether it is met.

`bfa check`, `bfa status`, `bfa calendar` and the documents `uppfoljning` and
`motesplan` all read this module, so they cannot disagree. Cadences are counted
per calendar period (a year, a term, a quarter …), the first partial period in
proportion to the part of it the body (or routine) existed; single dates (a
revision, an åtgärd's end, an action item) are due on their date.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from .._yaml import Path_
from ..model.dokument import WITHDRAWN
from ..repo import KOMMUN, Repo
from ._cadence import Cadenced, Period
from .cadences import (
    YearMeetings,
    follow_up,
    held_meetings,
    made_pictures,
    meeting_start,
    meetings,
    overdue_planned,
    reporting,
    situation_pictures,
    year_meetings,
)
from .dates import (
    DONE,
    ActionItem,
    action_items,
    decided_plans,
    indicator_due,
    known_values,
    late_measures,
    measure_due,
    revision_due,
    trend,
)

__all__ = [
    "DONE",
    "ActionItem",
    "Cadenced",
    "Deadline",
    "Period",
    "YearMeetings",
    "action_items",
    "cadenced_duties",
    "deadlines",
    "decided_plans",
    "follow_up",
    "held_meetings",
    "indicator_due",
    "known_values",
    "late_measures",
    "made_pictures",
    "measure_due",
    "meeting_start",
    "meetings",
    "overdue_planned",
    "reporting",
    "revision_due",
    "situation_pictures",
    "trend",
    "year_meetings",
]


@dataclass(frozen=True)
class Deadline:
    """One due date: what it is (Swedish), where it stands, and whether it is met."""

    rule: str
    kind: str
    id: str
    path: Path_
    due: dt.date
    what: str
    met: bool = False


def cadenced_duties(repo: Repo, today: dt.date) -> Iterator[tuple[str, Cadenced]]:
    """Every cadence duty with the rule that checks it."""
    for oid in sorted(repo.organ):
        c = meetings(repo, oid, today)
        if c is not None:
            yield "MOTEN-FREKVENS", c
    for kind in ("operativ", "strategisk"):
        c = situation_pictures(repo, kind, today)
        if c is not None:
            yield "LAGESBILD-FREKVENS", c
    f = follow_up(repo, today)
    if f is not None:
        yield "UPPFOLJNING-NAMND", f
    r = reporting(repo, today)
    if r is not None:
        yield "RAPPORTERING-KF", r


def _cadence_what(repo: Repo, c: Cadenced) -> str:
    if c.what == "möten":
        return f"Möte i {repo.name_of('organ', c.subject)} ({c.cadence.describe()})"
    if c.what == "lägesbild":
        return f"En {c.subject} lägesbild ({c.cadence.describe()})"
    noun = "Uppföljning av arbetet i" if c.what == "uppföljning" else "Rapportering till"
    return f"{noun} {repo.name_of('organ', c.subject)} ({c.cadence.describe()})"


def _cadence_where(c: Cadenced) -> tuple[str, str, Path_]:
    if c.what == "möten":
        return "organ", c.subject, ("möten",)
    if c.what == "lägesbild":
        return KOMMUN, "bfa", ("lägesbilder", c.subject)
    return KOMMUN, "bfa", (c.what,)


def deadlines(repo: Repo, today: dt.date) -> list[Deadline]:
    """Every dated duty, met or not, oldest first: what the calendar shows and check watches."""
    out: list[Deadline] = []
    for rule_id, c in cadenced_duties(repo, today):
        kind, eid, path = _cadence_where(c)
        what = _cadence_what(repo, c)
        out.extend(
            Deadline(rule_id, kind, eid, path, p.due, f"{what}, {p.label}", p.met)
            for p in c.periods
        )
    for did, d in repo.dokument.items():
        due = revision_due(repo, did)
        if due is not None and d.revision is not None:
            verb = "Aktualitetsprövning" if d.revision.kind == "aktualitetsprövning" else "Revision"
            out.append(
                Deadline("DOK-REVISION", "dokument", did, ("revideras",), due, f"{verb}: {d.title}")
            )
        if d.valid_to is not None and d.effective_status not in WITHDRAWN:
            out.append(
                Deadline(
                    "DOK-GILTIGHET", "dokument", did, ("gäller_till",), d.valid_to,
                    f"Giltighetstiden går ut: {d.title}",
                )
            )  # fmt: skip
    for a in action_items(repo):
        if a.item.by is not None:
            out.append(
                Deadline(
                    "ATGARDSPUNKT-FORSENAD", "moten", a.at, ("åtgärdspunkter", a.index, "senast"),
                    a.item.by, f"Åtgärdspunkt: {a.item.what}", a.done,
                )
            )  # fmt: skip
    for aid, at in repo.atgarder.items():
        if at.end is not None:
            out.append(
                Deadline(
                    "ATGARD-FORSENAD", "atgarder", aid, ("slut",), at.end,
                    f"Åtgärden ska vara klar: {at.title}", at.status in DONE,
                )
            )  # fmt: skip
    for iid, ind in repo.indikatorer.items():
        due = indicator_due(repo, iid, today)
        if due is not None:
            out.append(
                Deadline(
                    "INDIKATOR-INAKTUELL", "indikatorer", iid, ("mätvärden",), due,
                    f"Nytt mätvärde: {ind.name}",
                )
            )  # fmt: skip
    return sorted(out, key=lambda d: (d.due, d.rule, d.id))
