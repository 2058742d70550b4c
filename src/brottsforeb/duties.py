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
from dataclasses import dataclass, field

from ._periods import PERIOD_MONTHS, add_years, label, months_between, next_due, periods
from ._yaml import Path_
from .model import Frekvens, Mote
from .model.dokument import WITHDRAWN
from .model.mote import Atgardspunkt
from .repo import KOMMUN, Repo

__all__ = [
    "DONE",
    "ActionItem",
    "Cadenced",
    "Deadline",
    "Period",
    "action_items",
    "deadlines",
    "follow_up",
    "held_meetings",
    "indicator_due",
    "meetings",
    "overdue_planned",
    "reporting",
    "revision_due",
    "situation_pictures",
    "trend",
    "year_meetings",
]

DAY = dt.timedelta(days=1)
#: Statuses of an åtgärd that end its obligation.
DONE = ("genomförd", "avbruten")


@dataclass(frozen=True)
class Period:
    """One period of a cadence: [start, end), how many it asks for and how many were done."""

    start: dt.date
    end: dt.date
    per: str
    required: int
    done: int

    @property
    def due(self) -> dt.date:
        """The last day of the period."""
        return self.end - DAY

    @property
    def met(self) -> bool:
        return self.done >= self.required

    @property
    def label(self) -> str:
        return label(self.start, self.per)


@dataclass(frozen=True)
class Cadenced:
    """A duty with a cadence: a body's meetings, lägesbilder, follow-up or reporting.

    ``basis`` names the file and key the cadence comes from ("organ/styrgrupp.yaml:
    möten"), ``start`` the day from which it is counted (None: nothing to count from).
    """

    what: str
    subject: str
    cadence: Frekvens
    basis: str
    start: dt.date | None
    dates: list[dt.date] = field(default_factory=list)
    periods: list[Period] = field(default_factory=list)  # through the one after today's
    today: dt.date = dt.date.min

    @property
    def past(self) -> list[Period]:
        """Periods that ended on or before today."""
        return [p for p in self.periods if p.end <= self.today]

    @property
    def missed(self) -> list[Period]:
        return [p for p in self.past if not p.met]

    @property
    def current(self) -> Period | None:
        return next((p for p in self.periods if p.start <= self.today < p.end), None)

    @property
    def next_due(self) -> dt.date | None:
        """When the next occurrence is due: the end of the first period from today's on
        whose obligation is not yet met."""
        return next((p.due for p in self.periods if p.end > self.today and not p.met), None)

    @property
    def last(self) -> dt.date | None:
        past = [d for d in self.dates if d <= self.today]
        return max(past) if past else None


def _required(start: dt.date, ps: dt.date, pe: dt.date, per: str, count: int) -> int:
    """What a period asks for; the first partial one in proportion (rounded half up)."""
    if start <= ps or per == "vecka":
        return count
    whole = PERIOD_MONTHS[per]
    part = months_between(start, pe)
    return int(count * part / whole + 0.5)


def _cadenced(
    what: str,
    subject: str,
    cadence: Frekvens,
    basis: str,
    start: dt.date | None,
    dates: list[dt.date],
    today: dt.date,
    until: dt.date | None = None,
) -> Cadenced:
    out = Cadenced(what, subject, cadence, basis, start, sorted(dates), today=today)
    if start is None:
        return out
    last = today if until is None else min(today, until)
    # one period past today's, so that next_due exists when today's is already met
    horizon = last
    if until is None or until > today:
        horizon = _after(today, cadence.per)
        if until is not None:
            horizon = min(horizon, until)
    for ps, pe in periods(start, horizon, cadence.per):
        need = _required(start, ps, pe, cadence.per, cadence.count)
        if need <= 0:
            continue
        lo = max(ps, start)
        done = sum(1 for d in dates if lo <= d < pe and d <= today)
        out.periods.append(Period(ps, pe, cadence.per, need, done))
    return out


