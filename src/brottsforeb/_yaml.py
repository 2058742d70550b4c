"""Safe YAML reading with a position for every value.

libyaml (through PyYAML's C composer when available) builds the node
graph; we construct plain Python values from it ourselves, which lets us
record the line and column of every key and value in the same pass, refuse
custom tags, report duplicate keys and bound alias expansion — none of which
the stock constructors do.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

import yaml

from .findings import Finding, Severity

try:  # the C composer is several times faster; the pure one is identical in output
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]

__all__ = [
    "MAX_DEPTH",
    "MAX_EXPANDED_CHARS",
    "MAX_FILE_BYTES",
    "MAX_NODES",
    "ParsedYaml",
    "Path_",
    "decode",
    "nesting_too_deep",
    "parse",
]

#: A key path into a document: mapping keys and list indices.
Path_ = tuple[str | int, ...]

MAX_FILE_BYTES = 1_000_000
MAX_NODES = 100_000
MAX_DEPTH = 64
#: Characters of scalar text after aliases are expanded (the file itself is at most 1 MB).
MAX_EXPANDED_CHARS = 4_000_000

_T = "tag:yaml.org,2002:"
_DATE = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")
_LEADING_ZERO_INT = re.compile(r"^[-+]?0\d")


@dataclass
class ParsedYaml:
    """A parsed file: its data, where every value stands, what went wrong."""

    data: Any = None
    positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    key_positions: dict[Path_, tuple[int, int]] = field(default_factory=dict)
    findings: list[Finding] = field(default_factory=list)

    def where(self, path: Path_, *, key: bool = False) -> tuple[int, int]:
        """Position of ``path``'s value (or key); falls back to the nearest parent."""
        p = tuple(path)
        if key and p in self.key_positions:
            return self.key_positions[p]
        while p:
            if p in self.positions:
                return self.positions[p]
            p = p[:-1]
        return self.positions.get((), (1, 1))


class _TooLarge(Exception):
    def __init__(self, line: int, column: int, why: str, hint: str = "") -> None:
        self.line, self.column, self.why, self.hint = line, column, why, hint


_ALIAS_HINT = (
    "Alias (*namn) som pekar på stora värden eller på andra alias växer när de "
    "expanderas; skriv ut värdena i stället."
)
_DEPTH_HINT = "Skriv listor och mappningar med färre nivåer; bfa behöver aldrig fler än ett tiotal."


class SourceFloat(float):
    """A float that remembers how it was written (``142.10``), for text fields."""

    source: str

    def __new__(cls, value: float, source: str) -> SourceFloat:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj

    def __str__(self) -> str:
        return self.source


class SourceInt(int):
    """An int that remembers how it was written (``0x10``, ``1_000``), for text fields."""

    source: str

    def __new__(cls, value: int, source: str) -> SourceInt:
        obj = super().__new__(cls, value)
        obj.source = source
        return obj

    def __str__(self) -> str:
        return self.source


_LEAD = re.compile(r"^[ \t?:-]*", re.MULTILINE)


def nesting_too_deep(text: str, limit: int = MAX_DEPTH) -> tuple[int, int] | None:
    """Where ``text`` nests deeper than ``limit``, or None; safe at any depth.

    libyaml's composer recurses in C and runs out of stack (a segfault, not an
    exception) somewhere past 10 000 levels, so depth must be known before it runs.
    A cheap bound comes first: block nesting needs a deeper indent or another
    ``- ``/``? `` on the line, flow nesting needs an opening bracket. Only text whose
    bound exceeds the limit is read event by event (libyaml's parser keeps its
    own stack on the heap), counting the real depth.
    """
    flow = text.count("[") + text.count("{")
    lead = max((len(m) for m in _LEAD.findall(text)), default=0)
    if flow + lead + 2 <= limit:
        return None
    depth = 0
    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                depth += 1
                if depth > limit:
                    mark = event.start_mark
                    return (mark.line + 1, mark.column + 1) if mark is not None else (0, 0)
            elif isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                depth -= 1
    except yaml.YAMLError:
        return None  # the composer will report the syntax error itself
    return None


