"""Collaborations across municipalities: the example end to end, references, git clones."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import git
import pytest

from brottsforeb import load_repo
from brottsforeb.rules import check, validate

from .conftest import EXAMPLES

EXAMPLE = EXAMPLES / "sodra-lappland-exempel"
AGREEMENT = "Samverkansöverenskommelse mellan kommunerna i Södra Lappland och Polismyndigheten"


@pytest.fixture
def region(tmp_path: Path) -> Path:
    dest = tmp_path / "sodra-lappland"
    shutil.copytree(EXAMPLE, dest)
    return dest


def _errors(root: Path) -> list[str]:
    return [
        f"{f.rule}: {f.message}" for f in validate(load_repo(root)) if f.severity.value == "fel"
    ]


def test_the_example_validates(cli) -> None:
    r = cli("validate", EXAMPLE, "--format", "json", "--jobs", "1")
    doc = json.loads(r.output)
    assert r.exit_code == 0, [f for f in doc["findings"] if f["severity"] == "fel"]
    assert [x["label"] for x in doc["repositories"]] == ["samverkan", "sorsele", "storuman"]
    collaboration = load_repo(EXAMPLE / "samverkan").kommun
    assert collaboration is not None and collaboration.kind == "samverkan"
    assert [m.name for m in collaboration.members][:2] == ["Storumans kommun", "Sorsele kommun"]


@pytest.mark.parametrize("member", ["storuman", "sorsele"])
def test_every_member_reports_the_shared_agreements_deadline(cli, member: str) -> None:
    r = cli("check", EXAMPLE / member, "--today", "2027-05-01", "--format", "json")
    found = [f for f in json.loads(r.output)["findings"] if f["file"].startswith("../samverkan/")]
    assert found, r.output
    validity = [f for f in found if f.get("due") == "2027-06-30"]
    assert (
        validity and validity[0]["file"] == "../samverkan/dokument/samverkansoverenskommelse.yaml"
    )
    assert validity[0]["message"].startswith("Delat från Södra Lapplands brottsförebyggande")
    assert validity[0]["line"] > 0


def test_a_missing_shared_part_is_an_error_with_a_suggestion(region: Path) -> None:
    bfa = region / "storuman/bfa.yaml"
    bfa.write_text(bfa.read_text().replace("organ/samverkansgrupp", "organ/samverkansgupp"))
    findings = [f for f in validate(load_repo(region / "storuman")) if f.rule == "SAMVERKAN-DEL"]
    [f] = findings
    owner = "Södra Lapplands brottsförebyggande samverkans"
    assert f.message == f"'organ/samverkansgupp' finns inte i {owner} förråd."
    assert "organ/samverkansgrupp" in f.hint
    assert f.file == "bfa.yaml" and f.line > 0


def test_a_missing_collaboration_repository(region: Path) -> None:
    shutil.rmtree(region / "samverkan")
    [f] = [f for f in validate(load_repo(region / "sorsele")) if f.rule == "SAMVERKAN-FORRAD"]
    assert "finns inte" in f.message and f.file == "bfa.yaml"
    # check still runs, without the shared deadlines
    assert all(not f.file.startswith("../") for f in check(load_repo(region / "sorsele")))


def test_a_municipality_is_not_a_collaboration(region: Path) -> None:
    bfa = region / "storuman/bfa.yaml"
    bfa.write_text(bfa.read_text().replace("sökväg: ../samverkan", "sökväg: ../sorsele"))
    rules = {f.rule for f in validate(load_repo(region / "storuman"))}
    assert "SAMVERKAN-FORRAD" in rules


def test_a_member_missing_from_the_collaborations_list_is_warned(region: Path) -> None:
    bfa = region / "samverkan/bfa.yaml"
    bfa.write_text(bfa.read_text().replace("Sorsele kommun", "Sorsele").replace("2422", "2499"))
    [f] = [f for f in validate(load_repo(region / "sorsele")) if f.rule == "SAMVERKAN-MEDLEM"]
    assert f.severity.value == "varning"


def test_git_reference_is_read_from_a_local_clone(
    region: Path, monkeypatch, tmp_path: Path
) -> None:
    clone = tmp_path / "cache" / "samverkan" / "sodra-lappland"
    shutil.copytree(region / "samverkan", clone)
    g = git.Repo.init(clone)
    g.git.add(A=True)
    g.index.commit("Överenskommelsen 2025")
    g.create_tag("v2025")
    # a later, uncommitted change in the clone is not what revision v2025 says
    (clone / "dokument/samverkansoverenskommelse.yaml").unlink()
    monkeypatch.setenv("BFA_CACHE", str(tmp_path / "cache"))
    bfa = region / "storuman/bfa.yaml"
    bfa.write_text(
        bfa.read_text().replace(
            "sökväg: ../samverkan",
            "git: https://git.example.se/sodra-lappland.git\n    revision: v2025",
        )
    )
    shutil.rmtree(region / "samverkan")
    assert _errors(region / "storuman") == []
    found = check(load_repo(region / "storuman"), _date("2027-05-01"))
    assert any(
        f.file == "sodra-lappland@v2025/dokument/samverkansoverenskommelse.yaml" for f in found
    )

    monkeypatch.setenv("BFA_CACHE", str(tmp_path / "ingen-cache"))
    [f] = [f for f in validate(load_repo(region / "storuman")) if f.rule == "SAMVERKAN-FORRAD"]
    assert "finns inte lokalt" in f.message and "git clone" in f.hint


def _date(text: str):  # type: ignore[no-untyped-def]
    import datetime as dt

    return dt.date.fromisoformat(text)


def test_source_needs_exactly_one_of_path_and_git(region: Path) -> None:
    bfa = region / "storuman/bfa.yaml"
    bfa.write_text(bfa.read_text().replace("sökväg: ../samverkan", "git: https://x.se/y.git"))
    findings = validate(load_repo(region / "storuman"))
    assert any(f.rule == "SCHEMA" and "revision" in f.message for f in findings)


def test_init_collaboration(cli, tmp_path: Path) -> None:
    target = tmp_path / "samverkan"
    r = cli(
        "init",
        target,
        "--name",
        "Norra Värmlands samverkan",
        "--collaboration",
        "--member",
        "Torsby kommun",
        "--member",
        "Hagfors kommun",
        "--police-area",
        "Lokalpolisområde Norra Värmland",
    )
    assert r.exit_code == 0, r.output
    k = load_repo(target).kommun
    assert k is not None and k.kind == "samverkan"
    assert [m.name for m in k.members] == ["Torsby kommun", "Hagfors kommun"]
    assert k.police_area == "Lokalpolisområde Norra Värmland"
    assert _errors(target) == []


def test_member_renders_shared_parts_as_shared_with_their_owner(cli) -> None:
    r = cli("render", "riktlinje", EXAMPLE / "storuman")
    assert r.exit_code == 0, r.output
    owner = "Södra Lapplands brottsförebyggande samverkan"
    assert (
        f"### Samverkansgruppen Södra Lappland (gemensamt organ i {owner}, som förvaltar det)"
        in (r.output)
    )
    assert f"och Polismyndigheten – gemensam för {owner}, som förvaltar den" in r.output
    # the members are named from the collaboration's own files
    assert "Kommundirektör i Vilhelmina (Vilhelmina kommun)" in r.output


def test_the_collaborations_documents_speak_of_the_collaboration(cli) -> None:
    r = cli("render", "riktlinje", EXAMPLE / "samverkan")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(
        "# Riktlinje för det gemensamma brottsförebyggande arbetet i Södra Lapplands"
    )
    assert "Samverkans samordningsfunktion" in r.output
    assert "Kommunens samordningsfunktion" not in r.output
    assert "Riktlinje för Södra Lapplands brottsförebyggande samverkan brottsförebyggande" not in (
        r.output
    )


def test_a_collaboration_has_no_municipal_duties(cli) -> None:
    r = cli("validate", EXAMPLE / "samverkan", "--format", "json")
    rules = {f["rule"] for f in json.loads(r.output)["findings"]}
    assert not {r for r in rules if r.startswith("LAG-")}
    assert "BRA-STYRGRUPP" not in rules and "BRA-BEREDNINGSGRUPP" not in rules


def test_overview_marks_the_collaboration_and_counts_shared_deadlines(cli) -> None:
    r = cli("overview", EXAMPLE, "--today", "2027-07-15", "--format", "json")
    rows = {x["label"]: x for x in json.loads(r.output)["municipalities"]}
    assert rows["samverkan"]["kind"] == "samverkan"
    assert rows["storuman"]["kind"] == "kommun"
    for member in ("storuman", "sorsele"):
        assert any(s.startswith("Delat från Södra Lappland") for s in rows[member]["overdue"])


def test_overview_counts_municipalities_and_a_shared_deadline_once(cli) -> None:
    # The overview said "2 av 3 har en beslutad åtgärdsplan" (the samverkan counted as a
    # municipality without one, "saknas" in its row) and "7 frister är försenade" where the
    # shared agreement's one late review stood three times.
    r = cli("overview", EXAMPLE, "--today", "2026-11-22")
    assert r.exit_code == 0, r.output
    assert (
        "Läget 2026-11-22 för 3 förråd (2 kommuner och 1 samverkan). 2 av 2 kommuner har en "
        "beslutad åtgärdsplan; 5 frister är försenade (en frist som en samverkan delar med "
        "kommunerna räknas en gång)." in r.output
    ), r.output
    [row] = [line for line in r.output.splitlines() if "(samverkan) |" in line]
    assert "saknas" not in row and row.count("| – |") >= 2, row
    data = json.loads(cli("overview", EXAMPLE, "--today", "2026-11-22", "-f", "json").output)
    assert data["summary"] == {
        "repositories": 3,
        "municipalities": 2,
        "with_action_plan": 2,
        "overdue": 5,
    }
    assert sum(len(m["overdue"]) for m in data["municipalities"]) == 7  # each row as check
    assert all("overdue_keys" not in m for m in data["municipalities"])


def test_overview_says_an_unreadable_coordination_file_is_unreadable(cli, example) -> None:
    # A typo in the samordningsfunktion's file made the overview say "saknas": the county
    # read that the municipality had no coordination, when its file could not be read.
    root = example("torsby")
    path = root / "funktioner" / "forebyggande-samordnare.yaml"
    path.write_text(path.read_text("utf-8").replace("titel:", "tittel:", 1), "utf-8")
    out = cli("overview", root, "--today", "2026-11-22").output
    assert "| kan inte läsas (funktioner/forebyggande-samordnare.yaml) |" in out, out
    doc = json.loads(cli("overview", root, "--today", "2026-11-22", "-f", "json").output)
    assert doc["municipalities"][0]["coordination"] is None
    assert "coordination_unread" not in doc["municipalities"][0]
