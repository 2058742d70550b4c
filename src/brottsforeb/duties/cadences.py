"""The duties with a cadence: a body's meetings, lägesbilder, follow-up and reporting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

from ..model import Frekvens, Lagesbild, Mote
from ..repo import Repo
from ._cadence import Cadenced, counted

# -- meetings ---------------------------------------------------------------------------


def held_meetings(repo: Repo, organ_id: str, today: dt.date) -> list[Mote]:
    """Meetings of a body counted as held on ``today``, oldest first."""
    return [m for m in repo.meetings_of(organ_id) if m.held(today)]


def meeting_start(repo: Repo, organ_id: str, today: dt.date) -> dt.date | None:
    """From when a body's cadence is counted: inrättad (or the start of a temporary
    body), else its first held meeting; never before ``möten_registreras_från``."""
    o = repo.organ[organ_id]
    start = (
        o.established
        or (o.trial.start if o.trial else None)
        or (o.temporary.start if o.temporary else None)
    )
    if start is None:
        held = held_meetings(repo, organ_id, today)
        start = held[0].date if held else None
    since = o.recorded_from
    if since is not None:
        start = max(start, since) if start else since
    return start


def meetings(repo: Repo, organ_id: str, today: dt.date) -> Cadenced | None:
    """A body's meetings per period of its decided cadence; None without a cadence, or
    for a body that is proposed or wound down (it is not expected to meet)."""
    o = repo.organ[organ_id]
    if o.meetings is None or not o.is_active:
        return None
    held = [m.date for m in held_meetings(repo, organ_id, today)]
    ends = [
        e
        for e in (
            o.temporary.end if o.temporary else None,
            o.trial.end if o.trial else None,
            o.wind_down_by,
        )
        if e is not None
    ]
    until = min(ends) if ends else None
    return counted(
        "möten",
        organ_id,
        o.meetings,
        f"organ/{organ_id}.yaml: möten",
        meeting_start(repo, organ_id, today),
        held,
        today,
        until,
    )


def overdue_planned(repo: Repo, today: dt.date) -> Iterator[tuple[str, Mote]]:
    """Meetings still planned although their day has passed."""
    for mid, m in sorted(repo.moten.items()):
        if m.date < today and m.state(today) == "planerat":
            yield mid, m


@dataclass(frozen=True)
class YearMeetings:
    """A body's meetings in one calendar year, for the year-end report."""

    required: int
    held: int
    fulfilled: str  # "ja", "nej", "pågår" (a period has not ended yet) or "okänt" (no period)


def year_meetings(repo: Repo, organ_id: str, year: int, today: dt.date) -> YearMeetings | None:
    """Required and held meetings of ``year`` by the same periods `check` counts."""
    c = meetings(repo, organ_id, min(today, dt.date(year + 1, 1, 1)))
    if c is None:
        return None
    lo, hi = dt.date(year, 1, 1), dt.date(year + 1, 1, 1)
    mine = [p for p in c.periods if lo <= p.start < hi and p.end <= hi]
    required = sum(p.required for p in mine)
    held = sum(1 for d in c.dates if lo <= d < hi and d <= today)
    if not mine and not held:  # no period known (no meeting, no inrättad): nothing to judge
        done = "okänt"
    elif all(p.met for p in mine) and mine:
        done = "ja"
    elif any(not p.met and p.end <= today for p in mine):
        done = "nej"
    else:
        done = "pågår"
    return YearMeetings(required, held, done)


# -- lägesbilder, follow-up and reporting ----------------------------------------------------


def made_pictures(repo: Repo, today: dt.date | None = None) -> dict[str, Lagesbild]:
    """The lägesbilder that were made (by ``today``): not a draft whose ``datum`` bfa filled
    in (``bfa new``, ``bfa init``: the day the file was made, still under ``obekräftat``).
    The law's duty (LAG-LAGESBILD), the cadence and the overview all count these."""
    return {
        k: lb
        for k, lb in repo.lagesbilder.items()
        if "datum" not in lb.unconfirmed and (today is None or lb.date <= today)
    }


def situation_pictures(repo: Repo, kind: str, today: dt.date) -> Cadenced | None:
    """Lägesbilder of ``kind`` (operativ/strategisk) per period of the decided routine.

    A lägesbild whose ``datum`` bfa filled in (``bfa new``, ``bfa init``: the day the file
    was made, still under ``obekräftat``) is a draft, not one that was made: not counted."""
    plan = repo.kommun.situation_plan if repo.kommun else None
    routine = (plan.operative if kind == "operativ" else plan.strategic) if plan else None
    if routine is None or routine.cadence is None:
        return None
    dates = [lb.date for lb in made_pictures(repo).values() if lb.type == kind]
    start = min(dates) if dates else None
    return counted(
        "lägesbild",
        kind,
        routine.cadence,
        f"bfa.yaml: lägesbilder.{kind}.frekvens",
        start,
        dates,
        today,
    )


def _item_duty(
    repo: Repo,
    what: str,
    organ_id: str,
    cadence: Frekvens,
    key: str,
    item_type: str,
    today: dt.date,
) -> Cadenced:
    dates = [
        m.date
        for m in held_meetings(repo, organ_id, today)
        if any(i.type == item_type for i in m.items)
    ]
    # Counted from the first registered occurrence, else from KF's decision on the leadership.
    k = repo.kommun
    start = min(dates) if dates else None
    if start is None and k and k.leadership and k.leadership.decision:
        start = k.leadership.decision.date
    return counted(what, organ_id, cadence, f"bfa.yaml: {key}.frekvens", start, dates, today)


def follow_up(repo: Repo, today: dt.date) -> Cadenced | None:
    """The leading nämnd's follow-up (meetings with an item of typ uppföljning)."""
    f = repo.kommun.follow_up if repo.kommun else None
    if f is None or f.cadence is None:
        return None
    return _item_duty(repo, "uppföljning", f.organ, f.cadence, "uppföljning", "uppföljning", today)


def reporting(repo: Repo, today: dt.date) -> Cadenced | None:
    """Reporting to kommunfullmäktige (meetings with an item of typ rapportering)."""
    r = repo.kommun.reporting if repo.kommun else None
    if r is None or r.cadence is None:
        return None
    return _item_duty(repo, "rapportering", r.to, r.cadence, "rapportering", "rapportering", today)
