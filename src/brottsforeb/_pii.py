"""Swedish personal identity numbers must never be in the repository.

Individual cases (e.g. from SSPF) do not belong in a public repository. The scan reads
the raw text, so numbers in comments are found too. Forms recognised: YYMMDD-NNNN,
YYMMDD+NNNN and YYYYMMDD[-]NNNN, with the Luhn check digit; a day of 61–91 is a
samordningsnummer. The separator may also be a space, an en or em dash, a (no-break)
hyphen or a minus sign, as word processors write it; the number is found inside
longer words and ids too (``x-199001011234``). Ten digits without separator are left
alone: that is how phone numbers are written.

No text bfa prints may echo a detected number: ``mask`` replaces each with its masked
form, and every Finding passes its message through it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_personnummer", "mask"]

_SEP = "-+ \u00a0\u2010\u2011\u2012\u2013\u2014\u2212"
_PNR = re.compile(
    rf"(?<!\d)(?:(19|20)(\d{{6}})[{_SEP}]?|(\d{{6}})[{_SEP}])(\d{{4}})(?!\d)",
)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _kind(m: re.Match[str]) -> str | None:
    date = m.group(2) or m.group(3)
    last = m.group(4)
    month, day = int(date[2:4]), int(date[4:6])
    if not 1 <= month <= 12:
        return None
    if not (1 <= day <= 31 or 61 <= day <= 91):
        return None
    if not _luhn(date + last):
        return None
    return "samordningsnummer" if 61 <= day <= 91 else "personnummer"


def _masked(m: re.Match[str]) -> str:
    return (m.group(2) or m.group(3))[:2] + "****-****"


#: Every number _PNR finds has six digits in a row; most files have none (dates, phone
#: numbers and diary numbers are shorter), and this simpler search says so three times
#: faster than _PNR itself. Every file is scanned, so it is most of what the scan costs.
_SIX_DIGITS = re.compile(r"\d{6}")


def find_personnummer(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, kind, masked) for each valid personnummer or samordningsnummer."""
    if not _SIX_DIGITS.search(text):
        return
    for m in _PNR.finditer(text):
        kind = _kind(m)
        if kind is None:
            continue
        before = text[: m.start()]
        line = before.count("\n") + 1
        column = m.start() - (before.rfind("\n") + 1) + 1
        yield line, column, kind, _masked(m)


def mask(text: str) -> str:
    """``text`` with every personnummer and samordningsnummer masked (YY****-****)."""
    if not any(c.isdigit() for c in text):
        return text
    return _PNR.sub(lambda m: _masked(m) if _kind(m) else m.group(0), text)
