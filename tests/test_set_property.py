"""Property: `bfa set` changes exactly the targeted value and nothing else.

Files are generated with comments, anchors and aliases, every quoting style,
flow and block collections and blank lines; any scalar that is not shared
through an anchor is set to any text. The result must parse to the original
data with only that one value replaced, and every line but the edited one must
be byte-identical.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

import yaml
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from brottsforeb.edit import _shared, edit_text, iter_scalar_paths

from .conftest import examples

DQ, SQ = '"', "'"
KEYS = st.sampled_from(["namn", "typ", "möten", "antal", "per", "ledamöter", "ö_nyckel", "a b"])
TEXT = st.text(
    alphabet=st.characters(
        # the oracle is PyYAML, which refuses noncharacters (U+FFFE) as bfa's reader does
        codec="utf-8",
        exclude_categories=("Cs", "Cc", "Cn", "Zl", "Zp"),
        exclude_characters="\ufeff",
    ),
    max_size=20,
)
SCALAR = st.one_of(
    TEXT,
    st.integers(-1000, 10**6),
    st.booleans(),
    st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31)),
    st.sampled_from(["ja", "nej", "null", "3.0", "#", "- x", "a: b", "'", '"', "{", "~"]),
)


def _scalar_text(value: Any, style: str) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, dt.date)):
        return str(value) if not isinstance(value, dt.date) else value.isoformat()
    if style == "'":
        return "'" + value.replace("'", "''") + "'"
    return json.dumps(value, ensure_ascii=False)


@st.composite
def documents(draw: st.DrawFn) -> str:
    """A YAML mapping written the way people write YAML by hand."""
    lines: list[str] = []
    if draw(st.booleans()):
        lines.append("# " + draw(TEXT).replace("\n", " "))
    n = draw(st.integers(1, 6))
    keys = draw(st.lists(KEYS, min_size=n, max_size=n, unique=True))
    anchored = False
    for key in keys:
        k = key if " " not in key else f'"{key}"'
        shape = draw(st.sampled_from(["scalar", "flowmap", "blockmap", "flowseq", "blockseq"]))
        comment = "  # " + draw(TEXT).replace("\n", " ") if draw(st.booleans()) else ""
        if draw(st.booleans()):
            lines.append("")
        if shape == "scalar":
            v = _scalar_text(draw(SCALAR), draw(st.sampled_from(["'", '"'])))
            anchor = ""
            if not anchored and draw(st.booleans()):
                anchor, anchored = "&a ", True
            lines.append(f"{k}: {anchor}{v}{comment}")
        elif shape == "flowmap":
            items = draw(st.lists(SCALAR, min_size=1, max_size=3))
            body = ", ".join(f"k{i}: {_scalar_text(v, DQ)}" for i, v in enumerate(items))
            lines.append(f"{k}: {{{body}}}{comment}")
        elif shape == "flowseq":
            items = draw(st.lists(SCALAR, min_size=1, max_size=3))
            lines.append(f"{k}: [{', '.join(_scalar_text(v, SQ) for v in items)}]{comment}")
        elif shape == "blockmap":
            lines.append(f"{k}:{comment}")
            indent = " " * draw(st.sampled_from([2, 4]))
            for i, v in enumerate(draw(st.lists(SCALAR, min_size=1, max_size=3))):
                style = draw(st.sampled_from([DQ, SQ]))
                lines.append(f"{indent}k{i}: {_scalar_text(v, style)}")
                if draw(st.booleans()):
                    lines.append(f"{indent}# mellan")
        else:
            lines.append(f"{k}:{comment}")
            indent = " " * draw(st.sampled_from([0, 2, 4]))
            for v in draw(st.lists(SCALAR, min_size=1, max_size=3)):
                lines.append(f"{indent}- {_scalar_text(v, DQ)}")
    if anchored:
        lines.append("kopia: *a")
    return "\n".join(lines) + ("\n" if draw(st.booleans()) else "")


def _replace(data: Any, path: tuple[str | int, ...], value: Any) -> Any:
    if not path:
        return value
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        return {k: (_replace(v, rest, value) if k == head else v) for k, v in data.items()}
    return [(_replace(v, rest, value) if i == head else v) for i, v in enumerate(data)]


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents(), choice=st.integers(0, 1000), new=SCALAR)
def test_set_changes_exactly_the_target(doc: str, choice: int, new: Any) -> None:
    original = yaml.safe_load(doc)
    root = yaml.compose(doc, Loader=yaml.SafeLoader)
    shared = _shared(root)
    paths = []
    for path in iter_scalar_paths(doc):
        node = root
        ok = True
        for p in path:
            if id(node) in shared:
                ok = False
            node = {k.value: v for k, v in node.value}[p] if isinstance(p, str) else node.value[p]
        if ok and id(node) not in shared:
            paths.append(path)
    assume(paths)
    path = paths[choice % len(paths)]
    if isinstance(new, dt.date):
        raw = new.isoformat()
    else:
        raw = str(new).lower() if isinstance(new, bool) else str(new)
    assume("\n" not in raw and "\r" not in raw)

    out, _old, value = edit_text(doc, path, raw)

    assert yaml.safe_load(out) == _replace(original, path, value)
    before, after = doc.split("\n"), out.split("\n")
    assert len(before) == len(after)
    differing = [i for i, (a, b) in enumerate(zip(before, after, strict=True)) if a != b]
    assert len(differing) <= 1


@settings(max_examples=examples(100), deadline=None)
@given(doc=documents(), key=st.sampled_from(["ny", "senast", "ö"]), new=TEXT)
def test_set_of_a_new_key_adds_one_line(doc: str, key: str, new: str) -> None:
    original = yaml.safe_load(doc)
    assume(key not in original and "\n" not in new and "\r" not in new)
    # a commented "# ny: …" line is a placeholder the new key replaces (test_writes.py)
    assume(not any(line.lstrip("# ").startswith(f"{key}:") for line in doc.splitlines()))
    out, old, value = edit_text(doc, (key,), new)
    assert old is None
    assert yaml.safe_load(out) == {**original, key: value}
    added = [line for line in out.splitlines() if line.startswith(f"{key}: ")]
    assert len(added) == 1
    rest = out.splitlines()
    rest.remove(added[0])
    assert rest == doc.splitlines()
