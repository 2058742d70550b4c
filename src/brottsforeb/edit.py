"""Safe edits: change one value in one file and leave every other byte as it was.

`bfa set` must not reformat a file a coordinator has commented and laid out by
hand. A round-trip dump (ruamel.yaml and the like) re-indents sequences, re-wraps
long lines and re-spaces flow mappings, so instead the file is composed with
PyYAML's pure-Python composer, which knows where each node starts and ends,
and only the target scalar's span is replaced (or one line is inserted for a new
key or list item). The edited repository is validated before anything is written,
and the write is atomic.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from ._io import file_lock, write_bytes_atomic
from ._messages import key_path
from ._yaml import nesting_too_deep
from .errors import ConflictError, InvalidEditError, UsageError, WriteRefusedError
from .findings import Finding, Severity

__all__ = ["Edit", "InvalidEditError", "edit_text", "parse_field", "set_value"]

Key = str | int
_BOM = "\ufeff"
#: Characters YAML reads as a line break or folds away inside quotes; written as
#: \\uXXXX escapes in double quotes so that the value reads back as typed.
_YAML_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _double_quoted(raw: str) -> str:
    text = json.dumps(raw, ensure_ascii=False)
    return _YAML_BREAKS.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)


@dataclass
class Edit:
    """What `bfa set` did."""

    file: str
    key: str
    old: Any
    new: Any
    changed: bool
    findings: list[Finding] = field(default_factory=list)  # warnings that remain


def parse_field(text: str) -> tuple[Key, ...]:
    """'möten.antal' → ('möten', 'antal'); 'ledamöter[2]' or 'ledamöter.2' → ('ledamöter', 1).

    List positions count from 1, as in bfa's messages.
    """
    out: list[Key] = []
    for part in re.findall(r"[^.\[\]]+|\[\d+\]", text.strip()):
        digits = part.strip("[]")
        if digits.isdigit() and (part.startswith("[") or part.isdigit()):
            n = int(digits)
            if n < 1:
                raise UsageError(f"Fältet '{text}': listor räknas från 1.")
            out.append(n - 1)
        else:
            out.append(part.strip())
    if not out or any(p == "" for p in out):
        raise UsageError(f"'{text}' är inget fält.", hint="Skriv t.ex. status eller möten.antal.")
    return tuple(out)


def _show(path: tuple[Key, ...]) -> str:
    """ledamöter[2].namn as the user wrote it; the whole file when the path is empty."""
    return key_path(path) if path else "filen"


# -- the text edit ----------------------------------------------------------------------


def _shared(root: yaml.Node) -> set[int]:
    """Nodes reached more than once: anchored values that aliases repeat."""
    seen: Counter[int] = Counter()

    def walk(n: yaml.Node) -> None:
        seen[id(n)] += 1
        if seen[id(n)] > 1:
            return
        if isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                walk(k)
                walk(v)
        elif isinstance(n, yaml.SequenceNode):
            for v in n.value:
                walk(v)

    walk(root)
    return {i for i, c in seen.items() if c > 1}


def _plain_ok(text: str, value: Any) -> bool:
    """Whether ``text`` reads back as ``value`` unquoted, in block and in flow context."""
    if not text or text != text.strip() or "\n" in text or " #" in text:
        return False
    try:
        block = yaml.safe_load(f"k: {text}\n")
        flow = yaml.safe_load(f"{{k: {text}}}\n")
    except (yaml.YAMLError, ValueError, OverflowError):  # 2026-02-30: no such date
        return False
    return (
        isinstance(block, dict)
        and isinstance(flow, dict)
        and block.get("k") == value
        and flow.get("k") == value
        and type(block.get("k")) is type(value)
    )


def _scalar(raw: str, style: str | None) -> tuple[str, Any]:
    """The YAML text to write for the user's ``raw`` value, and the value it means.

    A value typed plainly keeps YAML's meaning (3 is a number, 2026-05-01 a date);
    where the old value was quoted, the new one is a string in the same quotes.
    """
    if nesting_too_deep(raw) is not None:
        raise UsageError("Värdet är för djupt nästlat.", hint="Skriv listor med färre nivåer.")
    if style in ("'", '"'):
        if style == "'" and not _YAML_BREAKS.search(raw):
            return "'" + raw.replace("'", "''") + "'", raw
        return _double_quoted(raw), raw
    try:
        value = yaml.safe_load(f"k: {raw}\n")["k"] if raw.strip() else raw
    except (yaml.YAMLError, TypeError, ValueError, OverflowError):
        value = raw
    if isinstance(value, (dict, list)) and raw.strip()[:1] in "{[" and _plain_ok(raw, value):
        return raw.strip(), value  # a flow collection, e.g. {år: 2026, värde: 70}
    if isinstance(value, (dict, list)) or value is None:
        value = raw
    if _plain_ok(raw, value) and not _YAML_BREAKS.search(raw):
        return raw, value
    return _double_quoted(raw), raw


def _skip_props(text: str, i: int) -> int:
    """Past an anchor (&a) or tag (!t) in front of a node, to the value itself."""
    while i < len(text) and text[i] in "&!":
        while i < len(text) and not text[i].isspace():
            i += 1
        while i < len(text) and text[i] in " \t":
            i += 1
    return i


def _region_end(body: str, index: int, indent: int) -> int:
    """Index just past the last line of the entry starting at ``index``.

    The entry goes on while lines are indented deeper than ``indent``, or as deep
    when they are items of a block sequence ("- …"); blank lines and comments in
    between are included, trailing ones not. Lines are used rather than node end
    marks because an alias's node carries its anchor's marks.
    """
    lines = body.splitlines(keepends=True)
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line))
    first = max(i for i, s in enumerate(starts[:-1]) if s <= index) if lines else 0
    last = first
    for i in range(first + 1, len(lines)):
        text = lines[i].rstrip("\r\n")
        bare = text.lstrip(" ")
        if not bare or bare.startswith("#"):
            continue
        depth = len(text) - len(bare)
        item = depth == indent and (bare == "-" or bare.startswith("- "))
        if depth < indent or (depth == indent and not item):
            break
        last = i
    return starts[last + 1] if lines else 0


def _key_node(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode) and k.value == key:
            return k, v
    return None


def edit_text(
    text: str, path: tuple[Key, ...], raw: str, *, append: bool = False
) -> tuple[str, Any, Any]:
    """Return ``text`` with the value at ``path`` set to ``raw``: (new text, old, new value).

    With ``append`` the value at ``path`` is a list and ``raw`` is added to its end.
    Only the bytes of that value change (or one line is added); the rest of the
    file — comments, order, quoting, blank lines — stays identical.
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    crlf = "\r\n" in body and body.count("\r\n") == body.count("\n")
    new_body, old, value = _edit_body(body, path, raw, append=append)
    if crlf:  # a Windows file keeps its line endings: the new line ends in CRLF too
        new_body = re.sub(r"(?<!\r)\n", "\r\n", new_body)
    return bom + new_body, old, value


