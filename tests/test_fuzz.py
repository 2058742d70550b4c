"""Fuzzing: whatever is written into any file, bfa answers with findings, never a crash.

Arbitrary bytes and arbitrary YAML documents (random nesting, types, anchors,
tags, unicode, the keys of the kind's own schema) are written into one file of
a valid repository; `bfa validate`, `bfa check` and `bfa render` must exit 0, 1
or 2 without raising and without a traceback.

The normal suite runs a bounded number of examples. The longer campaign
(docs/robusthet.md records the last one):

    BFA_FUZZ_EXAMPLES=1500 python -m pytest tests/test_fuzz.py -p no:cacheprovider

Other property tests: BFA_PROPERTY_SCALE (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from brottsforeb.cli import app
from brottsforeb.model import KINDS, Kommun
from brottsforeb.render import DOCUMENTS

from .conftest import MINIMAL, write_repo

EXAMPLES = int(os.environ.get("BFA_FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=EXAMPLES <= 20,  # the normal suite is reproducible; campaigns explore
)

#: One file per kind that MINIMAL has; fuzzed content replaces it.
TARGETS = {
    "bfa": "bfa.yaml",
    "aktorer": "aktorer/polisen.yaml",
    "funktioner": "funktioner/samordnare.yaml",
    "organ": "organ/styrgrupp.yaml",
    "dokument": "dokument/atgardsplan.yaml",
    "lagesbilder": "lagesbilder/lb.yaml",
    "atgarder": "atgarder/belysning.yaml",
    "indikatorer": "indikatorer/klotter.yaml",
    "moten": "moten/2025/2025-03-01-styrgrupp.yaml",
}


def _aliases(kind: str) -> list[str]:
    model = Kommun if kind == "bfa" else KINDS[kind].model
    return [f.alias or name for name, f in model.model_fields.items()]


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.sampled_from(
        ["styrgrupp", "samordnare", "lb/klotter", "år", "vecka", "2025-02-30", "", "~", "ja"]
    ),
)


def _values(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)
        ),
        max_leaves=12,
    )


HAZARDS = [
    "",
    "!!python/object/apply:os.system ['echo pwned'] ",
    "!custom ",
    "!!binary aGVq ",
    "&a ",
    "*a ",
    "*saknas ",
    "!!str ",
    "!!int ",
    "? ",
    "<<: ",
    "\t",
    "'",
    '"',
    "{",
    "[",
    "%YAML 1.1\n---\n",
    "--- |\n",
    "\ufeff",
]


@st.composite
def yaml_documents(draw: st.DrawFn, kind: str) -> bytes:
    keys = st.one_of(st.sampled_from(_aliases(kind)), st.text(max_size=12))
    data = draw(st.dictionaries(keys, _values(keys), max_size=8) | _values(keys))
    try:
        text = yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=draw(st.integers(20, 200))
        )
    except (yaml.YAMLError, ValueError):
        text = str(data)
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 3))):  # splice hazards in at random places
        at = draw(st.integers(0, len(lines)))
        line = lines[at] if at < len(lines) else ""
        cut = draw(st.integers(0, len(line)))
        lines[at : at + 1] = [line[:cut] + draw(st.sampled_from(HAZARDS)) + line[cut:]]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return "\n".join(lines).encode(encoding, errors="replace")


def _run_everything(root: Path, runner: CliRunner, document: str) -> None:
    for args in (
        ["validate", str(root)],
        ["validate", str(root), "--format", "json"],
        ["check", str(root), "--today", "2026-06-01"],
        ["status", str(root), "--today", "2026-06-01"],
        ["render", document, str(root)],
    ):
        result = runner.invoke(app, args, catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
        assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def base(tmp_path: Path) -> Path:
    root = tmp_path / "base"
    write_repo(root, dict(MINIMAL))
    write_repo(
        root,
        {
            TARGETS["moten"]: "organ: styrgrupp\ndatum: 2025-03-01\nnärvarande: [samordnare]\n"
            "åtgärdspunkter:\n  - {vad: Boka lokal, vem: samordnare, senast: 2025-06-01}\n"
        },
    )
    return root


def _with(base: Path, tmp_path: Path, rel: str, content: bytes) -> Path:
    root = tmp_path / "fuzz"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(base, root)
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(content)
    return root


@FUZZ
@given(
    kind=st.sampled_from(sorted(TARGETS)),
    content=st.binary(max_size=300),
    document=st.sampled_from(sorted(DOCUMENTS)),
)
def test_arbitrary_bytes_never_crash(base, tmp_path, runner, kind, content, document) -> None:
    _run_everything(_with(base, tmp_path, TARGETS[kind], content), runner, document)


@FUZZ
@given(data=st.data(), document=st.sampled_from(sorted(DOCUMENTS)))
def test_arbitrary_yaml_never_crashes(base, tmp_path, runner, data, document) -> None:
    kind = data.draw(st.sampled_from(sorted(TARGETS)))
    content = data.draw(yaml_documents(kind))
    _run_everything(_with(base, tmp_path, TARGETS[kind], content), runner, document)


@FUZZ
@given(data=st.data())
def test_arbitrary_values_in_valid_shapes_never_crash(base, tmp_path, runner, data) -> None:
    """Keep the file a mapping of the schema's own keys, so the rules run, not just the loader."""
    kind = data.draw(st.sampled_from(sorted(TARGETS)))
    original = yaml.safe_load((base / TARGETS[kind]).read_text(encoding="utf-8"))
    key = data.draw(st.sampled_from(_aliases(kind)))
    value = data.draw(_values(st.sampled_from(_aliases(kind))))
    changed = {**original, key: value}
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
    root = _with(base, tmp_path, TARGETS[kind], text.encode("utf-8"))
    _run_everything(root, runner, data.draw(st.sampled_from(sorted(DOCUMENTS))))
