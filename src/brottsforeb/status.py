"""`bfa status`: the state of the work on one screen, as data the CLI lays out."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import duties
from ._numbers import SHARE_UNITS, value_text
from .findings import JSON_VERSION, Finding, Severity, as_dict
from .repo import Repo

__all__ = ["BodyStatus", "IndicatorStatus", "Status", "measures_text", "sparkline", "status"]

_BARS = "▁▂▃▄▅▆▇█"
#: The order measures are listed in: what needs attention first.
STATUS_ORDER = ("försenad", "pågående", "planerad", "genomförd", "avbruten")
#: Each status counted: "1 försenad", "2 försenade".
_PLURAL = {
    "försenad": "försenade",
    "pågående": "pågående",
    "planerad": "planerade",
    "genomförd": "genomförda",
    "avbruten": "avbrutna",
}


def measures_text(measures: dict[str, int]) -> str:
    """ "Åtgärder: 3 försenade, 1 genomförd." — late by the day judged, as check says."""
    if not measures:
        return "Åtgärder: inga registrerade."
    parts = [
        f"{n} {state if n == 1 else _PLURAL.get(state, state)}" for state, n in measures.items()
    ]
    return "Åtgärder: " + ", ".join(parts) + "."


def sparkline(values: list[float]) -> str:
    """One character per value, low ▁ to high █ (all equal: a flat middle line)."""
    if not values:
        return ""
    lo, hi = min(values), max(values)
    if hi == lo:
        return "▄" * len(values)
    return "".join(_BARS[round((v - lo) / (hi - lo) * (len(_BARS) - 1))] for v in values)


@dataclass(frozen=True)
class BodyStatus:
    id: str
    name: str
    cadence: str
    last: dt.date | None
    next_planned: dt.date | None
    next_due: dt.date | None  # when the next meeting is due by the cadence
    #: the next meeting is overdue by the cadence and none is planned
    late: bool = False


@dataclass(frozen=True)
class IndicatorStatus:
    id: str
    name: str
    unit: str
    values: list[float]
    labels: list[str]
    direction: str  # öka / minska
    trend: str  # "bättre", "sämre", "oförändrat" or "" with fewer than two values

    @property
    def latest(self) -> str:
        """The latest value as the documents write it ("5,2 %", "7 250"), and its period."""
        if not self.values:
            return ""
        shown = value_text(self.values[-1], self.unit)
        if self.unit.strip().lower() not in SHARE_UNITS:
            shown += f" {self.unit}"
        return f"{shown} ({self.labels[-1]})"


@dataclass
class Status:
    name: str
    today: dt.date
    bodies: list[BodyStatus] = field(default_factory=list)
    due: list[Finding] = field(default_factory=list)
    measures: dict[str, int] = field(default_factory=dict)
    indicators: list[IndicatorStatus] = field(default_factory=list)
    files: int = 0
    #: Duties of the law that are not met (validate's LAG-* errors: a vacant
    #: samordningsfunktion, no lägesbild …): the screen names them, not only check's dates
    law: list[Finding] = field(default_factory=list)
    #: Files that could not be read (schema or YAML errors): nothing on this screen counts
    #: them, so they are named rather than left out without a word
    unreadable: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(1 for f in self.due if f.severity is Severity.ERROR)

    def to_dict(self, **extra: object) -> dict[str, Any]:
        """The documented JSON shape of ``bfa status --format json`` (docs/json.md);
        ``extra`` (e.g. ``root``) follows ``command``."""

        def day(d: dt.date | None) -> str | None:
            return d.isoformat() if d else None

        return {
            "version": JSON_VERSION,
            "command": "status",
            **extra,
            "name": self.name,
            "today": self.today.isoformat(),
            "files": self.files,
            "summary": {"overdue": self.overdue, "due_soon": len(self.due) - self.overdue},
            "bodies": [
                {
                    "id": b.id,
                    "name": b.name,
                    "cadence": b.cadence,
                    "last": day(b.last),
                    "next_planned": day(b.next_planned),
                    "next_due": day(b.next_due),
                }
                for b in self.bodies
            ],
            "due": [as_dict(f) for f in self.due],
            "law": [as_dict(f) for f in self.law],
            "unreadable": list(self.unreadable),
            "measures": dict(self.measures),
            "indicators": [
                {
                    "id": i.id,
                    "name": i.name,
                    "unit": i.unit,
                    "direction": i.direction,
                    "trend": i.trend,
                    "values": [
                        {"label": label, "value": value}
                        for label, value in zip(i.labels, i.values, strict=True)
                    ],
                }
                for i in self.indicators
            ],
        }


def status(repo: Repo, today: dt.date | None = None, horizon_days: int = 90) -> Status:
    """Bodies and their meetings, what is due, measures by status, indicator trends."""
    from .rules import check, validate

    today = today or dt.date.today()
    k = repo.kommun
    out = Status(k.name if k else "", today, files=repo.file_count)
    for oid, body in sorted(repo.organ.items(), key=lambda kv: kv[1].name.lower()):
        files = repo.meetings_of(oid)
        past = [m.date for m in files if m.held(today)]
        planned = [m.date for m in files if m.date > today and m.state(today) == "planerat"]
        cadence = body.meetings
        duty = duties.meetings(repo, oid, today)
        next_due = duty.next_due if duty else None
        if cadence is None and not files:
            continue  # bodies without meetings of their own (e.g. an external network)
        out.bodies.append(
            BodyStatus(
                oid,
                body.name,
                cadence.describe() if cadence else "",
                past[-1] if past else None,
                planned[0] if planned else None,
                next_due,
                late=next_due is not None and next_due < today and not planned,
            )
        )
    out.due = [f for f in check(repo, today, horizon_days) if f.severity is not Severity.INFO]
    out.law = [
        f for f in validate(repo) if f.rule.startswith("LAG-") and f.severity is Severity.ERROR
    ]
    out.unreadable = sorted(e.file for e in repo.iter_entries() if e.model is None)
    # a measure past its end and not finished counts as late, as check says (N1): the
    # status written in its file would say "1 försenad" beside three late ones
    late = set(duties.late_measures(repo, today))
    counts: Counter[str] = Counter(
        "försenad" if k in late else m.status for k, m in repo.atgarder.items()
    )
    out.measures = {s: counts[s] for s in STATUS_ORDER if counts[s]}
    for iid, ind in sorted(repo.indikatorer.items(), key=lambda kv: kv[1].name.lower()):
        values = duties.known_values(ind, today)  # not a later period's, judged as of today
        nums = [v.value for v in values]
        out.indicators.append(
            IndicatorStatus(
                iid,
                ind.name,
                ind.unit,
                nums,
                [v.label for v in values],
                ind.direction,
                duties.trend(nums, ind.direction),
            )
        )
    return out