def _finding(rule: str, message: str, file: str, line: int, col: int, hint: str = "") -> Finding:
    return Finding(rule, Severity.ERROR, message, file, line, col, hint, "YAML")


def decode(raw: bytes, file: str) -> tuple[str | None, Finding | None]:
    """Bytes to text: UTF-8 with or without BOM, else a finding saying how to save."""
    if len(raw) > MAX_FILE_BYTES:
        return None, _finding(
            "FIL-STORLEK",
            f"Filen är för stor (mer än {MAX_FILE_BYTES // 1000} kB).",
            file,
            0,
            0,
            "Dela upp innehållet på flera filer; en fil beskriver en sak.",
        )
    wide = _utf16(raw, file)
    if wide is not None:
        return None, wide
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        guess = ""
        try:
            ch = raw[exc.start : exc.start + 1].decode("cp1252")
            guess = (
                f" Tecknet ser ut att vara '{ch}' i Windows-1252"
                " (t.ex. från en gammal Word-export)."
            )
        except UnicodeDecodeError:
            pass
        return None, _finding(
            "FIL-KODNING",
            "Filen är inte sparad som UTF-8." + guess,
            file,
            line,
            col,
            "Spara filen med teckenkodningen UTF-8 (i VS Code: klicka på kodningen i "
            "statusraden och välj 'Save with Encoding' → UTF-8).",
        )
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


def _utf16(raw: bytes, file: str) -> Finding | None:
    """A UTF-16/32 file (Windows 'Unicode' in Notepad) is named as such."""
    boms = {
        b"\xff\xfe\x00\x00": "UTF-32",
        b"\x00\x00\xfe\xff": "UTF-32",
        b"\xff\xfe": "UTF-16",
        b"\xfe\xff": "UTF-16",
    }
    name = next((n for bom, n in boms.items() if raw.startswith(bom)), None)
    if name is None and len(raw) >= 4 and (raw[1:4:2] == b"\x00\x00" or raw[0:3:2] == b"\x00\x00"):
        name = "UTF-16"
    if name is None:
        return None
    return _finding(
        "FIL-KODNING",
        f"Filen är sparad som {name} ('Unicode' i Anteckningar), inte som UTF-8.",
        file,
        1,
        1,
        "Spara filen med teckenkodningen UTF-8 (i Anteckningar: Spara som → Kodning: UTF-8; "
        "i VS Code: klicka på kodningen i statusraden och välj 'Save with Encoding').",
    )


_SYNTAX_MESSAGES: list[tuple[str, str, str]] = [
    (
        "mapping values are not allowed",
        "Ett kolon står där inget värde får börja.",
        'Saknas ett mellanslag efter kolon, eller behöver texten citattecken ("…")?',
    ),
    (
        "could not find expected ':'",
        "Kolon saknas efter nyckeln.",
        "Skriv nyckel och värde som `nyckel: värde`.",
    ),
    (
        "did not find expected key",
        "Raden har fel indrag: en nyckel väntades här.",
        "Dra in raden lika mycket som nycklarna ovanför (använd mellanslag).",
    ),
    (
        "did not find expected '-' indicator",
        "Listan har fel indrag: ett '-' väntades här.",
        "Varje punkt i listan ska börja med '- ' på samma indrag.",
    ),
    (
        "found unexpected end of stream",
        "Filen tar slut mitt i ett värde.",
        "Saknas ett avslutande citattecken?",
    ),
    (
        "found undefined alias",
        "Aliaset (*namn) används utan att ankaret (&namn) finns.",
        "Definiera ankaret före aliaset, eller skriv ut värdet.",
    ),
    (
        "expected a single document",
        "Filen innehåller flera YAML-dokument (---).",
        "En fil beskriver en sak: ta bort '---' eller dela upp filen.",
    ),
    (
        "but found another document",
        "Filen innehåller flera YAML-dokument (---).",
        "En fil beskriver en sak: ta bort '---' eller dela upp filen.",
    ),
    (
        "found unknown escape character",
        "Okänd escape-sekvens (\\) i text med dubbla citattecken.",
        "Använd enkla citattecken ('…') eller skriv \\\\ för ett bakstreck.",
    ),
    (
        "did not find expected ',' or ']'",
        "En lista inom [ ] avslutas inte.",
        "Avsluta listan med ] eller sätt texten inom citattecken.",
    ),
    (
        "did not find expected ',' or '}'",
        "En mappning inom { } avslutas inte.",
        "Avsluta med } eller sätt texten inom citattecken.",
    ),
    (
        "found character that cannot start any token",
        "Ett tecken som inte får inleda ett värde.",
        "Sätt texten inom citattecken.",
    ),
]


