"""Numbers as Swedish officials write them, the same in every document and on screen.

``bfa status`` and the documents (uppföljning, riktlinje …) show an indicator's value
through ``value_text``: one formatter, so two commands never write one figure two ways.
"""

from __future__ import annotations

from typing import Any

#: No-break space: thousands separator and the space before %, never broken across lines.
NBSP = "\u00a0"

#: Units that make a value a share of a whole, between 0 and 100.
SHARE_UNITS = ("procent", "%", "andel i procent")


def tal(raw: Any, decimals: int | None = None) -> str:
    """A number as Swedish writes it: ``3 945``, ``15,3``, ``-2,5`` (no-break spaces)."""
    if raw is None or raw == "":
        return ""
    if isinstance(raw, bool):
        return "ja" if raw else "nej"
    if isinstance(raw, str):
        try:
            number = float(raw.replace(",", ".").replace(NBSP, "").replace(" ", ""))
        except ValueError:
            return raw
    else:
        number = float(raw)
    if decimals is None:
        text = f"{number:.6f}".rstrip("0").rstrip(".")
        if text in ("-0", ""):
            text = "0"
    else:
        text = f"{number:.{decimals}f}"
    sign = ""
    if text.startswith("-"):
        sign, text = "-", text[1:]
    whole, _, frac = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    # Four-digit numbers are grouped too ("3 945"); years never pass through here.
    out = NBSP.join(groups)
    return sign + out + ("," + frac if frac else "")


def procent(value: Any, decimals: int | None = None) -> str:
    """``15,3 %`` with a no-break space before the sign."""
    text = tal(value, decimals)
    return f"{text}{NBSP}%" if text else ""


def value_text(value: float, unit: str) -> str:
    """An indicator value in Swedish: ``15,3 %`` for percentages, ``7 250`` otherwise."""
    if unit.strip().lower() in SHARE_UNITS:
        return procent(value)
    return tal(value)
