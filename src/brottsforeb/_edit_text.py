"""The text edit behind `bfa set`: one node of a YAML file replaced, every other byte kept.

A round-trip dump re-indents sequences, re-wraps long lines and re-spaces flow
mappings, so the file is composed with PyYAML's pure-Python composer, which knows where
each node starts and ends, and only the target node's span is replaced (or lines are
inserted or removed for a new key, a new or removed list item). The new text of the
value comes from ruamel.yaml's emitter (``_yamlout``), in the file's own style: a
quoted value stays quoted, a flow list stays a flow list, a block list a block list.
"""

from __future__ import annotations

import re
from typing import Any

import yaml

from . import _yamlout
from ._edit_lists import remove_at, replace_collection
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
    shared_nodes,
    show,
    skip_props,
)
from .errors import UsageError

__all__ = ["clean_keys", "edit_text"]

_BOM = "\ufeff"
#: Characters YAML reads as a line break or folds away; never written raw.
_YAML_BREAKS = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff]")


def _scalar(raw: str, style: str | None) -> tuple[str, Any]:
    """The YAML text to write for the user's ``raw`` value, and the value it means.

    A value typed plainly keeps YAML's meaning (3 is a number, 2026-05-01 a date);
    where the old value was quoted, the new one is a string in the same quotes.
    """
    value = raw if style in ("'", '"') else meaning(raw)
    if isinstance(value, str):
        if style is None and not _YAML_BREAKS.search(raw) and _yamlout.reads_back(raw, value):
            return raw, value  # as typed: plain text, or the quotes and escapes the user wrote
        if _YAML_BREAKS.search(value):
            return _yamlout.double_quoted(value), value
        return _yamlout.scalar(value, style), value
    if not isinstance(value, dict | list) and _yamlout.reads_back(raw, value):
        return raw, value  # 3, true, 2026-05-01 as typed
    return _yamlout.flow(value), value


