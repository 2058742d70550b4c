"""What a new user met in bfa init and bfa new (newuser2 report F15, F16, F18)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import git
import yaml

from brottsforeb.scaffold import init_repo, new, new_entity

TODAY = dt.date(2026, 11, 22)


def test_a_new_lagesbild_covers_the_last_period_of_its_cadence(make_repo) -> None:
    root = make_repo()
    bfa = root / "bfa.yaml"
    bfa.write_text(
        bfa.read_text(encoding="utf-8")
        + "lägesbilder:\n  operativ:\n    frekvens: {antal: 4, per: år}\n",
        encoding="utf-8",
    )
    (rel,) = new_entity(root, "lagesbild", "Operativ", typ="operativ", today=TODAY).files
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert data["period"] == {"start": dt.date(2026, 7, 1), "slut": dt.date(2026, 9, 30)}
    # no decided cadence: last calendar year, as before
    (rel,) = new_entity(root, "lagesbild", "Strategisk", typ="strategisk", today=TODAY).files
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    assert data["period"] == {"start": dt.date(2025, 1, 1), "slut": dt.date(2025, 12, 31)}


def test_init_starts_on_the_branch_main(tmp_path: Path) -> None:
    created = init_repo(tmp_path / "k", "Testby kommun", install_from="pypi")
    assert created.git_initialised
    assert git.Repo(tmp_path / "k").git.symbolic_ref("HEAD") == "refs/heads/main"


def test_a_vacant_function_is_not_expected_at_a_meeting(make_repo) -> None:
    root = make_repo()
    path = root / "funktioner/kommunpolis.yaml"
    if not path.exists():
        path = next((root / "funktioner").glob("*.yaml"))
    path.write_text(path.read_text(encoding="utf-8") + "vakant: true\n", encoding="utf-8")
    vacant = path.stem
    (rel,) = new(root, "mote", "styrgrupp", date="2026-12-01").files
    data = yaml.safe_load((root / rel).read_text(encoding="utf-8"))
    members = yaml.safe_load((root / "organ/styrgrupp.yaml").read_text(encoding="utf-8"))
    assert vacant in (members.get("ledamöter") or []) or vacant == members.get("ordförande")
    assert vacant not in data["närvarande"]
    assert f"# Vakanta funktioner (ingen har dem just nu): {vacant}" in (root / rel).read_text(
        encoding="utf-8"
    )


def test_setting_a_value_confirms_it(tmp_path: Path) -> None:
    # F22: `bfa init`'s own step 2 (`bfa set lagesbilder/… datum …`) left 'datum' in
    # obekräftat, so validate said the date the user had just typed was filled in by bfa.
    from typer.testing import CliRunner

    from brottsforeb.cli import app

    root = tmp_path / "t"
    init_repo(root, "Testby kommun", today=TODAY)
    lagesbild = next((root / "lagesbilder").glob("*.yaml"))
    assert "datum" in yaml.safe_load(lagesbild.read_text(encoding="utf-8"))["obekräftat"]
    runner = CliRunner()
    ref = f"lagesbilder/{lagesbild.stem}"
    out = runner.invoke(app, ["set", ref, "datum", "2026-03-01", str(root)]).output
    assert "'datum' är därmed bekräftat" in out, out
    data = yaml.safe_load(lagesbild.read_text(encoding="utf-8"))
    assert "datum" not in data["obekräftat"] and data["datum"] == dt.date(2026, 3, 1)
    assert "period" in data["obekräftat"]  # only what was set is confirmed
    report = runner.invoke(app, ["validate", str(root), "--format", "json"]).output
    assert "'datum' är ifyllt av bfa" not in report
    # A nested key confirms its parent entry: möten.antal confirms 'möten'.
    organ = root / "organ/beredningsgrupp.yaml"
    assert "möten" in yaml.safe_load(organ.read_text(encoding="utf-8"))["obekräftat"]
    runner.invoke(app, ["set", "organ/beredningsgrupp", "möten.antal", "4", str(root)])
    after = yaml.safe_load(organ.read_text(encoding="utf-8"))
    assert "möten" not in after["obekräftat"] and "ledamöter" in after["obekräftat"]