def _edit_body(body: str, path: tuple[Key, ...], raw: str, *, append: bool) -> tuple[str, Any, Any]:
    if nesting_too_deep(body) is not None:
        raise UsageError(
            "Filen är för djupt nästlad för att ändras.",
            hint="Rätta filen först; bfa validate visar var felet är.",
        )
    try:
        root = yaml.compose(body, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise UsageError(
            f"Filen kan inte läsas som YAML ({exc.__class__.__name__}).",
            hint="Rätta filen först; bfa validate visar var felet är.",
        ) from None
    if not isinstance(root, yaml.MappingNode):
        raise UsageError("Filen är ingen mappning (nyckel: värde) och kan inte ändras med bfa set.")
    shared = _shared(root)
    node: yaml.Node = root
    for depth, key in enumerate(path):
        if id(node) in shared:
            raise _anchored(path[:depth])
        last = depth == len(path) - 1
        if isinstance(key, str):
            if not isinstance(node, yaml.MappingNode):
                raise UsageError(f"'{_show(path[:depth])}' är ingen mappning.")
            pair = _key_node(node, key)
            if pair is None:
                if not last:
                    raise UsageError(
                        f"'{_show(path[: depth + 1])}' finns inte i filen.",
                        hint="Lägg till den överordnade nyckeln för hand först.",
                    )
                value_text, value = _scalar(raw, None)
                if append:
                    value_text, value = f"[{value_text}]", [value]
                return _insert_key(body, node, key, value_text), None, value
            node = pair[1]
        else:
            if not isinstance(node, yaml.SequenceNode):
                raise UsageError(f"'{_show(path[:depth])}' är ingen lista.")
            if key >= len(node.value):
                raise UsageError(
                    f"'{_show(path[: depth + 1])}' finns inte; listan har {len(node.value)} "
                    "värden.",
                    hint="Lägg till ett värde med --append.",
                )
            node = node.value[key]
    if id(node) in shared:
        raise _anchored(path)
    if append:
        if not isinstance(node, yaml.SequenceNode):
            raise UsageError(f"'{_show(path)}' är ingen lista; --append gäller listor.")
        value_text, value = _scalar(raw, None)
        return _append_item(body, node, value_text), None, value
    if not isinstance(node, yaml.ScalarNode):
        what = "lista" if isinstance(node, yaml.SequenceNode) else "mappning"
        raise UsageError(
            f"'{_show(path)}' är en {what}, inte ett enkelt värde.",
            hint="Ange ett fält inuti den, t.ex. möten.antal eller ledamöter[2], "
            "eller --append för listor.",
        )
    old_text = body[node.start_mark.index : node.end_mark.index]
    try:
        old = yaml.safe_load(old_text or "null")
    except (yaml.YAMLError, ValueError, OverflowError):  # e.g. slut: 2026-02-30, to be repaired
        old = old_text
    if node.style in ("|", ">"):
        raise UsageError(
            f"'{_show(path)}' är en flerradig text och ändras bäst i filen direkt.",
        )
    start = _skip_props(body, node.start_mark.index)
    value_text, value = _scalar(raw, node.style)
    return body[:start] + value_text + body[node.end_mark.index :], old, value


def _anchored(path: tuple[Key, ...]) -> UsageError:
    return UsageError(
        f"'{_show(path)}' delas med ett ankare (&/*) på flera ställen i filen.",
        hint="Ändra i filen direkt, så att det syns vilka ställen som ändras.",
    )


def _is_flow(body: str, node: yaml.Node) -> bool:
    return body[_skip_props(body, node.start_mark.index) : node.start_mark.index + 64][:1] in "{["


def _insert_key(body: str, mapping: yaml.MappingNode, key: str, value_text: str) -> str:
    key_text = key if _plain_ok(key, key) else json.dumps(key, ensure_ascii=False)
    if _is_flow(body, mapping):
        close = mapping.end_mark.index - 1  # the '}'
        sep = ", " if mapping.value else ""
        return body[:close] + f"{sep}{key_text}: {value_text}" + body[close:]
    indent = mapping.value[0][0].start_mark.column if mapping.value else 0
    last_key = mapping.value[-1][0] if mapping.value else None
    at = _region_end(body, last_key.start_mark.index, indent) if last_key else len(body)
    line = " " * indent + f"{key_text}: {value_text}\n"
    if at == len(body) and body and not body.endswith("\n"):
        line = "\n" + line
    return body[:at] + line + body[at:]


def _append_item(body: str, seq: yaml.SequenceNode, value_text: str) -> str:
    if _is_flow(body, seq):
        close = seq.end_mark.index - 1  # the ']'
        sep = ", " if seq.value else ""
        return body[:close] + f"{sep}{value_text}" + body[close:]
    first = seq.value[0]
    line_start = body.rfind("\n", 0, first.start_mark.index) + 1
    dash = body.index("-", line_start)
    prefix = body[line_start:dash]
    at = _region_end(body, dash, len(prefix))
    line = f"{prefix}- {value_text}\n"
    if at == len(body) and not body.endswith("\n"):
        line = "\n" + line
    return body[:at] + line + body[at:]


# -- bfa set ----------------------------------------------------------------------------


def _errors(findings: list[Finding]) -> set[tuple[str, str, str]]:
    return {(f.rule, f.file, f.message) for f in findings if f.severity is Severity.ERROR}


def set_value(root: Path, ref: str, field_: str, raw: str, *, append: bool = False) -> Edit:
    """Set ``field_`` of the entity ``ref`` to ``raw`` (YAML text) and write it atomically.

    Refused, with nothing written, when the edit would add an error to the repository.
    """
    from .loader import find_root, load_files, read_tree

    root = find_root(root)
    files, found = read_tree(root)
    before = load_files(files, root, found)
    entry = before.lookup(ref)
    target = _target(root, entry.file)
    with file_lock(target):
        try:
            current = target.read_bytes()
        except OSError as exc:
            raise WriteRefusedError(f"{entry.file} kan inte läsas ({exc.strerror}).") from None
        if current != files.get(entry.file):  # changed between the two reads: start over
            files, found = read_tree(root)
            before = load_files(files, root, found)
            entry = before.lookup(ref)
            if _target(root, entry.file) != target:
                raise ConflictError(f"{entry.file} flyttades medan bfa läste den; kör igen.")
        return _set_locked(root, target, files, found, before, entry, field_, raw, append)


def _target(root: Path, rel: str) -> Path:
    """The file to write for ``rel``: a link's target, and only when that is in the repo."""
    path = root / rel
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise WriteRefusedError(
            f"{rel} pekar utanför förrådet ({real}); bfa skriver inte där.",
            hint="Kopiera in filen i förrådet i stället för att länka till den.",
        )
    return real


def _set_locked(
    root: Path,
    target: Path,
    files: dict[str, bytes],
    found: list[Finding],
    before: Any,
    entry: Any,
    field_: str,
    raw: str,
    append: bool,
) -> Edit:
    from .loader import load_files
    from .rules import validate

    try:
        text = files[entry.file].decode("utf-8")
    except UnicodeDecodeError:
        raise UsageError(
            f"{entry.file} är inte sparad som UTF-8 och kan inte ändras med bfa set.",
            hint="Spara filen som UTF-8 först; bfa validate visar var.",
        ) from None
    path = parse_field(field_)
    new_text, old, new = edit_text(text, path, raw, append=append)
    shown = _show(path)
    if new_text == text:
        return Edit(entry.file, shown, old, new, changed=False)
    edited = dict(files)
    edited[entry.file] = new_text.encode("utf-8")
    after = load_files(edited, root, found)
    after_findings = validate(after)
    introduced = _errors(after_findings) - _errors(validate(before))
    if introduced:
        bad = [f for f in after_findings if (f.rule, f.file, f.message) in introduced]
        raise InvalidEditError(
            f"Ändringen skulle göra förrådet ogiltigt; {entry.file} har inte ändrats.",
            bad,
        )
    try:
        unchanged = target.read_bytes() == files[entry.file]
    except OSError:
        unchanged = False
    if not unchanged:  # an editor (which takes no lock) saved the file meanwhile
        raise ConflictError(
            f"{entry.file} ändrades av någon annan medan bfa arbetade; inget har skrivits.",
            hint="Kör kommandot igen: då utgår ändringen från den nya filen.",
        )
    write_bytes_atomic(target, edited[entry.file])
    remaining = [f for f in after_findings if f.file == entry.file]
    return Edit(entry.file, shown, old, _plain(new), changed=True, findings=remaining)


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, dt.date) else value


def iter_scalar_paths(text: str) -> Iterator[tuple[Key, ...]]:
    """Every path to a scalar in ``text`` (used by tests and shell completion)."""
    root = yaml.compose(text, Loader=yaml.SafeLoader)

    def walk(n: yaml.Node, path: tuple[Key, ...]) -> Iterator[tuple[Key, ...]]:
        if isinstance(n, yaml.ScalarNode):
            yield path
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                if isinstance(k, yaml.ScalarNode):
                    yield from walk(v, (*path, k.value))
        elif isinstance(n, yaml.SequenceNode):
            for i, v in enumerate(n.value):
                yield from walk(v, (*path, i))

    if root is not None:
        yield from walk(root, ())
