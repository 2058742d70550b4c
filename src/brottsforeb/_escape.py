"""Escaping every user string for the target it lands in.

No value from a YAML file may become markup or code: Markdown, Typst, Mermaid,
XML (SVG) and iCalendar each get their own escaper, and templates apply the
Markdown one to every expression automatically (see ``_env.py``).
"""

from __future__ import annotations

import re

__all__ = ["Safe", "cell", "csv_cell", "md", "mermaid", "one_line", "typst", "visible", "xml"]


class Safe(str):
    """Markdown produced by bfa itself, which must not be escaped again."""

    __slots__ = ()


#: C0 controls but tab and newline, DEL, C1 controls (U+0085 NEL and the CSI/OSC
#: introducers U+009B/U+009D included), the Unicode line/paragraph separators, and the
#: lone surrogates Python uses for bytes of a file name that are not UTF-8 (b"\\xff"),
#: and the bidirectional controls (U+202A–202E, U+2066–2069, LRM/RLM/ALM) that turn
#: text around on screen ("Trojan Source").
_CONTROL = re.compile(
    r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\udc80-\udcff]"
)
_CONTROL_ANY = re.compile(
    r"[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028-\u202e\u2066-\u2069\udc80-\udcff]"
)


def _code(m: re.Match[str]) -> str:
    c = ord(m.group(0))
    if 0xDC80 <= c <= 0xDCFF:
        return f"\\x{c - 0xDC00:02x}"  # the byte as it stands in the file name
    return f"\\x{c:02x}" if c < 0x100 else f"\\u{c:04x}"


def visible(value: object) -> str:
    """Text for a terminal or a document: control characters shown as ``\\x1b``.

    An escape sequence (ESC, BEL, OSC, CSI, C1) from a file or a commit can then
    neither recolour, retitle nor rewrite the user's terminal. Newlines and tabs stay.
    """
    text = str(value)
    return _CONTROL.sub(_code, text) if _CONTROL.search(text) else text


def one_line(value: object) -> str:
    """Like ``visible``, with newlines and tabs shown too: for one-line contexts."""
    text = str(value)
    return _CONTROL_ANY.sub(_code, text) if _CONTROL_ANY.search(text) else text


_MD_ANYWHERE = re.compile(r"([\\`*_\[\]<>|~$&!#])")
#: Block markers at the start of a line: "- ", "+ ", "> ", "=" (setext), "1. " / "1) ".
#: Only punctuation can be backslash-escaped in CommonMark, so "1." becomes "1\.".
_MD_LINE_START = re.compile(r"^(\s*)([-+>=])|^(\s*\d+)([.)])(?=\s|$)", re.MULTILINE)


_ASCII_SPACE = re.compile(r"[ \t\n\r\f\v]+")


def md(value: object) -> str:
    """Text that Markdown renders literally (CommonMark and GitHub)."""
    if isinstance(value, Safe):
        return value
    # One paragraph: newlines would start new blocks. No-break spaces (Swedish numbers,
    # "15,3 %") are kept: only ASCII whitespace is collapsed.
    text = _ASCII_SPACE.sub(" ", visible(value)).strip()
    text = _MD_ANYWHERE.sub(r"\\\1", text)
    return _MD_LINE_START.sub(
        lambda m: (m.group(1) or m.group(3) or "") + "\\" + (m.group(2) or m.group(4)), text
    )


def cell(value: object) -> str:
    """Text for a Markdown table cell (md, and never an empty cell that breaks a row)."""
    return md(value) or " "


_SPACE = re.compile(r"[ \t\n\r\f\v]+")  # not the no-break space of "3 945"
_TYPST_SPECIAL = re.compile(r"([\\#$*_`<>@\[\]=\-+/~'\":%&.!|{}();,^?])")


def typst(value: object) -> str:
    """Text for Typst markup: every ASCII punctuation mark is backslash-escaped."""
    return _TYPST_SPECIAL.sub(r"\\\1", _SPACE.sub(" ", visible(value)))


def typst_string(value: object) -> str:
    """Contents of a Typst string literal "…"."""
    return str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")


_MERMAID = {
    '"': "#quot;",
    "#": "#35;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "`": "#96;",
    "\\": "#92;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
    "{": "#123;",
    "}": "#125;",
    "(": "#40;",
    ")": "#41;",
    ";": "#59;",
    "%": "#37;",
}


def mermaid(value: object) -> str:
    """Text inside a quoted Mermaid label."""
    return "".join(_MERMAID.get(c, c) for c in " ".join(visible(value).split()))


def mermaid_comment(value: object) -> str:
    """Text for a Mermaid ``%%`` comment line: one line, no markup, no fence."""
    return mermaid(value).replace("\n", " ")


def xml(value: object) -> str:
    """Text content or attribute value in SVG/XML."""
    return (
        str(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace('"', "&quot;")
        .replace("'", "&apos;")
    )


#: What makes Excel or LibreOffice read a cell as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def csv_cell(value: object) -> object:
    """A value for a CSV cell a spreadsheet will open: text that would start a formula
    (``=HYPERLINK(…)``, ``+``, ``-``, ``@``, tab, CR) gets a leading ``'``, which the
    spreadsheet shows as text; control characters are shown visibly. Numbers stay numbers."""
    if not isinstance(value, str):
        return value
    text = visible(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
