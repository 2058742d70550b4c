"""Calendar arithmetic: cadence periods, their Swedish labels, adding months and years,
and how far a due date is from today (the words `bfa check` says about it)."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

from ._words import count as _count

__all__ = [
    "PERIOD_MONTHS",
    "UNITS",
    "add_months",
    "add_years",
    "days",
    "due_state",
    "ends_soon",
    "label",
    "months_between",
    "next_due",
    "period_after",
    "period_of",
    "periods",
    "required_in",
]

#: Length of one cadence period in months (weeks handled separately). A termin is a
#: school term: vårtermin January–June, hösttermin July–December.
PERIOD_MONTHS: dict[str, int] = {
    "månad": 1,
    "kvartal": 3,
    "halvår": 6,
    "termin": 6,
    "år": 12,
    "vartannat år": 24,
}

MONTHS = (
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
)  # fmt: skip


def add_months(d: dt.date, months: int) -> dt.date:
    """``d`` plus whole months; the 31st becomes the last day of a shorter month."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def add_years(d: dt.date, years: int) -> dt.date:
    return add_months(d, 12 * years)


def months_between(start: dt.date, end: dt.date) -> int:
    """Whole calendar months from the month of ``start`` up to (not including) ``end``'s."""
    return (end.year - start.year) * 12 + end.month - start.month


def next_due(last: dt.date, per: str, count: int) -> dt.date:
    """The latest date the next occurrence may happen, given the last one (calendar months)."""
    if per == "vecka":
        return last + dt.timedelta(days=max(1, 7 // count))
    return add_months(last, max(1, PERIOD_MONTHS[per] // count))


def period_of(d: dt.date, per: str, anchor_year: int = 0) -> tuple[dt.date, dt.date]:
    """The period containing ``d``: (first day, first day of the next period)."""
    if per == "vecka":
        start = d - dt.timedelta(days=d.weekday())
        return start, start + dt.timedelta(days=7)
    months = PERIOD_MONTHS[per]
    if per == "vartannat år":
        year = d.year - ((d.year - anchor_year) % 2)
        start = dt.date(year, 1, 1)
    else:
        start = dt.date(d.year, ((d.month - 1) // months) * months + 1, 1)
    return start, add_months(start, months)


def period_after(today: dt.date, per: str) -> dt.date:
    """The first day of the period after today's."""
    if per == "vecka":
        return today + dt.timedelta(days=7)
    return period_of(today, per, anchor_year=today.year)[1]


def required_in(start: dt.date, ps: dt.date, pe: dt.date, per: str, count: int) -> int:
    """What the period [ps, pe) asks for of a cadence of ``count`` per ``per`` counted from
    ``start``: the first partial period in proportion (whole months, rounded half up)."""
    if start <= ps or per == "vecka":
        return count
    part = months_between(start, pe)
    return int(count * part / PERIOD_MONTHS[per] + 0.5)


def periods(first: dt.date, until: dt.date, per: str) -> Iterator[tuple[dt.date, dt.date]]:
    """Consecutive periods from the one containing ``first`` to the one containing ``until``."""
    start, end = period_of(first, per, anchor_year=first.year)
    while start <= until:
        yield start, end
        start, end = period_of(end, per, anchor_year=first.year)


def label(start: dt.date, per: str) -> str:
    """Swedish name of the period starting at ``start``."""
    if per == "vecka":
        year, week, _ = start.isocalendar()
        return f"vecka {week} {year}"
    if per == "månad":
        return f"{MONTHS[start.month - 1]} {start.year}"
    if per == "kvartal":
        return f"kvartal {(start.month - 1) // 3 + 1} {start.year}"
    if per == "termin":
        return f"{'vårterminen' if start.month == 1 else 'höstterminen'} {start.year}"
    if per == "halvår":
        return f"{'första' if start.month == 1 else 'andra'} halvåret {start.year}"
    if per == "vartannat år":
        return f"{start.year}–{start.year + 1}"
    return f"år {start.year}"


#: A cadence period's name in the plural ("3 kvartal i följd").
UNITS: dict[str, str] = {
    "vecka": "veckor",
    "månad": "månader",
    "kvartal": "kvartal",
    "termin": "terminer",
    "halvår": "halvår",
    "år": "år",
    "vartannat år": "tvåårsperioder",
}


def days(n: int) -> str:
    """'1 dag', '2 dagar'."""
    return _count(n, "dag", "dagar")


def due_state(
    due: dt.date, today: dt.date, horizon_days: int, *, late: str, soon: str
) -> tuple[str, bool] | None:
    """How a due date stands on ``today``, in days: (Swedish phrase, overdue?) when it is
    past or within the horizon, None when it is later."""
    n = (due - today).days
    if n < 0:
        return f"{late} {due.isoformat()} ({days(-n)})", True
    if n <= horizon_days:
        left = "i dag" if n == 0 else f"om {days(n)}"
        return f"{soon} {due.isoformat()} ({left})", False
    return None


def ends_soon(end: dt.date, today: dt.date, horizon_days: int, per: str) -> bool:
    """Whether a period ending at ``end`` (exclusive) is worth a warning on ``today``:
    within the horizon, and within one period's length (a year's duty is not announced
    in January)."""
    months = PERIOD_MONTHS.get(per, 0)
    return (end - today).days <= min(horizon_days, 31 * months if months else 7)
