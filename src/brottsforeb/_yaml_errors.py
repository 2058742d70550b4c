"""libyaml's English syntax errors as the catalog's Swedish cases of YAML-SYNTAX."""

from __future__ import annotations

import yaml

from .findings import Finding, from_catalog

__all__ = ["_syntax_finding", "no_text"]


#: libyaml's English problem → the catalog's case of YAML-SYNTAX (rules/catalog/).
_SYNTAX_CASES: list[tuple[str, str]] = [
    ("mapping values are not allowed", "kolon-i-värde"),
    ("could not find expected ':'", "kolon-saknas"),
    ("did not find expected key", "indrag-nyckel"),
    ("did not find expected '-' indicator", "indrag-lista"),
    ("found unexpected end of stream", "slut"),
    ("found undefined alias", "alias-saknas"),
    ("expected a single document", "flera-dokument"),
    ("found unknown escape character", "escape"),
    ("did not find expected ',' or ']'", "lista-slut"),
    ("did not find expected ',' or '}'", "mappning-slut"),
    ("found character that cannot start any token", "tecken-start"),
    ("second occurrence", "ankare-dubbelt"),
    ("found duplicate anchor", "ankare-dubbelt"),
    ("did not find expected hexdecimal number", "escape"),
    ("found incompatible YAML document", "version"),
    ("block sequence entries are not allowed", "lista-i-värde"),
    ("did not find expected node content", "värde-saknas"),
]


def _syntax_finding(exc: yaml.YAMLError, text: str, file: str) -> Finding:
    bom = text.find("\ufeff")  # the leading one is gone (decode): this one is mid-file
    if bom >= 0:
        upto = text[:bom]
        line, col = upto.count("\n") + 1, bom - (upto.rfind("\n") + 1) + 1
        return from_catalog("YAML-SYNTAX", file, line, col, "bom")
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 0
    col = mark.column + 1 if mark is not None else 0
    if isinstance(exc, yaml.reader.ReaderError):
        upto = text[: exc.position]
        line = upto.count("\n") + 1
        col = exc.position - (upto.rfind("\n") + 1) + 1
        return from_catalog("YAML-SYNTAX", file, line, col, "tecken", code=repr(exc.character))
    problem = str(getattr(exc, "problem", "") or exc)
    if mark is not None and mark.index < len(text) and text[mark.index] == "\t":
        return from_catalog("YAML-TABB", file, line, col)
    lines = text.splitlines()
    for n in (line, line - 1):
        if 0 < n <= len(lines):
            indent = lines[n - 1][: len(lines[n - 1]) - len(lines[n - 1].lstrip())]
            if "\t" in indent:
                return from_catalog("YAML-TABB", file, n, indent.index("\t") + 1)
    # "expected a single document" is libyaml's context, not its problem
    said = f"{problem} {getattr(exc, 'context', '') or ''}"
    for needle, case in _SYNTAX_CASES:
        if needle in said:
            return from_catalog("YAML-SYNTAX", file, line, col, case)
    return from_catalog("YAML-SYNTAX", file, line, col, problem=problem)


#: The first bytes of files that are no text at all, saved or renamed as .yaml.
_MAGIC = {
    b"PK\x03\x04": "en Word-fil (eller en annan zip-fil)",
    b"%PDF": "en PDF",
    b"\xd0\xcf\x11\xe0": "en äldre Office-fil (.doc eller .xls)",
    b"{\\rtf": "en RTF-fil från Word",
    b"\x89PNG": "en bild",
    b"\xff\xd8\xff": "en bild",
    b"GIF8": "en bild",
}


def no_text(raw: bytes, file: str) -> Finding | None:
    """A finding when ``raw`` is not UTF-8 text bfa can read for a reason the user can act
    on: saved as UTF-16/32 ('Unicode'), or not text at all (a Word file or a PDF named
    .yaml, which read as "not UTF-8, looks like 'â' in Windows-1252"); else None."""
    wide = _utf16(raw)
    if wide is not None:
        return from_catalog("FIL-KODNING", file, 1, 1, "utf-16", name=wide)
    what = next((w for magic, w in _MAGIC.items() if raw.startswith(magic)), None)
    if what is None and b"\x00" in raw[:8192]:
        what = "en binär fil"
    if what is not None:
        return from_catalog("FIL-KODNING", file, 1, 1, "binär", what=what)
    return None


def _utf16(raw: bytes) -> str | None:
    """'UTF-16' or 'UTF-32' for a file Windows saved as 'Unicode', else None."""
    boms = {
        b"\xff\xfe\x00\x00": "UTF-32",
        b"\x00\x00\xfe\xff": "UTF-32",
        b"\xff\xfe": "UTF-16",
        b"\xfe\xff": "UTF-16",
    }
    name = next((n for bom, n in boms.items() if raw.startswith(bom)), None)
    if name is None and len(raw) >= 4 and b"\x00\x00\x00" in (raw[1:4], raw[0:3]):
        name = "UTF-32"  # without BOM: three of four bytes of ASCII text are zero
    elif name is None and len(raw) >= 4 and b"\x00\x00" in (raw[1:4:2], raw[0:3:2]):
        name = "UTF-16"  # without BOM: every other byte of ASCII text is zero
    return name
