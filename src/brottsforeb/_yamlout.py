"""YAML text for values bfa writes into a user's files (`bfa set`, `bfa new`, `bfa init`).

ruamel.yaml's emitter decides quoting and escaping; bfa reads files as YAML 1.1 (PyYAML),
so the emitter writes 1.1 (``yes`` and ``on`` are quoted) and every text is read back with
bfa's own reader before it is used: a value that would read back as anything else is
written in double quotes, with ruamel's escapes for line breaks and control characters.
"""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import yaml

__all__ = ["double_quoted", "flow", "key", "reads_back", "scalar"]


def _emitter() -> Any:
    """A new emitter for every value.

    A ruamel.yaml ``YAML`` object keeps its serializer and emitter between dumps: one
    shared object was not safe across threads (concurrent ``bfa new``) and, after a
    dump that raised, wrote the next value wrongly ("bfa:s mall … blev ogiltig").
    Writing is rare; a fresh object costs well under a millisecond.
    """
    from ruamel.yaml import YAML

    out = YAML(typ="rt", pure=True)
    out.version = (1, 1)
    out.width = 1 << 30  # one line: bfa writes a value where the old one stood
    out.allow_unicode = True
    out.default_flow_style = True
    return out


def _dump(value: Any) -> str:
    """``value`` as one flow node, the way ruamel.yaml writes it."""
    stream = io.StringIO()
    _emitter().dump([_plain_types(value)], stream)
    text = stream.getvalue()
    text = text.split("--- ", 1)[1] if "--- " in text else text  # after "%YAML 1.1"
    text = text.rstrip("\n").removesuffix("\n...").rstrip("\n")
    return text[1:-1]  # the one-item list's brackets


def _plain_types(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(k): _plain_types(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain_types(v) for v in value]
    return value


def reads_back(text: str, value: Any) -> bool:
    """Whether ``text`` reads back as ``value`` (same type) after a key, in block and flow."""
    if not text or "\n" in text or "\r" in text:
        return False
    try:
        block = yaml.safe_load(f"k: {text}\n")
        in_flow = yaml.safe_load(f"{{k: {text}}}\n")
    except (yaml.YAMLError, ValueError, OverflowError):  # 2026-02-30: no such date
        return False
    if not (isinstance(block, dict) and isinstance(in_flow, dict)):
        return False
    from ._yaml import parse

    own = parse(f"k: {text}\n", "-")  # and as bfa itself reads it
    if any(f.rule != "PERSONNUMMER" for f in own.findings) or not isinstance(own.data, dict):
        return False
    return all(_same(read.get("k"), value) for read in (block, in_flow, own.data))


def _same(read: Any, value: Any) -> bool:
    if isinstance(value, bool) or isinstance(read, bool):
        return type(read) is type(value) and read == value
    if isinstance(value, int | float):  # bfa's SourceInt/SourceFloat keep the written text
        compatible = isinstance(read, type(value)) or isinstance(value, type(read))
        return compatible and read == value
    if type(read) is not type(value) and not (isinstance(value, tuple) and isinstance(read, list)):
        return False
    if isinstance(value, dict):
        return list(read) == list(value) and all(_same(read[k], v) for k, v in value.items())
    if isinstance(value, list | tuple):
        return len(read) == len(value) and all(
            _same(r, v) for r, v in zip(read, value, strict=True)
        )
    return bool(read == value)


def double_quoted(text: str) -> str:
    """``text`` in double quotes, every line break and control character escaped."""
    from ruamel.yaml.scalarstring import DoubleQuotedScalarString

    return _dump(DoubleQuotedScalarString(text))


def scalar(value: str | int | float | bool | dt.date | None, style: str | None = None) -> str:
    """One scalar's text; ``style`` ``'"'`` or ``"'"`` keeps a quoted value's quotes."""
    if isinstance(value, str) and style == '"':
        return double_quoted(value)
    if isinstance(value, str) and style == "'":
        from ruamel.yaml.scalarstring import SingleQuotedScalarString

        text = _dump(SingleQuotedScalarString(value))
        return text if text.startswith("'") and reads_back(text, value) else double_quoted(value)
    text = _dump(value)
    if reads_back(text, value):
        return text
    if isinstance(value, str):
        return double_quoted(value)
    raise ValueError(f"{value!r} kan inte skrivas som YAML")  # pragma: no cover


def flow(value: Any) -> str:
    """Any value on one line: scalars as ``scalar``, lists and mappings in flow style."""
    if isinstance(value, dict | list | tuple):
        text = _dump(value)
        if reads_back(text, value):
            return text
        if isinstance(value, dict):
            inner = ", ".join(f"{key(str(k))}: {flow(v)}" for k, v in value.items())
            return "{" + inner + "}"
        return "[" + ", ".join(flow(v) for v in value) + "]"
    return scalar(value)


def key(name: str) -> str:
    """A mapping key: plain when it reads back as the same text, else double-quoted."""
    return scalar(name)