def edit_text(
    text: str,
    path: tuple[Key, ...],
    raw: str | None,
    *,
    append: bool = False,
    remove: bool = False,
) -> tuple[str, Any, Any]:
    """Return ``text`` with the value at ``path`` set to ``raw``: (new text, old, new value).

    With ``append`` the value at ``path`` is a list and ``raw`` is added to its end. With
    ``remove`` the item ``raw`` of the list at ``path`` is removed, or, without ``raw``,
    the list item or key ``path`` names. A list value (``[a, b]``) replaces a whole list.
    Only the bytes of that value change (or lines are added or removed); the rest of the
    file — comments, order, quoting, blank lines — stays identical.
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    crlf = "\r\n" in body and body.count("\r\n") == body.count("\n")
    if crlf:
        body = body.replace("\r\n", "\n")
    new_body, old, value = _edit_body(body, path, raw, append=append, remove=remove)
    if crlf:  # a Windows file keeps its line endings: new lines end in CRLF too
        new_body = new_body.replace("\n", "\r\n")
    return bom + new_body, old, value


def clean_keys(text: str, path: tuple[Key, ...]) -> tuple[str, list[str]]:
    """``text`` with each key along ``path`` that holds a character that does not show
    written without it, and those keys (E11).

    The reader takes ``målgrupp\u00a0:`` as ``målgrupp`` and says so (YAML-OSYNLIGT);
    `bfa set … målgrupp` edits that entry and writes the key as meant, which is what the
    finding asks the user to do.
    """
    bom = _BOM if text.startswith(_BOM) else ""
    body = text[len(bom) :]
    cleaned: list[str] = []
    for _ in range(len(path)):
        node: yaml.Node = compose(body)
        for key in path:
            if isinstance(key, int):
                if not isinstance(node, yaml.SequenceNode) or key >= len(node.value):
                    return bom + body, cleaned
                node = node.value[key]
                continue
            pair = find_key(node, key) if isinstance(node, yaml.MappingNode) else None
            if pair is None:
                return bom + body, cleaned
            key_node, node = pair
            if isinstance(key_node, yaml.ScalarNode) and key_node.value != key:
                style = key_node.style if key_node.style in ("'", '"') else None
                new = _yamlout.scalar(key, style) if style else _yamlout.key(key)
                start, end = key_node.start_mark.index, key_node.end_mark.index
                body = body[:start] + new + body[end:]
                cleaned.append(key)
                break  # composed again: the spans after this key moved
        else:
            break
    return bom + body, cleaned


def _edit_body(
    body: str, path: tuple[Key, ...], raw: str | None, *, append: bool, remove: bool
) -> tuple[str, Any, Any]:
    root = compose(body)
    shared = shared_nodes(root)
    node: yaml.Node = root
    parent: yaml.Node = root
    key_node: yaml.Node | None = None
    for depth, key in enumerate(path):
        if id(node) in shared:
            raise _anchored(path[:depth])
        last = depth == len(path) - 1
        parent = node
        if isinstance(key, str):
            if not isinstance(node, yaml.MappingNode):
                raise UsageError(f"'{show(path[:depth])}' är ingen mappning.")
            pair = find_key(node, key)
            if pair is None:
                if not last or remove:
                    raise UsageError(
                        f"'{show(path[: depth + 1])}' finns inte i filen.",
                        hint="Lägg till den överordnade nyckeln för hand först."
                        if not last
                        else None,
                    )
                value_text, value = _scalar(raw or "", None)
                if append:
                    value, value_text = [value], _yamlout.flow([value])
                return _insert_key(body, node, key, value_text), None, value
            key_node, node = pair
        else:
            if not isinstance(node, yaml.SequenceNode):
                raise UsageError(f"'{show(path[:depth])}' är ingen lista.")
            if key >= len(node.value):
                raise UsageError(
                    f"'{show(path[: depth + 1])}' finns inte; listan har {len(node.value)} värden.",
                    hint="Lägg till ett värde med --append.",
                )
            key_node, node = None, node.value[key]
    if id(node) in shared:
        raise _anchored(path)
    if remove:
        return remove_at(body, path, raw, node, parent, key_node)
    if raw is None:
        raise UsageError(f"Ange det nya värdet för '{show(path)}'.")
    if append:
        if not isinstance(node, yaml.SequenceNode):
            raise UsageError(f"'{show(path)}' är ingen lista; --append gäller listor.")
        value_text, value = _scalar(raw, None)
        return _append_item(body, node, value_text), None, value
    old = load(body, node)
    if isinstance(node, yaml.ScalarNode):
        if node.style in ("|", ">"):
            raise UsageError(
                f"'{show(path)}' är en flerradig text och ändras bäst i filen direkt.",
            )
        start = skip_props(body, node.start_mark.index)
        value_text, value = _scalar(raw, node.style)
        return body[:start] + value_text + body[node.end_mark.index :], old, value
    value = meaning(raw)
    wanted = list if isinstance(node, yaml.SequenceNode) else dict
    if not isinstance(value, wanted):
        what = "lista" if wanted is list else "mappning"
        raise UsageError(
            f"'{show(path)}' är en {what}, inte ett enkelt värde.",
            hint="Ange ett fält inuti den, t.ex. möten.antal eller ledamöter[2], --append "
            'eller --remove för ett värde i en lista, eller hela listan: "[a, b]".',
        )
    return replace_collection(body, node, key_node, value), old, value


def _anchored(path: tuple[Key, ...]) -> UsageError:
    return UsageError(
        f"'{show(path)}' delas med ett ankare (&/*) på flera ställen i filen.",
        hint="Ändra i filen direkt, så att det syns vilka ställen som ändras.",
    )


def _placeholder(body: str, indent: int, key: str, start: int, end: int) -> re.Match[str] | None:
    """The template's commented placeholder for ``key`` (``# datum: ÅÅÅÅ-MM-DD``) in a span."""
    pattern = re.compile(
        rf"^ {{{indent}}}# ?{re.escape(key)}:(?P<value>[^\n#]*)(?P<comment>#[^\n]*)?$", re.M
    )
    return pattern.search(body, start, end)


def _insert_key(body: str, mapping: yaml.MappingNode, key: str, value_text: str) -> str:
    key_text = _yamlout.key(key)
    if is_flow(body, mapping):
        close = mapping.end_mark.index - 1  # the '}'
        sep = ", " if mapping.value else ""
        return body[:close] + f"{sep}{key_text}: {value_text}" + body[close:]
    indent = mapping.value[0][0].start_mark.column if mapping.value else 0
    last_key = mapping.value[-1][0] if mapping.value else None
    at = region_end(body, last_key.start_mark.index, indent) if last_key else len(body)
    first = line_start(body, mapping.value[0][0].start_mark.index) if mapping.value else 0
    found = _placeholder(body, indent, key, first if indent else 0, at if indent else len(body))
    if found is not None:  # take the placeholder's place, keeping its explanation
        note = found.group("comment")
        pad = found.group("value")
        gap = pad[len(pad.rstrip()) :] if note else ""
        line = (
            " " * indent + f"{key_text}: {value_text}" + (f"{gap or '   '}{note}" if note else "")
        )
        return body[: found.start()] + line + body[found.end() :]
    line = " " * indent + f"{key_text}: {value_text}\n"
    if at == len(body) and body and not body.endswith("\n"):
        line = "\n" + line
    return body[:at] + line + body[at:]


def _append_item(body: str, seq: yaml.SequenceNode, value_text: str) -> str:
    if is_flow(body, seq):
        close = seq.end_mark.index - 1  # the ']'
        sep = ", " if seq.value else ""
        return body[:close] + f"{sep}{value_text}" + body[close:]
    prefix, _start, at = item_lines(body, seq)
    line = f"{prefix}- {value_text}\n"
    if at == len(body) and not body.endswith("\n"):
        line = "\n" + line
    return body[:at] + line + body[at:]