def _after(today: dt.date, per: str) -> dt.date:
    if per == "vecka":
        return today + dt.timedelta(days=7)
    from ._periods import period_of

    _ps, pe = period_of(today, per, anchor_year=today.year)
    return pe


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
    return _cadenced(
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


def situation_pictures(repo: Repo, kind: str, today: dt.date) -> Cadenced | None:
    """Lägesbilder of ``kind`` (operativ/strategisk) per period of the decided routine."""
    plan = repo.kommun.situation_plan if repo.kommun else None
    routine = (plan.operative if kind == "operativ" else plan.strategic) if plan else None
    if routine is None or routine.cadence is None:
        return None
    dates = [lb.date for lb in repo.lagesbilder.values() if lb.type == kind]
    start = min(dates) if dates else None
    return _cadenced(
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
    return _cadenced(what, organ_id, cadence, f"bfa.yaml: {key}.frekvens", start, dates, today)


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


# -- single dates ----------------------------------------------------------------------------


def revision_due(repo: Repo, doc_id: str) -> dt.date | None:
    """When a document is to be revised (revision) or reviewed (aktualitetsprövning)."""
    d = repo.dokument[doc_id]
    r = d.revision
    if r is None or d.effective_status in (*WITHDRAWN, "ska_upphävas"):
        return None  # a withdrawn document is not revised
    base = d.date or d.valid_from
    return r.date or (add_years(base, r.years) if base and r.years else None)


def indicator_due(repo: Repo, ind_id: str) -> dt.date | None:
    """When the next value of an indicator is due, from its latest one (calendar months)."""
    ind = repo.indikatorer[ind_id]
    if not ind.values:
        return None
    last = max(v.when for v in ind.values)
    return next_due(last, ind.cadence.per, ind.cadence.count)


def trend(values: list[float], direction: str) -> str:
    """'bättre', 'sämre' or 'oförändrat' between the last two values; '' with fewer."""
    if len(values) < 2:
        return ""
    delta = values[-1] - values[-2]
    if delta == 0:
        return "oförändrat"
    better = delta > 0 if direction == "öka" else delta < 0
    return "bättre" if better else "sämre"


@dataclass(frozen=True)
class ActionItem:
    """An action item across the meetings it was carried to: reported once, at its origin."""

    origin: str  # meeting id where it was decided
    index: int  # its position there (or in the first meeting it appears in)
    at: str  # the meeting id the location refers to
    item: Atgardspunkt  # the latest version (latest 'senast')
    done: bool
    last_carried: str | None  # the latest meeting it was carried to


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def action_items(repo: Repo) -> list[ActionItem]:
    """Every action item once: carried copies (``från``) join their origin; closing any
    copy closes the item."""
    groups: dict[tuple[str, str], list[tuple[str, int, Atgardspunkt]]] = {}
    for mid, m in sorted(repo.moten.items(), key=lambda kv: (kv[1].date, kv[0])):
        for i, item in enumerate(m.action_items):
            groups.setdefault((item.origin or mid, _norm(item.what)), []).append((mid, i, item))
    out = []
    for (origin, _what), copies in groups.items():
        at, index, _first = next(((c[0], c[1], c[2]) for c in copies if c[0] == origin), copies[0])
        latest = copies[-1][2]
        carried = [c[0] for c in copies if c[0] != origin]
        out.append(
            ActionItem(
                origin,
                index,
                at,
                latest,
                any(c[2].done for c in copies),
                carried[-1] if carried else None,
            )
        )
    return out


# -- everything with a date -------------------------------------------------------------------


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
        due = indicator_due(repo, iid)
        if due is not None:
            out.append(
                Deadline(
                    "INDIKATOR-INAKTUELL", "indikatorer", iid, ("mätvärden",), due,
                    f"Nytt mätvärde: {ind.name}",
                )
            )  # fmt: skip
    return sorted(out, key=lambda d: (d.due, d.rule, d.id))