def _syntax_finding(exc: yaml.YAMLError, text: str, file: str) -> Finding:
    mark = getattr(exc, "problem_mark", None)
    line = mark.line + 1 if mark is not None else 0
    col = mark.column + 1 if mark is not None else 0
    if isinstance(exc, yaml.reader.ReaderError):
        upto = text[: exc.position]
        line = upto.count("\n") + 1
        col = exc.position - (upto.rfind("\n") + 1) + 1
        return _finding(
            "YAML-SYNTAX",
            f"Otillåtet tecken (kod {exc.character!r}) i filen.",
            file,
            line,
            col,
            "Ta bort tecknet; kontrolltecken får inte finnas i YAML-filer.",
        )
    problem = str(getattr(exc, "problem", "") or exc)
    if mark is not None and mark.index < len(text) and text[mark.index] == "\t":
        return _finding(
            "YAML-TABB",
            "Tabbtecken i indraget: YAML tillåter bara mellanslag.",
            file,
            line,
            col,
            "Ersätt tabben med mellanslag (ställ in redigeraren på 'indrag med mellanslag').",
        )
    lines = text.splitlines()
    for n in (line, line - 1):
        if 0 < n <= len(lines):
            indent = lines[n - 1][: len(lines[n - 1]) - len(lines[n - 1].lstrip())]
            if "\t" in indent:
                return _finding(
                    "YAML-TABB",
                    "Tabbtecken i indraget: YAML tillåter bara mellanslag.",
                    file,
                    n,
                    indent.index("\t") + 1,
                    "Ersätt tabben med mellanslag.",
                )
    for needle, message, hint in _SYNTAX_MESSAGES:
        if needle in problem:
            return _finding("YAML-SYNTAX", message, file, line, col, hint)
    return _finding(
        "YAML-SYNTAX",
        f"YAML-syntaxfel ({problem}).",
        file,
        line,
        col,
        "Kontrollera indrag, kolon och citattecken på raden.",
    )


