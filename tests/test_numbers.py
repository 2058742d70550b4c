"""Numbers a coordinator types and a kommunstyrelse reads (#16, B6 and N2).

A Swedish decimal comma is named as such wherever YAML puts it (a block value reads as
text, a flow mapping splits it into a number and a key); a share in percent outside
0–100 is a warning; and `bfa status` writes an indicator's value exactly as the
uppföljning does, through one formatter.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from brottsforeb import load_repo, validate
from brottsforeb._numbers import value_text
from brottsforeb.render import render
from brottsforeb.status import status as build_status

from .conftest import EXAMPLES

IND = "indikatorer/narkotika-ak9.yaml"


@pytest.fixture
def torsby(tmp_path: Path) -> Path:
    root = tmp_path / "torsby"
    shutil.copytree(EXAMPLES / "torsby", root)
    return root


def _edit(root: Path, rel: str, old: str, new: str) -> None:
    path = root / rel
    text = path.read_text(encoding="utf-8")
    assert old in text, (old, text)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _messages(root: Path, rule: str) -> list[str]:
    return [
        f"{f.file}:{f.line}:{f.column} {f.message} → {f.hint}"
        for f in validate(load_repo(root))
        if f.rule == rule
    ]


@pytest.mark.parametrize(
    ("written", "meant", "key"),
    [("5,1", "5.1", "1"), ("6,05", "6.05", "05"), ("-0,5", "-0.5", "5"), ("12,25", "12.25", "25")],
)
def test_a_decimal_comma_in_a_flow_mapping_is_named(
    torsby: Path, written: str, meant: str, key: str
) -> None:
    _edit(torsby, IND, "{år: 2022, värde: 5.1}", f"{{år: 2022, värde: {written}}}")
    found = _messages(torsby, "SCHEMA")
    assert len(found) == 1, found
    assert f"{IND}:14:" in found[0]
    assert f"Decimalkomma i 'mätvärden[1]': {written} lästes som talet" in found[0]
    assert f"en nyckel '{key}'" in found[0]
    assert f"Skriv {meant}: decimaltal skrivs med punkt." in found[0]
    assert "Tillåtna nycklar" not in found[0]


def test_a_decimal_comma_in_a_block_value_is_named(torsby: Path) -> None:
    _edit(torsby, IND, "mål: 4\n", "mål: 4,5\n")
    found = _messages(torsby, "SCHEMA")
    assert found == [
        f"{IND}:9:6 'mål' ska vara ett tal; 4,5 är skrivet med decimalkomma. "
        "→ Skriv 4.5: decimaltal skrivs med punkt."
    ]


def test_a_decimal_comma_where_a_whole_number_belongs(torsby: Path) -> None:
    _edit(torsby, "organ/lfr-styrgrupp.yaml", "antal: 2", "antal: 2,5")
    found = _messages(torsby, "SCHEMA")
    assert len(found) == 1, found
    assert "ska vara ett heltal, inte 2,5." in found[0]
    assert "t.ex. 2 eller 3." in found[0]


@pytest.mark.parametrize(
    ("old", "new"), [("värde: 5.2}", "värde: -5}"), ("mål: 4\n", "mål: 150\n")]
)
def test_a_share_outside_0_to_100_is_a_warning(torsby: Path, old: str, new: str) -> None:
    _edit(torsby, IND, old, new)
    found = _messages(torsby, "INDIKATOR-ANDEL")
    assert len(found) == 1, found
    value = re.search(r"(-?\d+)", new).group(1)  # type: ignore[union-attr]
    assert f"är {value} %: en andel ligger mellan 0 och 100." in found[0]


def test_a_count_outside_0_to_100_is_no_share(torsby: Path) -> None:
    _edit(torsby, IND, "enhet: procent", "enhet: antal")
    _edit(torsby, IND, "värde: 5.2}", "värde: 150}")
    assert _messages(torsby, "INDIKATOR-ANDEL") == []


@pytest.mark.parametrize(
    ("value", "unit", "shown"),
    [
        ("5.2", "procent", "5,2\u00a0%"),
        ("0.1e-320", "procent", "0\u00a0%"),
        ("1234567.25", "antal", "1\u00a0234\u00a0567,25"),
        ("999999999999", "antal", "999\u00a0999\u00a0999\u00a0999"),
    ],
)
def test_status_and_uppfoljning_write_a_value_the_same_way(
    cli, torsby: Path, value: str, unit: str, shown: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _edit(torsby, IND, "enhet: procent", f"enhet: {unit}")
    _edit(torsby, IND, "värde: 5.2}", f"värde: {value}}}")
    repo = load_repo(torsby)
    status = next(i for i in build_status(repo).indicators if i.name.startswith("Andel elever"))
    assert status.latest.startswith(shown), status.latest
    assert value_text(status.values[-1], unit) == shown
    [doc] = render(repo, "uppfoljning")
    assert f"| 2025 | {shown} |" in doc.markdown
    monkeypatch.setenv("COLUMNS", "200")
    screen = cli("status", torsby, "--today", "2026-11-22").output
    assert f"{shown} (2025)" in screen or f"{shown} {unit} (2025)" in screen, screen
