"""What only a loaded YAML value shows: personnummer and control characters hidden by
escapes (``"800101\\x2D1231"``, ``"\\e]8;;…"``), line continuations or folded lines.

The loader scans the raw text of every file; these checks look at each loaded scalar (and
key) as well, and report only what the raw scan could not see.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import yaml

from .findings import Finding, from_catalog

__all__ = [
    "LINESEPS",
    "ODD",
    "SUSPECT",
    "clean_key",
    "hidden",
    "line_breaks",
    "loaded_text_findings",
    "symbol_text",
    "without_hidden",
]

#: Characters no value needs and a terminal or viewer obeys: C0 controls but tab and
#: newline, DEL, C1 (CSI U+009B, OSC U+009D), and the bidirectional controls that turn text
#: around. YAML refuses them raw; written as escapes ("\\e]8;;…", "\\x9b") they load.
ODD = _HIDDEN_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

#: Characters that display nowhere else: the private-use areas (Word's Symbol-font bullets
#: U+F0B7 and arrows U+F0E0… pasted from a list), the replacement character U+FFFD (text
#: lost in a conversion) and noncharacters. The PDF refuses them; Word and web pages show
#: an empty box. Raw or escaped, the loaded value carries them.
SYMBOL = re.compile("[\ue000-\uf8ff\ufffd\ufdd0-\ufdef\ufffe\uffff\U000f0000-\U0010ffff]")

#: Either kind: the one test the reader's hot loop makes on every value.
SUSPECT = re.compile(ODD.pattern[:-1] + SYMBOL.pattern[1:])


def symbol_text(char: str) -> str:
    """What a coordinator knows a symbol character as, to find it in the file."""
    c = ord(char)
    if 0xF000 <= c <= 0xF0FF:
        return (
            f"U+{c:04X}, ett symboltecken från Word (ofta punkten i en punktlista), "
            "som inte kan visas i PDF:en"
        )
    if c == 0xFFFD:
        return (
            "U+FFFD, ersättningstecknet (\ufffd): här gick text förlorad när den "
            "konverterades eller kopierades"
        )
    if 0xFDD0 <= c <= 0xFDEF or c & 0xFFFE == 0xFFFE:
        return f"U+{c:04X}, som inte är något tecken alls och inte kan visas"
    return f"U+{c:04X}, ett privat tecken som bara ett visst typsnitt kan visa"


#: Word's and Outlook's line breaks (Shift+Enter U+2028, paragraph U+2029, NEL U+0085).
LINESEPS = re.compile("[\u2028\u2029\x85]")


def line_breaks(value: str) -> str:
    """Word's line and paragraph separators as the line breaks they are: a one-line field
    then says so ("får bara vara en rad"), a text shows the break, and no document prints
    a visible "\\u2028"."""
    return value.replace("\u2029", "\n\n").replace("\u2028", "\n").replace("\x85", "\n")


#: Ten digits with at most three other characters between each: a value that could
#: hold a personnummer once loaded (the full check runs only on these).
_MAYBE_PNR = re.compile(r"(?:\d\D{0,3}){10}")


def loaded_text_findings(
    node: yaml.ScalarNode, text: str, file: str, where: tuple[int, int], *, numbers: bool = True
) -> list[Finding]:
    """Findings for the loaded value of ``node`` (at ``where`` in ``file``, whose text is
    ``text``): a control or bidi character, a personnummer the raw text hides (looked for
    only when ``numbers``: a plain one-line value is its raw text)."""
    value = str(node.value)
    out: list[Finding] = []
    found = _HIDDEN_CONTROL.search(value)
    if found is not None:
        code = f"U+{ord(found.group(0)):04X}"
        out.append(from_catalog("YAML-STYRTECKEN", file, *where, code=code))
    symbol = SYMBOL.search(value)
    if symbol is not None:
        out.append(from_catalog("TEXT-SYMBOL", file, *where, what=symbol_text(symbol.group(0))))
    if numbers and _MAYBE_PNR.search(value):
        from ._pii import find_personnummer

        loaded = list(find_personnummer(value))
        raw = text[node.start_mark.index : node.end_mark.index]
        if loaded and len(list(find_personnummer(raw))) < len(loaded):
            _line, _col, what, masked = loaded[0]
            out.append(from_catalog("PERSONNUMMER", file, *where, what=what, masked=masked))
    return out


#: Characters that do not show, by the names Word and a web page give them. A key or an
#: id holding one looks right and is not: it is named in the message, with its place.
_HIDDEN_NAMES = {
    "\u00a0": "hårt mellanslag",
    "\u00ad": "mjukt bindestreck",
    "\u200b": "nollbreddsmellanslag",
    "\u200c": "nollbreddsskiljare",
    "\u200d": "nollbreddsfog",
    "\u202f": "smalt hårt mellanslag",
    "\u2060": "ordfog",
    "\ufeff": "BOM",
}


def _is_hidden(c: str) -> bool:
    return c in _HIDDEN_NAMES or (c != " " and unicodedata.category(c) in ("Zs", "Cf"))


def hidden(text: str) -> str | None:
    """The first character of ``text`` that does not show, described for a message
    ("U+200B (nollbreddsmellanslag) efter 'tit'"); None when every character shows."""
    for i, c in enumerate(text):
        if _is_hidden(c):
            name = _HIDDEN_NAMES.get(c, "osynligt tecken")
            where = f"efter '{without_hidden(text[:i])}'" if i else "först"
            return f"U+{ord(c):04X} ({name}) {where}"
    return None


def without_hidden(text: str) -> str:
    """``text`` without the characters that do not show."""
    return "".join(c for c in text if not _is_hidden(c))


def clean_key(key: str, reader: Any, node: yaml.Node) -> str:
    """A mapping key as it was meant: without the characters that do not show, each key
    that had one reported (YAML-OSYNLIGT) by ``reader`` (the file's builder, _yaml)."""
    what = hidden(key)
    if what is None:
        return key
    key = without_hidden(key)
    line, col = reader.mark(node)
    reader.out.findings.append(
        from_catalog("YAML-OSYNLIGT", reader.file, line, col, key=key, what=what)
    )
    return key