class _Builder:
    def __init__(self, file: str, out: ParsedYaml) -> None:
        self.file = file
        self.out = out
        self.count = 0
        self.chars = 0

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(
                *self.mark(node), "för många värden efter att alias expanderats", _ALIAS_HINT
            )
        if depth > MAX_DEPTH:
            raise _TooLarge(
                *self.mark(node), f"nästlingen är djupare än {MAX_DEPTH} nivåer", _DEPTH_HINT
            )
        self.out.positions[path] = self.mark(node)
        if isinstance(node, yaml.MappingNode):
            return self.mapping(node, path, depth)
        if isinstance(node, yaml.SequenceNode):
            if node.tag != _T + "seq":
                self.bad_tag(node)
            return [self.build(v, (*path, i), depth + 1) for i, v in enumerate(node.value)]
        assert isinstance(node, yaml.ScalarNode)
        self.chars += len(node.value)
        if self.chars > MAX_EXPANDED_CHARS:
            raise _TooLarge(
                *self.mark(node),
                f"texten blir längre än {MAX_EXPANDED_CHARS // 1_000_000} miljoner tecken "
                "när alias expanderas",
                _ALIAS_HINT,
            )
        return self.scalar(node)

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        if node.tag != _T + "map":
            self.bad_tag(node)
        result: dict[str, Any] = {}
        merged_keys: dict[str, Any] = {}
        for knode, vnode in node.value:
            if knode.tag == _T + "merge":
                merged = self.build(vnode, path, depth + 1)
                sources = merged if isinstance(merged, list) else [merged]
                for src in sources:
                    if isinstance(src, dict):
                        for k, v in src.items():
                            if k not in result:
                                result[k] = v
                                merged_keys[k] = v
                continue
            if not isinstance(knode, yaml.ScalarNode):
                line, col = self.mark(knode)
                self.out.findings.append(
                    _finding(
                        "YAML-NYCKEL", "En nyckel måste vara en enkel text.", self.file, line, col
                    )
                )
                continue
            key = str(knode.value)
            if key in merged_keys:  # by the merge-key rule an explicit key wins
                del merged_keys[key]
                del result[key]
            if key in result:
                line, col = self.mark(knode)
                first = self.out.key_positions.get((*path, key), (0, 0))[0]
                self.out.findings.append(
                    _finding(
                        "YAML-DUBBLETT",
                        f"Nyckeln '{key}' förekommer två gånger (första gången på rad {first}).",
                        self.file,
                        line,
                        col,
                        "Ta bort eller slå ihop den ena; annars är det oklart vilket "
                        "värde som gäller.",
                    )
                )
                continue
            self.out.key_positions[(*path, key)] = self.mark(knode)
            result[key] = self.build(vnode, (*path, key), depth + 1)
        return result

    def bad_tag(self, node: yaml.Node) -> None:
        line, col = self.mark(node)
        tag = str(node.tag).replace(_T, "!!")
        self.out.findings.append(
            _finding(
                "YAML-TAGG",
                f"Taggen '{tag}' är inte tillåten.",
                self.file,
                line,
                col,
                "bfa läser bara vanlig text, tal, datum, listor och mappningar; ta bort taggen.",
            )
        )

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, str(node.value)
        if tag == _T + "str":
            return value
        if tag == _T + "null":
            return None
        if tag == _T + "bool":
            low = value.lower()
            return {"true": True, "false": False}.get(low, value)
        if tag == _T + "int":
            if _LEADING_ZERO_INT.match(value):
                return value
            try:
                number = int(value.replace("_", ""), 0)
            except ValueError:
                return value
            return number if str(number) == value else SourceInt(number, value)
        if tag == _T + "float":
            try:
                real = float(value.replace("_", ""))
            except ValueError:
                return value
            return real if repr(real) == value else SourceFloat(real, value)
        if tag == _T + "timestamp":
            if _DATE.match(value):
                try:
                    y, m, d = (int(p) for p in value.split("-"))
                    return dt.date(y, m, d)
                except ValueError:
                    return value  # e.g. 2024-02-30: the schema says the date does not exist
            return value
        self.bad_tag(node)
        return None


def parse(text: str, file: str) -> ParsedYaml:
    """Parse one YAML document. Never raises for bad input: problems become findings."""
    out = ParsedYaml()
    deep = nesting_too_deep(text)
    if deep is not None:
        out.findings.append(
            _finding(
                "YAML-STORLEK",
                f"Filen kan inte läsas: nästlingen är djupare än {MAX_DEPTH} nivåer.",
                file,
                *deep,
                _DEPTH_HINT,
            )
        )
        return out
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        out.findings.append(_syntax_finding(exc, text, file))
        return out
    except RecursionError:
        out.findings.append(
            _finding(
                "YAML-STORLEK", "Filen är för djupt nästlad för att läsas.", file, 0, 0, _DEPTH_HINT
            )
        )
        return out
    if node is None:
        return out
    builder = _Builder(file, out)
    try:
        out.data = builder.build(node, (), 0)
    except _TooLarge as exc:
        out.data = None
        out.findings.append(
            _finding(
                "YAML-STORLEK",
                f"Filen kan inte läsas: {exc.why}.",
                file,
                exc.line,
                exc.column,
                exc.hint,
            )
        )
    return out
