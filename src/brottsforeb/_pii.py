"""Swedish personal identity numbers must never be in the repository.

Individual cases (e.g. from SSPF) do not belong in a public repository. The scan reads
the raw text, so numbers in comments are found too. Forms recognised: YYMMDD-NNNN,
YYMMDD+NNNN and YYYYMMDD[-]NNNN, with the Luhn check digit; a day of 61–91 is a
samordningsnummer. Ten digits without separator are left alone: that is how phone
numbers are written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["find_personnummer"]

_PNR = re.compile(r"(?<![\d-])(?:(19|20)(\d{6})[-+]?|(\d{6})[-+])(\d{4})(?![\d])")


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def find_personnummer(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, kind, masked) for each valid personnummer or samordningsnummer."""
    for m in _PNR.finditer(text):
        date = m.group(2) or m.group(3)
        last = m.group(4)
        month, day = int(date[2:4]), int(date[4:6])
        if not 1 <= month <= 12:
            continue
        kind = "samordningsnummer" if 61 <= day <= 91 else "personnummer"
        if not (1 <= day <= 31 or 61 <= day <= 91):
            continue
        if not _luhn(date + last):
            continue
        before = text[: m.start()]
        line = before.count("\n") + 1
        column = m.start() - (before.rfind("\n") + 1) + 1
        yield line, column, kind, date[:2] + "****-****"
