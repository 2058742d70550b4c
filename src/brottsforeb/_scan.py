"""What only a loaded YAML value shows: personnummer and control characters hidden by
escapes (``"800101\\x2D1231"``, ``"\\e]8;;…"``), line continuations or folded lines.

The loader scans the raw text of every file; these checks look at each loaded scalar (and
key) as well, and report only what the raw scan could not see.
"""

from __future__ import annotations

import re

import yaml

from .findings import Finding, from_catalog

__all__ = ["ODD", "loaded_text_findings"]

#: Characters no value needs and a terminal or viewer obeys: C0 controls but tab and
#: newline, DEL, C1 (CSI U+009B, OSC U+009D), and the bidirectional controls that turn text
#: around. YAML refuses them raw; written as escapes ("\\e]8;;…", "\\x9b") they load.
ODD = _HIDDEN_CONTROL = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]"
)

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
    if numbers and _MAYBE_PNR.search(value):
        from ._pii import find_personnummer

        loaded = list(find_personnummer(value))
        raw = text[node.start_mark.index : node.end_mark.index]
        if loaded and len(list(find_personnummer(raw))) < len(loaded):
            _line, _col, what, masked = loaded[0]
            out.append(from_catalog("PERSONNUMMER", file, *where, what=what, masked=masked))
    return out
