"""Dates given as arguments (``--today``, ``--date``), within the years bfa computes with."""

from __future__ import annotations

import datetime as dt

from ._base import MAX_YEAR, MIN_YEAR, year_in_range


def given_date(text: str, option: str) -> dt.date:
    """A date given as an argument (``--today``, ``--date``): ISO, within the years bfa
    computes with; a UsageError naming ``option`` otherwise."""
    from ..errors import UsageError

    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        raise UsageError(
            f"'{text}' är inget giltigt datum för {option}.", hint="Skriv ÅÅÅÅ-MM-DD."
        ) from None
    if not year_in_range(day.year):
        raise UsageError(
            f"{option} {day.isoformat()} ligger utanför åren bfa räknar med "
            f"({MIN_YEAR}–{MAX_YEAR}).",
            hint="Ange ett datum inom det intervallet.",
        )
    return day
