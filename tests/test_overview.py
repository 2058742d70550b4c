"""`bfa overview`: the county view over repositories found at any depth."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest
from pypdf import PdfReader

from brottsforeb.batch import discover, expand
from brottsforeb.overview import overview

from .conftest import EXAMPLES

TODAY = "2026-11-22"


@pytest.fixture
def county(tmp_path: Path) -> Path:
    """Torsby one level down, Norsjö two levels down (a collaboration folder), Lindesberg
    three levels down; and a stray folder with no repository at all."""
    lan = tmp_path / "lan"
    shutil.copytree(EXAMPLES / "torsby", lan / "torsby")
    shutil.copytree(EXAMPLES / "norsjo", lan / "samverkan-norr" / "norsjo")
    shutil.copytree(EXAMPLES / "lindesberg", lan / "bergslagen" / "orebro-lan" / "lindesberg")
    (lan / "tomt" / "ingenting").mkdir(parents=True)
    (lan / ".git" / "torsby-kopia").mkdir(parents=True)
    shutil.copy(EXAMPLES / "torsby" / "bfa.yaml", lan / ".git" / "torsby-kopia" / "bfa.yaml")
    return lan


def test_repositories_are_found_at_any_depth(county: Path) -> None:
    names = [p.name for p in discover(county)]
    assert names == ["lindesberg", "norsjo", "torsby"]  # sorted by path; .git not searched
    # the defect: `bfa validate PARENT` silently skipped repositories two levels down
    assert sorted(p.name for p in expand([county])) == ["lindesberg", "norsjo", "torsby"]


def test_validate_parent_checks_deep_repositories(cli, county: Path) -> None:
    r = cli("validate", county, "--format", "json", "--jobs", "1")
    labels = [x["label"] for x in json.loads(r.output)["repositories"]]
    assert labels == ["bergslagen/orebro-lan/lindesberg", "samverkan-norr/norsjo", "torsby"]


def test_overview_rows_come_from_the_repositories(county: Path) -> None:
    import datetime as dt

    ov = overview([county], dt.date.fromisoformat(TODAY), jobs=1)
    rows = {r.name: r for r in ov.rows}
    assert list(rows) == ["Lindesbergs kommun", "Norsjö kommun", "Torsby kommun"]
    torsby = rows["Torsby kommun"]
    assert torsby.action_plan == "Åtgärdsplan för det brottsförebyggande arbetet 2025–2026"
    assert torsby.action_plan_date == "2025-03-10"
    assert torsby.action_plan_on_lagesbild
    assert torsby.coordination == "Förebyggande samordnare"
    assert torsby.leadership == "Kommunstyrelsen" and torsby.leadership_in_place
    # the same findings `bfa check` reports as errors with a due date
    assert any("Fältarbete kvällstid" in s for s in torsby.overdue)


def test_overview_of_a_municipality_without_plan_or_coordinator(make_repo) -> None:
    import datetime as dt

    root = make_repo({"dokument/atgardsplan.yaml": None, "funktioner/samordnare.yaml": None})
    ov = overview([root], dt.date.fromisoformat(TODAY), jobs=1)
    [row] = ov.rows
    assert row.action_plan is None and not row.action_plan_on_lagesbild
    assert row.coordination is None  # the named function does not exist
    assert any("ingen beslutad åtgärdsplan" in s for s in row.overdue)


def test_cli_markdown_csv_json_and_pdf(cli, county: Path, tmp_path: Path) -> None:
    r = cli("overview", county, "--today", TODAY, "-j", "2")
    assert r.exit_code == 0, r.output
    assert "| Torsby kommun | Åtgärdsplan för det brottsförebyggande arbetet 2025–2026" in r.output
    assert "## Försenat per kommun" in r.output

    r = cli("overview", county, "--today", TODAY, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(r.output)))
    assert [x["kommun"] for x in rows] == ["Lindesbergs kommun", "Norsjö kommun", "Torsby kommun"]
    assert rows[2]["samordningsfunktion"] == "Förebyggande samordnare"
    assert rows[2]["mapp"] == "torsby"

    r = cli("overview", county, "--today", TODAY, "--format", "json")
    doc = json.loads(r.output)
    assert doc["version"] == 2 and doc["command"] == "overview"
    assert doc["summary"]["repositories"] == 3
    torsby = doc["municipalities"][2]
    assert torsby["label"] == "torsby" and torsby["lagesbild_date"] == "2026-09-08"
    assert torsby["overdue"] and isinstance(torsby["overdue"][0], str)

    pdf = tmp_path / "lan.pdf"
    r = cli("overview", county, "--today", TODAY, "--format", "pdf", "-o", pdf)
    assert r.exit_code == 0, r.output
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Länsöversikt" in text and "Norsjö kommun" in text and "Försenat per kommun" in text


def test_cli_refuses_to_overwrite_a_foreign_file(cli, county: Path, tmp_path: Path) -> None:
    target = tmp_path / "min.csv"
    target.write_text("mina egna siffror\n")
    r = cli("overview", county, "--today", TODAY, "-f", "csv", "-o", target)
    assert r.exit_code == 2
    assert target.read_text() == "mina egna siffror\n"


def test_cli_without_repositories(cli, tmp_path: Path) -> None:
    (tmp_path / "tom").mkdir()
    r = cli("overview", tmp_path / "tom")
    assert r.exit_code == 2
    assert "bfa-förråd" in r.output
