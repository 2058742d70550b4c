"""Swedish personal identity numbers must never be in the repository.

Individual cases (e.g. from SSPF) do not belong in a public repository. The loader scans
the raw text (numbers in comments are found too) and every loaded key and value (a number
written with YAML escapes, ``800101\\x2D1231``, or folded over two lines). Forms
recognised: YYMMDD-NNNN, YYMMDD+NNNN and YYYYMMDD[-]NNNN, with the Luhn check digit; a day
of 61–91 is a samordningsnummer. The separator may be any Unicode dash or space, a tab,
``+ . / _``, a soft hyphen, or a mark with spaces around it (``800101 - 1231``), as Word
and Excel write them; zero-width characters are skipped and digits of any script count
(full-width ``８００１０１``). The number is found inside longer words and ids too
(``x-199001011234``), and glued to other digits when a dash or plus stands between date
and number (``119800101-1234``, ``800101-12345``). Ten digits without separator are left
alone: that is how phone numbers are written.

No text bfa prints may echo a detected number: ``mask`` replaces each with its masked
form, and every Finding passes its message through it.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterator

__all__ = ["find_personnummer", "mask", "shown"]

#: Every dash Unicode knows (category Pd) and the minus sign, every space (Zs) and tab,
#: and the other marks people put between date and number: + . / _ (also full-width).
_DASHES = (
    "\\-\u00ad\u058a\u05be\u1400\u1806\u2010-\u2015\u2212\u2e17\u2e1a\u2e3a\u2e3b\u2e40"
    "\u2e5d\u301c\u3030\u30a0\ufe31\ufe32\ufe58\ufe63\uff0d"
)
_SPACES = " \t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000"
_MARKS = "+._/\uff0b\uff0e\uff0f\uff3f"
#: One or two marks with at most one space either side ("800101 - 1231"), or one to three
#: spaces ("800101  1231" from justified text, E9).
_SEP = rf"(?:[{_SPACES}]?[{_DASHES}{_MARKS}]{{1,2}}[{_SPACES}]?|[{_SPACES}]{{1,3}})"
#: Characters that do not show: zero-width spaces and joiners, word joiner, BOM. They
#: are skipped wherever they stand in a number. (The soft hyphen, Word's optional
#: hyphen, counts as a dash: it stands where the writer meant one.)
_INVISIBLE = re.compile("[\u180e\u200b-\u200d\u2060\ufeff]")
#: Digits of any script (full-width ８００１０１ too): ``\d`` is Unicode-aware.
_PNR = re.compile(rf"(?<!\d)(?:(\d\d)(\d{{6}}){_SEP}?|(\d{{6}}){_SEP})(\d{{4}})(?!\d)")
#: The same number glued to other digits ("119800101-1234", "800101-12345"), as a number
#: pasted into a diary or case number stands: only with a dash or a plus between date and
#: number, so a long account or phone number without one is left alone.
_GLUED = re.compile(
    rf"(?:(\d\d)(\d{{6}})|(\d{{6}}))[{_SPACES}]?[{_DASHES}+\uff0b][{_SPACES}]?(\d{{4}})"
    # at most one more digit: "800101-12345" is a number glued on, "20240109-20240115" and
    # "240109-240115" are date ranges, never a personnummer (E4)
    r"(?!\d\d)"
)


def _digits(text: str) -> str:
    return "".join(str(unicodedata.digit(c)) for c in text)


def _luhn(digits: str) -> bool:
    total = 0
    for i, ch in enumerate(digits):
        n = int(ch) * (2 if i % 2 == 0 else 1)
        total += n - 9 if n > 9 else n
    return total % 10 == 0


def _kind(m: re.Match[str]) -> str | None:
    if m.group(1) is not None and _digits(m.group(1)) not in ("19", "20"):
        return None
    date = _digits(m.group(2) or m.group(3))
    last = _digits(m.group(4))
    month, day = int(date[2:4]), int(date[4:6])
    if not 1 <= month <= 12:
        return None
    if not (1 <= day <= 31 or 61 <= day <= 91):
        return None
    if not _luhn(date + last):
        return None
    return "samordningsnummer" if 61 <= day <= 91 else "personnummer"


def _masked(m: re.Match[str]) -> str:
    return _digits(m.group(2) or m.group(3))[:2] + "****-****"


def _visible(text: str) -> tuple[str, list[int] | None]:
    """``text`` without invisible characters, and where each kept character stood
    (None when nothing was removed: positions are the same)."""
    if not _INVISIBLE.search(text):
        return text, None
    kept = [i for i, c in enumerate(text) if not _INVISIBLE.match(c)]
    return "".join(text[i] for i in kept), kept


#: Every number _PNR finds has six digits in a row (once invisible characters are
#: skipped); most files have none (dates, phone numbers and diary numbers are shorter),
#: and this simple search says so several times faster than _PNR. Every file and value is
#: scanned, so it is most of what the scan costs.
_SIX_DIGITS = re.compile(r"\d{6}")
#: Any digit (str.isdigit's: every Unicode decimal digit, as ``\d`` in a str pattern).
_DIGIT = re.compile(r"\d")


def find_personnummer(text: str) -> Iterator[tuple[int, int, str, str]]:
    """(line, column, kind, masked) for each valid personnummer or samordningsnummer, in
    the order they stand in ``text``.

    Linear in the number found: a file of 40 000 numbers took minutes when each match was
    compared with every earlier one and the text before it was sliced for its line."""
    seen, where = _visible(text)
    if not _SIX_DIGITS.search(seen):
        return
    plain = [(m, k) for m in _PNR.finditer(seen) if (k := _kind(m)) is not None]
    ends = [m.end() for m, _ in plain]  # increasing: finditer's matches do not overlap
    found = list(plain)
    for m in _GLUED.finditer(seen):
        kind = _kind(m)
        if kind is None:
            continue
        i = bisect.bisect_right(ends, m.start())  # the first plain match ending after it
        if i < len(plain) and plain[i][0].start() < m.end():
            continue  # a part of a number _PNR found already
        found.append((m, kind))
    found.sort(key=lambda mk: mk[0].start())
    line, pos, line_start = 1, 0, 0
    for m, kind in found:
        start = m.start() if where is None else where[m.start()]
        line += text.count("\n", pos, start)
        newline = text.rfind("\n", pos, start)
        if newline != -1:
            line_start = newline + 1
        pos = start
        yield line, start - line_start + 1, kind, _masked(m)


def left_out(text: str, instead: str) -> str:
    """``text`` with every personnummer replaced by ``instead`` (for finished text, where
    the masked form's asterisks would be markup)."""
    if not _DIGIT.search(text):  # a regex: a generator per character cost seconds
        return text
    text = _PNR.sub(lambda m: instead if _kind(m) else m.group(0), text)
    return _GLUED.sub(lambda m: instead if _kind(m) else m.group(0), text)


def mask(text: str) -> str:
    """``text`` with every personnummer and samordningsnummer masked (YY****-****)."""
    if not _DIGIT.search(text):  # a regex: a generator per character cost seconds
        return text
    seen, where = _visible(text)
    masked = _PNR.sub(lambda m: _masked(m) if _kind(m) else m.group(0), seen)
    masked = _GLUED.sub(lambda m: _masked(m) if _kind(m) else m.group(0), masked)
    if where is None or masked == seen:
        return masked if where is None else text
    return masked  # the invisible characters go with the number they hid


def shown(text: object) -> str:
    """``text`` as bfa may print it anywhere: personnummer masked, control characters
    visible (``\\x1b``). Every error line and hint passes through it, so an argument
    echoed back ("inget möte '800101-1231'") never shows a number or moves the cursor."""
    from ._escape import visible

    # A line break is kept but indented: text from a file or an argument can then never
    # start a line of its own that looks like bfa's ("bfa: klart", "  • …").
    return mask(visible(text)).replace("\r", "\\r").replace("\n", "\n    ")
