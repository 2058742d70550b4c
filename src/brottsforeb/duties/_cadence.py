"""Counting a cadence: the periods of a duty, what each asks for and what was done."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from .._periods import label, period_after, periods, required_in
from ..model import Frekvens

DAY = dt.timedelta(days=1)


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


def counted(
    what: str,
    subject: str,
    cadence: Frekvens,
    basis: str,
    start: dt.date | None,
    dates: list[dt.date],
    today: dt.date,
    until: dt.date | None = None,
) -> Cadenced:
    """The duty ``what`` of ``subject`` counted from ``start`` through the period after
    today's (or through ``until``, when the duty ends), with the ``dates`` it was done."""
    out = Cadenced(what, subject, cadence, basis, start, sorted(dates), today=today)
    if start is None:
        return out
    last = today if until is None else min(today, until)
    # one period past today's, so that next_due exists when today's is already met
    horizon = last
    if until is None or until > today:
        horizon = period_after(today, cadence.per)
        if until is not None:
            horizon = min(horizon, until)
    for ps, pe in periods(start, horizon, cadence.per):
        need = required_in(start, ps, pe, cadence.per, cadence.count)
        if need <= 0:
            continue
        lo = max(ps, start)
        done = sum(1 for d in dates if lo <= d < pe and d <= today)
        out.periods.append(Period(ps, pe, cadence.per, need, done))
    return out
