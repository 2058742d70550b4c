"""Calendar arithmetic for cadences: periods, their Swedish labels, adding years."""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterator

__all__ = [
    "PERIOD_MONTHS",
    "add_months",
    "add_years",
    "label",
    "months_between",
    "next_due",
    "period_of",
    "periods",
    "planned_per_year",
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


def planned_per_year(per: str, count: int) -> float:
    """How many occurrences a cadence asks for in a whole year."""
    if per == "vecka":
        return 52.0 * count
    return 12 / PERIOD_MONTHS[per] * count


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
