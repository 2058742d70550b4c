"""Defects a new coordinator met walking README and guide on an unseen municipality."""

from __future__ import annotations

import shlex
from pathlib import Path
from typing import Any

import pytest

from .conftest import ROOT

GUIDE = ROOT / "docs/guide.md"


@pytest.fixture
def asele(cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:  # type: ignore[no-untyped-def]
    """A new repository made by `bfa init` for Åsele, the working directory."""
    root = tmp_path / "r"
    assert cli("init", root, "--name", "Åsele kommun").exit_code == 0
    monkeypatch.chdir(root)
    return root


def _first_commit(root: Path) -> tuple[Any, str]:
    """The repository's first commit by the coordinator: (git.Repo, its sha)."""
    import git

    repo = git.Repo(root)
    with repo.config_writer() as cw:
        cw.set_value("user", "name", "Mimmi Samordnare")
        cw.set_value("user", "email", "samordnare@example.invalid")
    repo.git.add(A=True)
    repo.index.commit("Första versionen")
    return repo, repo.head.commit.hexsha


def _first_steps_block() -> list[str]:
    """The guide's ``sh`` block of "Det första att skriva in"."""
    text = GUIDE.read_text(encoding="utf-8")
    section = text.split("### Det första att skriva in", 1)[1]
    block = section.split("```sh", 1)[1].split("```", 1)[0]
    return [line.strip() for line in block.splitlines() if line.strip()]


def test_the_guides_first_steps_satisfy_followup_and_reporting(cli, asele: Path) -> None:
    # Following the guide literally used to leave the KS and KF meetings 'planerat',
    # so bfa check still said no uppföljning and no rapportering was registered.
    for line in _first_steps_block():
        argv = shlex.split(line, comments=True)
        assert argv[0] == "bfa", line
        if argv[1] == "check":
            continue
        result = cli(*argv[1:])
        assert result.exit_code == 0, (line, result.output)
    out = cli("check", "--today", "2026-12-31").output
    assert "UPPFOLJNING-NAMND" not in out, out
    assert "RAPPORTERING-KF" not in out, out


def test_init_first_steps_mark_the_meetings_as_held(cli, tmp_path: Path) -> None:
    result = cli("init", tmp_path / "r", "--name", "Åsele kommun")
    assert result.exit_code == 0
    assert "bfa set ÅÅÅÅ-MM-DD-kommunstyrelsen status hållet" in result.output
    assert "bfa set ÅÅÅÅ-MM-DD-kommunfullmaktige status hållet" in result.output


def test_set_echoes_values_as_yaml_not_python(cli, asele: Path) -> None:
    # bfa set printed "{'start': datetime.date(2026, 1, 1), …}" and "True".
    assert cli("new", "organ", "EST-gruppen", "--type", "arbetsgrupp", "--id", "est").exit_code == 0
    assert cli("set", "organ/est", "status", "försök").exit_code == 0
    out = cli("set", "organ/est", "försök", "{start: 2026-01-01, slut: 2026-12-31}").output
    assert "försök satt till {start: 2026-01-01, slut: 2026-12-31} (ny nyckel)." in out, out
    out = cli("set", "funktioner/kommundirektor", "vakant", "true").output
    assert "vakant satt till ja (ny nyckel)." in out, out
    assert "datetime" not in out and "True" not in out


def test_uppfoljning_without_atgarder_says_so_instead_of_empty_tables(cli, asele: Path) -> None:
    # A new repository has no åtgärder: the report showed two tables with headers only.
    result = cli("render", "uppfoljning", "--year", "2026", "--draft")
    assert result.exit_code == 0, result.output
    section = result.output.split("## Åtgärder 2026 efter status", 1)[1].split("\n## ", 1)[0]
    assert "Inga åtgärder finns i förrådet." in section, section
    assert "| Status | Antal |" not in section


def test_riktlinje_with_a_date_is_not_called_unadopted(cli, asele: Path) -> None:
    # The guide sets only 'datum': the riktlinje is gällande (status row), yet the
    # Dokumenthantering section said "Riktlinjen är ännu inte antagen."
    title = "Riktlinje för Åsele kommuns brottsförebyggande arbete"
    assert cli("new", "dokument", title, "--type", "riktlinje", "--id", "riktlinje").exit_code == 0
    draft = cli("render", "riktlinje", "--draft").output
    assert "Riktlinjen är ännu inte antagen." in draft
    assert cli("set", "dokument/riktlinje", "datum", "2025-09-02").exit_code == 0
    out = cli("render", "riktlinje", "--draft").output
    assert "| Status | Gällande |" in out, out
    assert "ännu inte antagen" not in out, out


def test_agreement_without_parties_has_no_empty_parentheses(cli, asele: Path) -> None:
    # A medborgarlöfte made with bfa new has no parter: the riktlinje listed it as "… ()".
    title = "Medborgarlöfte Åsele 2026"
    args = ("new", "dokument", title, "--type", "medborgarlöfte", "--id", "ml-2026")
    assert cli(*args).exit_code == 0
    assert cli("set", "dokument/ml-2026", "datum", "2026-03-01").exit_code == 0
    out = cli("render", "riktlinje", "--draft").output
    assert f"- {title}\n" in out, out
    assert "()" not in out
    assert "och Åsele kommun (Åsele kommun, Polismyndigheten)\n" in out


def test_minutes_name_a_meeting_by_its_body_not_its_file_id(cli, asele: Path) -> None:
    # bfa minutes said "Mötet 2026-03-10-styrgrupp: tillkom" (the file's id).

    repo, start = _first_commit(asele)
    assert cli("new", "mote", "styrgrupp", "--date", "2026-03-10").exit_code == 0
    repo.git.add(A=True)
    repo.index.commit("Styrgruppsmöte")
    out = cli("minutes", "--since", start, "--format", "md").output
    assert "Mötet i Styrgrupp för brottsförebyggande arbete 2026-03-10: planerades" in out, out
    assert "2026-03-10-styrgrupp" not in out


def test_overview_counts_the_plan_bfa_check_counts(cli, asele: Path) -> None:
    # The guide's plan has datum and paragraf but no antagen_av: bfa check is satisfied,
    # yet bfa overview said "0 av 1 har en beslutad åtgärdsplan" and "saknas".
    args = ("new", "dokument", "Åtgärdsplan 2026", "--type", "åtgärdsplan", "--id", "atgardsplan")
    assert cli(*args).exit_code == 0
    assert cli("set", "dokument/atgardsplan", "datum", "2026-02-10").exit_code == 0
    check = cli("check", "--today", "2026-11-22").output
    assert "LAG-ATGARDSPLAN" not in check, check
    out = cli("overview", "--today", "2026-11-22").output
    assert "1 av 1 kommun har en beslutad åtgärdsplan" in out, out
    assert "| Åsele kommun | Åtgärdsplan 2026 (2026-02-10) |" in out, out


def test_uppfoljning_does_not_call_an_unknown_year_ongoing(cli, asele: Path) -> None:
    # A body with a cadence but no meeting and no inrättad: bfa check says no held
    # meetings are registered, but the year-end report said "pågår" after the year ended.
    out = cli("render", "uppfoljning", "--year", "2026", "--draft").output
    rows = [line for line in out.splitlines() if line.startswith("| Beredningsgrupp |")]
    assert rows, out
    assert "pågår" not in rows[0], rows
    # and says why it cannot judge, in the words check uses
    assert rows[0].rstrip().endswith("| okänt (inga möten registrerade) |"), rows


def test_minutes_keep_the_braces_of_a_nested_value(cli, asele: Path) -> None:
    # "lägesbilder angavs till strategisk: frekvens: antal: 1, per: år" could not be read.
    repo, start = _first_commit(asele)
    value = "{strategisk: {frekvens: {antal: 1, per: år}}}"
    assert cli("set", "bfa", "lägesbilder", value).exit_code == 0
    repo.git.add(A=True)
    repo.index.commit("Lägesbildens frekvens")
    out = cli("minutes", "--since", start, "--format", "md").output
    # the cadence in words (the models' vocabulary), the nesting still in braces
    assert "strategisk: {frekvens: årligen}" in out, out


def test_kommunstyrelsen_as_styrgrupp_by_role_counts_as_one(cli, make_repo) -> None:
    # A small municipality whose KS is the styrgrupp writes the role into KS's file, as the
    # guide says for a group with a new role; BRA-STYRGRUPP still said there was none.
    ks = """
        namn: Kommunstyrelsen
        typ: nämnd
        ledamöter_i_roll:
          - roll: styrgrupp
            ledamöter: [samordnare, kommundirektor]
            beskrivning: Kommunstyrelsen är styrgrupp för det brottsförebyggande arbetet.
    """
    root = make_repo({"organ/styrgrupp.yaml": None, "organ/kommunstyrelsen.yaml": ks})
    out = cli("validate", root).output
    assert "BRA-STYRGRUPP" not in out, out
    # Without the role KS is only the leading nämnd: the recommendation still applies.
    plain = make_repo({"organ/styrgrupp.yaml": None})
    assert "BRA-STYRGRUPP" in cli("validate", plain).output


def test_kallelse_names_the_origin_of_an_open_item_by_its_date(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The kallelse's "Från mötet" column showed the file id "2025-09-09-beredningsgrupp".
    root = tmp_path / "r"
    assert cli("init", root, "--name", "Dals-Eds kommun").exit_code == 0
    monkeypatch.chdir(root)
    assert cli("new", "mote", "beredningsgrupp", "--date", "2025-09-09").exit_code == 0
    item = "{vad: Ta fram underlag om trygghetsvandring, vem: samordnare, senast: 2025-11-30}"
    first = "2025-09-09-beredningsgrupp"
    assert cli("set", first, "åtgärdspunkter", item, "--append").exit_code == 0
    assert cli("set", first, "status", "hållet").exit_code == 0
    assert cli("new", "mote", "beredningsgrupp", "--date", "2026-03-10").exit_code == 0
    out = cli("render", "kallelse", "beredningsgrupp", "2026-03-10").output
    assert "| 2025-11-30 | 2025-09-09 |" in out, out
    assert first not in out


def test_lagesbild_cadence_hint_is_a_command_that_runs(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The hint said 'bfa new lagesbild "Lägesbild ÅÅÅÅ" --type en strategisk', which bfa new
    # refuses; the article belongs in the sentence, not in the command.
    import json

    root = tmp_path / "r"
    assert cli("init", root, "--name", "Dals-Eds kommun").exit_code == 0
    monkeypatch.chdir(root)
    value = "{strategisk: {frekvens: {antal: 1, per: år}}}"
    assert cli("set", "bfa", "lägesbilder", value).exit_code == 0
    out = json.loads(cli("check", "--today", "2028-01-15", "--format", "json").output)
    hints = [f["hint"] for f in out["findings"] if f["rule"] == "LAGESBILD-FREKVENS"]
    assert hints, out
    assert "--type strategisk, sedan" in hints[0], hints
    result = cli("new", "lagesbild", "Lägesbild 2027", "--type", "strategisk")
    assert result.exit_code == 0, result.output


def test_styrgrupp_hint_names_the_role_way(cli, make_repo) -> None:
    # The hint only said "Lägg till ett organ med 'typ: styrgrupp'" – no word of the role
    # a kommunstyrelse (or another group) can have instead.
    root = make_repo({"organ/styrgrupp.yaml": None})
    out = cli("validate", root).output
    assert "ledamöter_i_roll: [{roll: styrgrupp, ledamöter: [...]}]" in out, out


def test_protokoll_of_a_planned_meeting_is_refused_not_invented(
    cli, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A planned meeting's file lists the called members under närvarande; its protokoll
    # said they were all present at a meeting that had not taken place.
    root = tmp_path / "r"
    assert cli("init", root, "--name", "Kristianstads kommun").exit_code == 0
    monkeypatch.chdir(root)
    assert cli("new", "mote", "styrgrupp", "--date", "2026-12-08").exit_code == 0
    result = cli("render", "protokoll", "styrgrupp", "2026-12-08")
    assert result.exit_code == 2, result.output
    assert "är planerat, inte hållet" in result.output, result.output
    assert "bfa set 2026-12-08-styrgrupp status hållet" in result.output
    assert "Närvarande" not in result.output
    assert cli("render", "kallelse", "styrgrupp", "2026-12-08").exit_code == 0
    assert cli("set", "2026-12-08-styrgrupp", "status", "hållet").exit_code == 0
    held = cli("render", "protokoll", "styrgrupp", "2026-12-08")
    assert held.exit_code == 0, held.output
    assert "**Närvarande:**" in held.output


def test_forslag_counts_one_change_in_the_singular(cli, asele: Path) -> None:
    # "Förslaget ändrar 1 uppgifter i organisationen …"
    _first_commit(asele)
    assert cli("set", "organ/styrgrupp", "möten.antal", "4").exit_code == 0
    assert cli("set", "bfa", "förslag", "{ärende: Tätare styrgruppsmöten}").exit_code == 0
    out = cli("render", "forslag", "--base", "HEAD").output
    assert "Förslaget ändrar 1 uppgift i organisationen" in out, out


def _meeting_file(root: Path, body: str) -> Path:
    path = root / "moten" / "2026" / "2026-12-09-styrgrupp.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"organ: styrgrupp\ndatum: 2026-12-09\nstatus: planerat\n{body}", "utf-8")
    return path


def test_calendar_invitation_for_a_meeting_file_with_an_error_names_the_error(
    cli, make_repo
) -> None:
    # A8: the invitation said the meeting did not exist (and suggested another) when its
    # file existed but had a schema error.
    root = make_repo()
    _meeting_file(root, "närvarnde: [samordnare]\n")
    result = cli("calendar", root, "--meeting", "2026-12-09-styrgrupp")
    assert result.exit_code == 1, result.output
    assert "moten/2026/2026-12-09-styrgrupp.yaml:4:1" in result.output, result.output
    assert "Det finns inget möte" not in result.output


def test_calendar_does_not_silently_drop_a_broken_meeting(cli, make_repo) -> None:
    # A33: bfa calendar left out a meeting whose file had an error, with exit code 0.
    root = make_repo()
    _meeting_file(root, "tid: 13.00–15.00\nplats: [Rum 1\n")
    result = cli("calendar", root, "--today", "2026-11-22")
    assert result.exit_code == 1, result.output
    assert "2026-12-09-styrgrupp.yaml" in result.output
    assert "ingen kalender skrivs" in result.output
    assert "BEGIN:VCALENDAR" not in result.output


@pytest.mark.parametrize("tid", ["13.00", "13:00", "kl. 13.00"])
def test_a_start_time_alone_is_a_timed_event(cli, make_repo, tid: str) -> None:
    # A34: a tid with only the start became an all-day event.
    root = make_repo()
    _meeting_file(root, f'tid: "{tid}"\n')
    result = cli("calendar", root, "--meeting", "styrgrupp 2026-12-09")
    assert result.exit_code == 0, result.output
    assert "DTSTART;TZID=Europe/Stockholm:20261209T130000" in result.output, result.output
    assert "DTEND;TZID=Europe/Stockholm:20261209T140000" in result.output
    kallelse = cli("render", "kallelse", "styrgrupp", "2026-12-09", root).output
    assert "| Tid | 13.00 |" in kallelse, kallelse


@pytest.mark.parametrize("tid", ["25:99", "kl 13", "15.00–13.00", "efter lunch"])
def test_a_time_that_is_no_clock_time_is_a_schema_error(cli, make_repo, tid: str) -> None:
    # A34: "25:99" and "kl 13" were accepted by validate.
    root = make_repo()
    _meeting_file(root, f'tid: "{tid}"\n')
    out = cli("validate", root).output
    assert "'tid' ska" in out and "[SCHEMA]" in out, out
