"""Whole lists in `bfa set`: replace a list, remove an item or a key; the rest stays as it was."""

from __future__ import annotations

from typing import Any

import yaml

from . import _yamlout
from ._edit_spans import (
    Key,
    compose,
    find_key,
    is_flow,
    item_lines,
    line_start,
    load,
    meaning,
    region_end,
    show,
    skip_props,
)
from .errors import UsageError


def replace_collection(body: str, node: yaml.Node, key_node: yaml.Node | None, value: Any) -> str:
    """A whole list (or mapping) replaced, in the old one's style where it can be."""
    if is_flow(body, node):
        start = skip_props(body, node.start_mark.index)
        return body[:start] + _yamlout.flow(value) + body[node.end_mark.index :]
    if isinstance(node, yaml.SequenceNode) and isinstance(value, list) and value and node.value:
        prefix, start, end = item_lines(body, node)
        lines = "".join(f"{prefix}- {_yamlout.flow(v)}\n" for v in value)
        return body[:start] + lines + body[end:]
    return after_key(body, node, key_node, _yamlout.flow(value))


def after_key(body: str, node: yaml.Node, key_node: yaml.Node | None, flow_text: str) -> str:
    """A block collection replaced by ``flow_text`` on its key's line (``ledamöter: []``)."""
    if key_node is None:
        raise UsageError(
            "En lista i en lista kan inte tömmas med bfa set.",
            hint="Ändra i filen direkt.",
        )
    colon = body.index(":", key_node.end_mark.index)
    indent = key_node.start_mark.column
    end = region_end(body, key_node.start_mark.index, indent)
    if isinstance(node, yaml.SequenceNode) and node.value:
        end = max(end, item_lines(body, node)[2])
    newline = "\n" if body[:end].endswith("\n") else ""
    return body[:colon] + f": {flow_text}{newline}" + body[end:]


def remove_at(
    body: str,
    path: tuple[Key, ...],
    raw: str | None,
    node: yaml.Node,
    parent: yaml.Node,
    key_node: yaml.Node | None,
) -> tuple[str, Any, Any]:
    """Remove the item ``raw`` of the list ``node``, or the list item or key ``path`` names."""
    if raw is not None and raw != "":
        if not isinstance(node, yaml.SequenceNode):
            raise UsageError(
                f"'{show(path)}' är ingen lista; --remove VÄRDE gäller listor.",
                hint="Utan VÄRDE tar --remove bort nyckeln eller listans plats: ledamöter[2].",
            )
        wanted = meaning(raw)
        items = [load(body, item) for item in node.value]
        matches = [i for i, v in enumerate(items) if v == wanted or str(v) == raw]
        if not matches:
            shown = ", ".join(_yamlout.flow(v) for v in items) or "inga värden"
            raise UsageError(
                f"'{raw}' finns inte i '{show(path)}'.",
                hint=f"Listan har: {shown}.",
            )
        old = load(body, node)
        return drop_item(body, node, key_node, matches[0]), old, items[matches[0]]
    if isinstance(path[-1], int) and isinstance(parent, yaml.SequenceNode):
        old = load(body, parent)
        holder = list_holder(body, path[:-1])
        return drop_item(body, parent, holder, path[-1]), old, load(body, node)
    if isinstance(parent, yaml.MappingNode) and key_node is not None:
        if is_flow(body, parent):
            raise UsageError(
                f"'{show(path)}' står i en mappning på en rad och tas bäst bort i filen direkt."
            )
        start = line_start(body, key_node.start_mark.index)
        end = region_end(body, key_node.start_mark.index, key_node.start_mark.column)
        return body[:start] + body[end:], load(body, node), None
    raise UsageError(f"'{show(path)}' kan inte tas bort med bfa set.")  # pragma: no cover


def list_holder(body: str, path: tuple[Key, ...]) -> yaml.Node | None:
    """The key node under which the list at ``path`` stands (None for a list in a list)."""
    node: yaml.Node = compose(body)
    key_node: yaml.Node | None = None
    for key in path:
        if isinstance(key, str) and isinstance(node, yaml.MappingNode):
            pair = find_key(node, key)
            if pair is None:  # pragma: no cover - the path was just walked
                return None
            key_node, node = pair
        elif isinstance(key, int) and isinstance(node, yaml.SequenceNode):
            key_node, node = None, node.value[key]
    return key_node


def drop_item(body: str, seq: yaml.SequenceNode, key_node: yaml.Node | None, index: int) -> str:
    if is_flow(body, seq):
        items = seq.value
        start = skip_props(body, items[index].start_mark.index)
        end = items[index].end_mark.index
        if index + 1 < len(items):  # up to the next item
            end = skip_props(body, items[index + 1].start_mark.index)
        elif index > 0:  # from the end of the one before
            start = items[index - 1].end_mark.index
        return body[:start] + body[end:]
    if len(seq.value) == 1:
        return after_key(body, seq, key_node, "[]")
    prefix, _start, _end = item_lines(body, seq)
    item = seq.value[index]
    dash = body.rfind("-", 0, skip_props(body, item.start_mark.index))
    start = line_start(body, dash)
    if index + 1 < len(seq.value):
        nxt = seq.value[index + 1]
        end = line_start(body, body.rfind("-", 0, skip_props(body, nxt.start_mark.index)))
        while end > start:  # comments just above the next item belong to it
            before = line_start(body, end - 1)
            if body[before:end].strip() and not body[before:end].lstrip().startswith("#"):
                break
            end = before
    else:
        end = region_end(body, dash, len(prefix))
    return body[:start] + body[end:]
