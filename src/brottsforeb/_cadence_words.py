"""A cadence written in words ("4 gånger per år", "en gång i månaden", "årligen") read as
the mapping bfa wants ({antal: 4, per: år}), for the hint of a schema error."""

from __future__ import annotations

import re

__all__ = ["cadence_from_words"]

_NUMBERS = {
    "en": 1, "ett": 1, "två": 2, "tre": 3, "fyra": 4, "fem": 5, "sex": 6, "sju": 7,
    "åtta": 8, "nio": 9, "tio": 10, "elva": 11, "tolv": 12,
}  # fmt: skip
_PERIODS = {
    "vecka": "vecka", "veckan": "vecka", "månad": "månad", "månaden": "månad",
    "kvartal": "kvartal", "kvartalet": "kvartal", "termin": "termin", "terminen": "termin",
    "halvår": "halvår", "halvåret": "halvår", "år": "år", "året": "år",
}  # fmt: skip
_ADVERBS = {
    "årligen": (1, "år"), "årsvis": (1, "år"), "månadsvis": (1, "månad"),
    "veckovis": (1, "vecka"), "kvartalsvis": (1, "kvartal"), "terminsvis": (1, "termin"),
    "halvårsvis": (1, "halvår"), "vartannat år": (1, "vartannat år"),
}  # fmt: skip
_TIMES = re.compile(
    r"^\s*(\d{1,3}|[a-zåäö]+)\s+gång(?:er)?\s+(?:per|i|om|varje)\s+([a-zåäö]+)\s*\.?\s*$"
)


def cadence_from_words(text: str) -> str | None:
    """``{antal: 4, per: år}`` for "4 gånger per år" (or "fyra gånger om året",
    "årligen"); None when the words are not a cadence bfa can read."""
    low = " ".join(text.lower().split())
    if low.rstrip(".") in _ADVERBS:
        return _mapping(*_ADVERBS[low.rstrip(".")])
    m = _TIMES.match(low)
    if not m:
        return None
    word, period = m.groups()
    times = int(word) if word.isdigit() else _NUMBERS.get(word)
    per = _PERIODS.get(period)
    if not times or per is None or times > 366:
        return None
    return _mapping(times, per)


def _mapping(n: int, per: str) -> str:
    per_text = f"'{per}'" if " " in per else per
    return f"{{antal: {n}, per: {per_text}}}"
