"""Where things are in a YAML file's text: nodes, their lines and their spans (for `bfa set`).

PyYAML's pure-Python composer gives every node its start and end; an entry's lines are
found from the indentation, since an alias's node carries its anchor's marks.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import yaml

from ._messages import key_path
from ._scan import without_hidden
from ._yaml import nesting_too_deep
from .errors import UsageError

Key = str | int


def show(path: tuple[Key, ...]) -> str:
    """ledamöter[2].namn as the user wrote it; the whole file when the path is empty."""
    return key_path(path) if path else "filen"


def shared_nodes(root: yaml.Node) -> set[int]:
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


def skip_props(text: str, i: int) -> int:
    """Past an anchor (&a) or tag (!t) in front of a node, to the value itself."""
    while i < len(text) and text[i] in "&!":
        while i < len(text) and not text[i].isspace():
            i += 1
        while i < len(text) and text[i] in " \t":
            i += 1
    return i


def line_start(body: str, index: int) -> int:
    return body.rfind("\n", 0, index) + 1


def region_end(body: str, index: int, indent: int) -> int:
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


def find_key(mapping: yaml.MappingNode, key: str) -> tuple[yaml.Node, yaml.Node] | None:
    """The entry ``key`` names: written so, or else as the reader reads it, without the
    characters that do not show (``målgrupp\u00a0`` is ``målgrupp`` to validate: E11)."""
    loose = None
    for k, v in mapping.value:
        if isinstance(k, yaml.ScalarNode):
            if k.value == key:
                return k, v
            if loose is None and without_hidden(k.value) == key:
                loose = (k, v)
    return loose


def is_flow(body: str, node: yaml.Node) -> bool:
    return body[skip_props(body, node.start_mark.index) : node.start_mark.index + 64][:1] in "{["


def item_lines(body: str, seq: yaml.SequenceNode) -> tuple[str, int, int]:
    """A block list's item prefix (indent before '-') and the span of all its items."""
    first = seq.value[0]
    start = line_start(body, first.start_mark.index)
    dash = body.index("-", start)
    prefix = body[start:dash]
    return prefix, start, region_end(body, dash, len(prefix))


def compose(body: str) -> yaml.MappingNode:
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
    return root


def load(body: str, node: yaml.Node) -> Any:
    old_text = body[node.start_mark.index : node.end_mark.index]
    try:  # a block collection's later lines are indented as deep as its first
        return yaml.safe_load(" " * node.start_mark.column + old_text if old_text else "null")
    except (yaml.YAMLError, ValueError, OverflowError):  # e.g. slut: 2026-02-30, to be repaired
        return old_text


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


def meaning(raw: str) -> Any:
    """What ``raw`` means typed plainly: 3 a number, 2026-05-01 a date, [a, b] a list."""
    if nesting_too_deep(raw) is not None:
        raise UsageError("Värdet är för djupt nästlat.", hint="Skriv listor med färre nivåer.")
    if not raw.strip():
        return raw
    from ._yaml import parse

    parsed = parse(f"k: {raw}\n", "-")  # as bfa reads it: no, on and 0885 are texts
    problems = [f for f in parsed.findings if f.rule != "PERSONNUMMER"]  # validate says that
    if problems or not isinstance(parsed.data, dict) or "k" not in parsed.data:
        return raw
    value = parsed.data["k"]
    if isinstance(value, str) and " #" in raw and raw.strip()[:1] not in "'\"":
        return raw  # "x #y" typed plainly is that text, not x and a comment
    if isinstance(value, dict | list) and raw.strip()[:1] not in "{[":
        return raw  # "a: b" typed plainly is a text, not a mapping
    return raw if value is None else value
