"""Safe YAML reading with a position for every value.

libyaml (through PyYAML's C composer when available) builds the node
graph; we construct plain Python values from it ourselves, which lets us
record the line and column of every key and value in the same pass, refuse
custom tags, report duplicate keys and bound alias expansion — none of which
the stock constructors do.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass, field
from typing import Any, ClassVar

import yaml

from ._scan import LINESEPS as _LINESEPS
from ._scan import SUSPECT as _ODD
from ._scan import clean_key as _clean_key
from ._scan import line_breaks as _line_breaks
from ._scan import loaded_text_findings
from ._yaml_errors import _syntax_finding, no_text
from .findings import Finding, from_catalog

try:  # the C composer is several times faster; the pure one is identical in output
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]


class _Loader(_SafeLoader):
    """The safe loader, remembering the tag each plain scalar resolves to.

    The composer asks the resolver for every node; for a plain scalar that tries
    regular expressions in turn (a fifth of reading a file). Without path resolvers
    (the safe loader has none) the answer depends only on the scalar's text, so it is
    kept: keys and common values (``namn``, ``true``, ``styrgrupp``) resolve once.
    """

    _plain: ClassVar[dict[str, str]] = {}

    def resolve(self, kind: Any, value: Any, implicit: Any) -> Any:
        if kind is yaml.ScalarNode and implicit[0]:
            tag = self._plain.get(value)
            if tag is None:
                tag = super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]
                if len(self._plain) >= 20_000:  # bounded: a new set after that many texts
                    self._plain.clear()
                self._plain[value] = tag
            return tag
        return super().resolve(kind, value, implicit)  # type: ignore[no-untyped-call]


assert not _Loader.yaml_path_resolvers, "the cache in _Loader.resolve assumes none"

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

#: The longest integer literal read as a number; a longer one stays text (and the schema
#: says "ska vara ett tal" where a number belongs). No plausible value comes near it.
MAX_NUMBER_CHARS = 64


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
    def __init__(self, line: int, column: int, case: str) -> None:
        self.line, self.column, self.case = line, column, case  # the YAML-STORLEK case


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


def decode(raw: bytes, file: str) -> tuple[str | None, Finding | None]:
    """Bytes to text: UTF-8 with or without BOM, else a finding saying how to save."""
    if len(raw) > MAX_FILE_BYTES:
        return None, from_catalog("FIL-STORLEK", file, limit_kb=MAX_FILE_BYTES // 1000)
    not_text = no_text(raw, file)  # UTF-16, a Word file or a PDF named .yaml
    if not_text is not None:
        return None, not_text
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        before = raw[: exc.start]
        line = before.count(b"\n") + 1
        col = exc.start - (before.rfind(b"\n") + 1) + 1
        try:
            char = raw[exc.start : exc.start + 1].decode("cp1252")
        except UnicodeDecodeError:
            return None, from_catalog("FIL-KODNING", file, line, col)
        return None, from_catalog("FIL-KODNING", file, line, col, "windows-1252", char=char)
    if text.startswith("\ufeff"):
        text = text[1:]
    return text, None


_MAP, _SEQ, _MERGE, _STR = _T + "map", _T + "seq", _T + "merge", _T + "str"
_SCALAR, _MAPPING, _SEQUENCE = yaml.ScalarNode, yaml.MappingNode, yaml.SequenceNode


class _Builder:
    def __init__(self, file: str, out: ParsedYaml, text: str = "") -> None:
        self.file = file
        self.out = out
        self.text = text
        self.count = 0
        self.chars = 0
        self.seen: set[tuple[int, int]] = set()
        self.positions = out.positions

    def scan(self, node: yaml.ScalarNode) -> None:
        """What only the loaded text shows: a personnummer or a control character that
        an escape, a line continuation or a folded line hid from the raw scan."""
        value = node.value
        plain_line = not node.style and node.start_mark.line == node.end_mark.line
        if (len(value) < 10 or plain_line) and not _ODD.search(value):
            return  # no escapes and no room for a number: the raw scan saw everything
        where = self.mark(node)
        if where not in self.seen:  # an alias is reported once, where its value stands
            self.seen.add(where)
            self.out.findings.extend(
                loaded_text_findings(node, self.text, self.file, where, numbers=not plain_line)
            )

    def mark(self, node: yaml.Node) -> tuple[int, int]:
        return node.start_mark.line + 1, node.start_mark.column + 1

    def build(self, node: yaml.Node, path: Path_, depth: int) -> Any:
        # the hottest loop of reading a repository: attribute look-ups kept out of it
        self.count += 1
        if self.count > MAX_NODES:
            raise _TooLarge(*self.mark(node), "")
        if depth > MAX_DEPTH:
            raise _TooLarge(*self.mark(node), "djup")
        mark = node.start_mark
        self.positions[path] = (mark.line + 1, mark.column + 1)
        if isinstance(node, _SCALAR):
            value = node.value
            self.chars += len(value)
            if self.chars > MAX_EXPANDED_CHARS:
                raise _TooLarge(*self.mark(node), "tecken")
            self.scan(node)
            if node.tag == _STR:
                return _line_breaks(value) if _LINESEPS.search(value) else str(value)
            return self.scalar(node)
        if isinstance(node, _MAPPING):
            return self.mapping(node, path, depth)
        assert isinstance(node, _SEQUENCE)
        if node.tag != _SEQ:
            self.bad_tag(node)
        build = self.build
        depth += 1
        return [build(v, (*path, i), depth) for i, v in enumerate(node.value)]

    def mapping(self, node: yaml.MappingNode, path: Path_, depth: int) -> dict[str, Any]:
        if node.tag != _MAP:
            self.bad_tag(node)
        result: dict[str, Any] = {}
        merged_keys: dict[str, Any] = {}
        key_positions = self.out.key_positions
        build = self.build
        for knode, vnode in node.value:
            if knode.tag == _MERGE:
                merged = build(vnode, path, depth + 1)
                for src in merged if isinstance(merged, list) else [merged]:
                    if not isinstance(src, dict):  # '<<: hej' merges nothing (E2)
                        self.bad_key(knode, "merge")
                        continue
                    for k, v in src.items():
                        if k not in result:
                            result[k] = v
                            merged_keys[k] = v
                continue
            if not isinstance(knode, _SCALAR):
                self.bad_key(knode)
                continue
            self.scan(knode)
            key = str(knode.value)
            if not key.isascii():  # ö typed as o + combining diaeresis (macOS, a PDF copy)
                key = _clean_key(unicodedata.normalize("NFC", key), self, knode)  # 'namn\xa0'
            if merged_keys and key in merged_keys:  # by the merge-key rule an explicit key wins
                del merged_keys[key]
                del result[key]
            if key in result:
                line, col = self.mark(knode)
                first = key_positions.get((*path, key), (0, 0))[0]
                self.out.findings.append(
                    from_catalog("YAML-DUBBLETT", self.file, line, col, key=key, first=first)
                )
                continue
            keypath = (*path, key)
            mark = knode.start_mark
            key_positions[keypath] = (mark.line + 1, mark.column + 1)
            result[key] = build(vnode, keypath, depth + 1)
        return result

    def bad_key(self, node: yaml.Node, case: str = "") -> None:
        line, col = self.mark(node)
        self.out.findings.append(from_catalog("YAML-NYCKEL", self.file, line, col, case))

    def bad_tag(self, node: yaml.Node) -> None:
        line, col = self.mark(node)
        tag = str(node.tag).replace(_T, "!!")
        self.out.findings.append(from_catalog("YAML-TAGG", self.file, line, col, tag=tag))

    def scalar(self, node: yaml.ScalarNode) -> Any:
        tag, value = node.tag, str(node.value)
        if tag == _T + "str":
            return _line_breaks(value) if _LINESEPS.search(value) else value
        if tag == _T + "null":
            return None
        if tag == _T + "bool":
            low = value.lower()
            return {"true": True, "false": False}.get(low, value)
        if tag == _T + "int":
            if _LEADING_ZERO_INT.match(value) or len(value) > MAX_NUMBER_CHARS:
                # 0x + 5,000 digits made str(int) raise (Python's 4,300-digit limit): an
                # internal error in every command; as text, the schema says what is wrong
                return value
            try:
                number = int(value.replace("_", ""), 0)
            except ValueError:
                return value
            return number if str(number) == value else SourceInt(number, value)
        if tag == _T + "float":
            special = {".inf": math.inf, ".nan": math.nan}.get(value.lstrip("+-").lower())
            if special is not None:  # YAML's .inf/.nan: the schema refuses them
                return -special if value.startswith("-") else special
            try:
                real = float(value.replace("_", ""))
            except ValueError:
                return value
            if repr(real) == value or not math.isfinite(real):
                return real  # .inf/.nan stay plain floats: the schema refuses them as such
            return SourceFloat(real, value)
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
        out.findings.append(from_catalog("YAML-STORLEK", file, *deep, "djup", limit=MAX_DEPTH))
        return out
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.YAMLError as exc:
        out.findings.append(_syntax_finding(exc, text, file))
        return out
    except RecursionError:
        out.findings.append(from_catalog("YAML-STORLEK", file, variant="rekursion"))
        return out
    if node is None:
        return out
    builder = _Builder(file, out, text)
    try:
        out.data = builder.build(node, (), 0)
    except _TooLarge as exc:
        out.data = None
        out.findings.append(
            from_catalog(
                "YAML-STORLEK",
                file,
                exc.line,
                exc.column,
                exc.case,
                limit=MAX_EXPANDED_CHARS // 1_000_000 if exc.case == "tecken" else MAX_DEPTH,
            )
        )
    return out
