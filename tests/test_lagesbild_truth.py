"""A lägesbild is what the law asks for only when it is made and covers the whole
municipality: a draft from `bfa new lagesbild` does not count as made (F23), and one for
part of the municipality is named (N12). Each test failed before its fix."""

from __future__ import annotations

import datetime as dt
import json
import textwrap

import pytest

from brottsforeb import check, load_repo, validate
from brottsforeb.findings import Severity
from brottsforeb.rules.lag import whole_municipality
from brottsforeb.scaffold import new_entity

from .conftest import MINIMAL

PLAN = "\nlägesbilder:\n  strategisk:\n    frekvens: {antal: 1, per: år}\n"
D = dt.date.fromisoformat


def _frequency(root, today: str) -> list[str]:  # type: ignore[no-untyped-def]
    return [f.message for f in check(load_repo(root), D(today)) if f.rule == "LAGESBILD-FREKVENS"]


def test_a_new_lagesbild_is_a_draft_until_its_date_is_confirmed(make_repo, cli) -> None:
    root = make_repo({"bfa.yaml": textwrap.dedent(MINIMAL["bfa.yaml"]) + PLAN})
    missed = _frequency(root, "2027-01-15")
    assert any("2026" in m for m in missed), missed
    new_entity(root, "lagesbild", "Lägesbild 2026", typ="strategisk", today=D("2026-11-22"))
    rel = next(p for p in (root / "lagesbilder").iterdir() if p.name != "lb.yaml")
    text = rel.read_text(encoding="utf-8")
    assert "datum: 2026-11-22" in text and "datum" in text.split("obekräftat:")[1]
    # bfa wrote today's date: not the day the lägesbild was made, so 2026 is still missed
    assert _frequency(root, "2027-01-15") == missed
    hint = next(
        f.hint
        for f in validate(load_repo(root))
        if f.rule == "MALL-EJ-IFYLLD" and f.file.endswith(rel.name) and "'datum'" in f.message
    )
    assert "utkast" in hint and "räknas inte som framtagen" in hint
    r = cli("set", f"lagesbilder/{rel.stem}", "datum", "2026-11-30", root)
    assert r.exit_code == 0, r.output
    assert not any("2026" in m for m in _frequency(root, "2027-01-15"))


@pytest.mark.parametrize(
    ("area", "whole"),
    [
        ("Hela Testby kommuns geografiska område", True),
        ("Testby kommun", True),
        ("Testbys kommun", True),
        ("Testby", True),
        ("hela  kommunen", True),
        ("Kommunens område", True),
        ("Testby centralort", False),
        ("Centrala Testby", False),
        ("Norra delen av Testby", False),
        ("Skolorna i Testby", False),
        ("Granby kommun", False),  # another municipality
    ],
)
def test_a_strategic_lagesbild_for_part_of_the_municipality_is_named(
    make_repo, area: str, whole: bool
) -> None:
    lb = textwrap.dedent(MINIMAL["lagesbilder/lb.yaml"]).lstrip("\n")
    lb = lb.replace("område: Hela kommunen", f"område: {area}")
    assert f"område: {area}" in lb
    assert whole_municipality(area, "Testby kommun") is whole
    root = make_repo({"lagesbilder/lb.yaml": lb})
    found = [f for f in validate(load_repo(root)) if f.rule == "LAGESBILD-OMRADE"]
    if whole:
        assert found == []
    else:
        [f] = found
        assert f.severity.value == "varning" and f.file == "lagesbilder/lb.yaml"
        assert f.message == f"Lägesbilden gäller '{area}', inte hela kommunen."
        assert f.line == lb.splitlines().index(f"område: {area}") + 1
        assert "Hela Testby kommuns geografiska område" in f.hint


def test_an_operative_lagesbild_for_part_is_fine_beside_a_whole_strategic_one(make_repo) -> None:
    op = textwrap.dedent(MINIMAL["lagesbilder/lb.yaml"]).replace("typ: strategisk", "typ: operativ")
    root = make_repo({"lagesbilder/centrum.yaml": op.replace("Hela kommunen", "Testby centrum")})
    assert [f for f in validate(load_repo(root)) if f.rule == "LAGESBILD-OMRADE"] == []


def test_only_a_draft_lagesbild_is_said_to_be_one_everywhere(cli, tmp_path) -> None:  # type: ignore[no-untyped-def]
    # `bfa init` writes a lägesbild template whose datum bfa filled in. The cadence did not
    # count it (F23), yet validate's LAG-LAGESBILD was met by the file and `bfa overview`
    # showed it as the municipality's newest lägesbild ("2026-11-22 (strategisk)").
    root = tmp_path / "k"
    assert cli("init", root, "--name", "Åsele kommun").exit_code == 0
    [lb] = [p.stem for p in (root / "lagesbilder").glob("*.yaml")]
    draft = [f for f in validate(load_repo(root)) if f.rule == "LAG-LAGESBILD"]
    assert [(f.severity, f.file, f.message) for f in draft] == [
        (
            Severity.WARNING,
            f"lagesbilder/{lb}.yaml",
            "Det finns bara utkast till lägesbild: datum är ifyllt av bfa och inte bekräftat, "
            "så lägesbilden räknas inte som gjord.",
        )
    ]
    assert f"bfa set lagesbilder/{lb} datum ÅÅÅÅ-MM-DD" in draft[0].hint
    out = cli("overview", root, "--today", "2026-11-22", "-f", "json").output
    [row] = json.loads(out)["municipalities"]
    assert row["lagesbild_date"] is None, row
    # the coordinator confirms the day it was finished: then it is made, everywhere
    assert cli("set", f"lagesbilder/{lb}", "datum", "2026-10-01", root).exit_code == 0
    assert not [f for f in validate(load_repo(root)) if f.rule == "LAG-LAGESBILD"]
    out = cli("overview", root, "--today", "2026-11-22", "-f", "json").output
    [row] = json.loads(out)["municipalities"]
    assert row["lagesbild_date"] == "2026-10-01", row
