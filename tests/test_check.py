"""bfa check: deadlines, cadences and follow-up, with fixed dates."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from brottsforeb import check, load_repo
from brottsforeb.rules import RULES

from .conftest import EXAMPLES, MINIMAL

D = dt.date.fromisoformat


def _check(root: Path, today: str, horizon: int = 90):  # type: ignore[no-untyped-def]
    return check(load_repo(root), D(today), horizon)


def _rules(root: Path, today: str, horizon: int = 90) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for f in _check(root, today, horizon):
        out.setdefault(f.rule, []).append(f.message)
    return out


def meeting(date: str, organ: str, extra: str = "", status: str = "hållet") -> dict[str, str]:
    """A meeting file; held meetings record a decision unless ``extra`` says more."""
    body = extra or ("beslut: [Mötet hölls.]\n" if status == "hållet" else "")
    return {
        f"moten/{date[:4]}/{date}-{organ}.yaml": f"organ: {organ}\ndatum: {date}\n"
        f"status: {status}\n{body}"
    }


# --- the acceptance cases of the issue ---------------------------------------------------


def test_torsby_riktlinje_overdue_in_2030(cli) -> None:
    result = cli("check", EXAMPLES / "torsby", "--today", "2030-01-01")
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "2028-09-02" in x)
    assert "Riktlinje för Torsby" in line
    doc = json.loads(
        cli("check", EXAMPLES / "torsby", "--today", "2030-01-01", "-f", "json").stdout
    )
    rev = [
        f
        for f in doc["findings"]
        if f["rule"] == "DOK-REVISION" and f["file"] == "dokument/riktlinje.yaml"
    ]
    assert rev[0]["due"] == "2028-09-02"
    assert "revisionen är försenad sedan 2028-09-02" in rev[0]["message"]
    assert rev[0]["severity"] == "fel"


def test_lindesberg_aktualitetsprovning(cli) -> None:
    result = cli("check", EXAMPLES / "lindesberg", "--today", "2027-06-01", "-f", "json")
    doc = json.loads(result.stdout)
    f = next(f for f in doc["findings"] if f["file"] == "dokument/struktur.yaml")
    assert f["due"] == "2027-04-30"
    assert "aktualitetsprövningen" in f["message"]
    assert result.exit_code == 1


def test_lindesberg_aktualitetsprovning_warned_ahead(cli) -> None:
    doc = json.loads(
        cli("check", EXAMPLES / "lindesberg", "--today", "2027-03-01", "-f", "json").stdout
    )
    f = next(f for f in doc["findings"] if f["file"] == "dokument/struktur.yaml")
    assert f["severity"] == "varning" and "om 60 dagar" in f["message"]


def test_today_must_be_a_real_date(cli) -> None:
    result = cli("check", EXAMPLES / "torsby", "--today", "2026-02-30")
    assert result.exit_code == 2
    assert "giltigt datum" in result.stderr


def test_findings_sorted_by_due_date() -> None:
    dues = [f.due for f in _check(EXAMPLES / "torsby", "2030-01-01") if f.due]
    assert dues == sorted(dues)


def test_strict_fails_on_warnings_only(cli, make_repo) -> None:
    quiet_bodies = {
        f"organ/{o}.yaml": f"namn: {o.title()}\ntyp: {t}\nuppdrag: u\nmandat: m\n"
        f"sammankallande: samordnare\nledamöter: [samordnare]\n"
        for o, t in (("styrgrupp", "styrgrupp"), ("beredningsgrupp", "beredningsgrupp"))
    }
    root = make_repo(
        {
            **quiet_bodies,
            **meeting(
                "2026-06-01", "kommunstyrelsen", "ärenden:\n  - rubrik: U\n    typ: uppföljning\n"
            ),
            **meeting(
                "2026-06-02",
                "kommunfullmaktige",
                "ärenden:\n  - rubrik: R\n    typ: rapportering\n",
            ),
            "atgarder/belysning.yaml": MINIMAL["atgarder/belysning.yaml"].replace(
                "slut: 2025-12-31", "slut: 2027-12-31"
            ),
            "indikatorer/klotter.yaml": MINIMAL["indikatorer/klotter.yaml"].replace(
                "år: 2024", "år: 2026"
            ),
        }
    )
    # the plan's revision (2027-01-15) and the agreement's end (2026-12-31) are near: warnings
    found = check(load_repo(root), D("2026-12-16"))
    assert {f.severity.value for f in found} == {"varning"}, found
    assert cli("check", root, "--today", "2026-12-16").exit_code == 0
    assert cli("check", root, "--today", "2026-12-16", "--strict").exit_code == 1
    assert cli("check", root, "--today", "2026-12-16", "--horizon", "10").exit_code == 0
    assert cli("check", root, "--today", "2027-01-16").exit_code == 1


def test_github_format(cli) -> None:
    result = cli("check", EXAMPLES / "torsby", "--today", "2030-01-01", "-f", "github")
    assert (
        "::error file=dokument/riktlinje.yaml,line=10,col=3,title=DOK-REVISION::" in result.stdout
    )


# --- every time-dependent rule fires, and does not ---------------------------------------

PLAN_DECIDED = MINIMAL["dokument/atgardsplan.yaml"]
UNDECIDED = "typ: åtgärdsplan\ntitel: Åtgärdsplan\n"
BASE_MEETINGS = {
    **meeting("2025-03-01", "kommunstyrelsen", "ärenden:\n  - rubrik: U\n    typ: uppföljning\n"),
    **meeting(
        "2025-04-01", "kommunfullmaktige", "ärenden:\n  - rubrik: R\n    typ: rapportering\n"
    ),
}

CHECK_CASES: dict[str, tuple[dict[str, str | None], str, str, str]] = {
    # rule: (changes, today when it fires, today when it does not, words in message)
    "DOK-REVISION": ({}, "2027-02-01", "2026-06-01", "revisionen är försenad sedan 2027-01-15"),
    "DOK-GILTIGHET": ({}, "2027-01-02", "2026-06-01", "giltighetstiden gick ut 2026-12-31"),
    "LAG-ATGARDSPLAN": (
        {"dokument/atgardsplan.yaml": UNDECIDED},
        "2025-01-01",
        "2025-06-01",
        "inte beslutad",
    ),
    "BRA-DOK-AKTUALITET": (
        {
            "dokument/riktlinje.yaml": "typ: riktlinje\ntitel: Riktlinje\n"
            "antagen_av: kommunstyrelsen\ndatum: 2020-03\n"
        },
        "2024-04-02",
        "2024-03-15",  # a date known to the month counts from its last day
        "'Riktlinje' antogs 2020-03, har ingen revidering angiven",
    ),
    "ORGAN-LIVSCYKEL": (
        {
            "organ/est.yaml": "namn: EST-gruppen\ntyp: arbetsgrupp\nuppdrag: Prövar EST.\n"
            "tillsätts_av: beredningsgrupp\nstatus: försök\n"
            "försök: {start: 2025-01-01, slut: 2025-06-30}\n"
        },
        "2025-07-10",
        "2025-03-01",
        "Försöket med EST-gruppen slutade 2025-06-30",
    ),
    "LAGESBILD-FREKVENS": (
        {
            "bfa.yaml": MINIMAL["bfa.yaml"]
            + """
        lägesbilder:
          operativ:
            frekvens: {antal: 3, per: år}
    """
        },
        "2025-03-01",
        "2025-03-01",
        "Det finns ingen operativ lägesbild",
    ),
    "UPPFOLJNING-NAMND": (
        BASE_MEETINGS,
        "2027-01-05",
        "2026-01-01",
        "Kommunstyrelsen: 0 av 1 sammanträde med uppföljning år 2026 finns registrerat",
    ),
    "RAPPORTERING-KF": (
        BASE_MEETINGS,
        "2027-01-05",
        "2026-01-01",
        "Kommunfullmäktige: 0 av 1 sammanträde med rapportering år 2026 finns registrerat",
    ),
    "MOTE-EJ-HALLET": (
        meeting("2026-03-01", "styrgrupp", status="planerat"),
        "2026-03-02",
        "2026-02-01",
        "Mötet 2026-03-01 är planerat men inte registrerat som hållet",
    ),
    "MOTEN-FREKVENS": (
        {
            **meeting("2025-03-01", "styrgrupp"),
            **meeting("2025-09-01", "styrgrupp"),
            **meeting("2026-03-01", "styrgrupp"),
        },
        "2027-01-10",
        "2026-06-01",
        "Styrgrupp höll 1 av 2 möten år 2026",
    ),
    "ATGARDSPUNKT-FORSENAD": (
        meeting(
            "2025-03-01",
            "styrgrupp",
            """åtgärdspunkter:
  - vad: Boka lokal
    vem: samordnare
    senast: 2025-04-01
""",
        ),
        "2025-04-02",
        "2025-01-01",
        "'Boka lokal' från Styrgrupp 2025-03-01 är försenad",
    ),
    "ATGARD-FORSENAD": ({}, "2026-01-01", "2025-09-01", "är försenad sedan 2025-12-31"),
    "INDIKATOR-INAKTUELL": ({}, "2026-01-01", "2025-09-01", "inget värde nyare än 2024"),
}
#: Where the quiet case needs other files than the firing one.
QUIET_CHANGES: dict[str, dict[str, str | None]] = {
    "LAG-ATGARDSPLAN": {"dokument/atgardsplan.yaml": PLAN_DECIDED},
    "MOTEN-FREKVENS": {"organ/beredningsgrupp.yaml": "namn: B\ntyp: beredningsgrupp\n"},
}
CHECK_RULES = sorted(r.id for r in RULES if r.command == "check")


def test_every_check_rule_has_a_case() -> None:
    assert set(CHECK_CASES) == set(CHECK_RULES)


@pytest.mark.parametrize("rule_id", CHECK_RULES)
def test_check_rule_fires_and_not(make_repo, rule_id: str) -> None:
    changes, fires, quiet, words = CHECK_CASES[rule_id]
    root = make_repo(changes)
    fired = _rules(root, fires, horizon=0).get(rule_id, [])
    assert any(words in m for m in fired), fired
    if rule_id == "LAGESBILD-FREKVENS":
        root = make_repo(
            {
                **changes,
                "bfa.yaml": MINIMAL["bfa.yaml"]
                + """
        lägesbilder:
          strategisk:
            frekvens: {antal: 1, per: år}
        """,
            }
        )  # MINIMAL's lägesbild (2025-01-10) is strategic and current
    if rule_id in QUIET_CHANGES:
        root = make_repo({**changes, **QUIET_CHANGES[rule_id]})
    assert rule_id not in _rules(root, quiet, horizon=0), _rules(root, quiet, horizon=0)


def test_action_plan_missing_before_and_after_the_law(make_repo) -> None:
    root = make_repo({"dokument/atgardsplan.yaml": None, "atgarder/belysning.yaml": None})
    before = [f for f in _check(root, "2024-05-01") if f.rule == "LAG-ATGARDSPLAN"]
    assert before[0].severity.value == "varning"
    after = [f for f in _check(root, "2024-07-02") if f.rule == "LAG-ATGARDSPLAN"]
    assert after[0].severity.value == "fel" and "2024-07-01" in after[0].message


def test_done_action_items_and_measures_are_quiet(make_repo) -> None:
    root = make_repo(
        {
            **meeting(
                "2025-03-01",
                "styrgrupp",
                "åtgärdspunkter:\n  - vad: X\n    senast: 2025-04-01\n    klar: true\n",
            ),
            "atgarder/belysning.yaml": MINIMAL["atgarder/belysning.yaml"].replace(
                "status: pågående", "status: genomförd"
            ),
        }
    )
    rules = _rules(root, "2026-01-01")
    assert "ATGARDSPUNKT-FORSENAD" not in rules and "ATGARD-FORSENAD" not in rules


# --- cadence over several years ------------------------------------------------------------


def test_cadence_over_years_names_missed_periods(make_repo) -> None:
    meetings: dict[str, str] = {}
    # styrgrupp (2 per år): 2022 complete, 2023 one, 2024 none, 2025 complete
    for d in ("2022-03-01", "2022-10-01", "2023-04-01", "2025-03-01", "2025-10-01"):
        meetings.update(meeting(d, "styrgrupp"))
    # beredningsgrupp (4 per år) from 2023-01-01: one quarter missed each year
    for d in ("2023-02-01", "2023-05-01", "2023-08-01", "2024-02-01", "2024-05-01", "2024-11-01"):
        meetings.update(meeting(d, "beredningsgrupp"))
    beredning = MINIMAL["organ/beredningsgrupp.yaml"].rstrip(" ") + "        inrättad: 2023-01-01\n"
    root = make_repo({**meetings, "organ/beredningsgrupp.yaml": beredning})
    msgs = _rules(root, "2026-01-15")["MOTEN-FREKVENS"]
    assert "Styrgrupp höll 1 av 2 möten år 2023." in msgs
    assert "Styrgrupp höll inga möten år 2024." in msgs
    assert not any("2022" in m or "2025" in m for m in msgs if m.startswith("Styrgrupp"))
    # 4 per år: each year has 3 of 4
    assert "Beredningsgrupp höll 3 av 4 möten år 2023." in msgs
    assert "Beredningsgrupp höll 3 av 4 möten år 2024." in msgs
    assert "Beredningsgrupp höll inga möten år 2025." in msgs


def test_weekly_group_missed_weeks_are_joined(make_repo) -> None:
    start = dt.date(2025, 1, 6)  # a Monday, week 2
    meetings: dict[str, str] = {}
    for week in range(0, 60):
        day = start + dt.timedelta(weeks=week, days=1)  # Tuesdays
        if 26 <= week <= 31 or week == 40:  # summer break of six weeks, one missed week
            continue
        meetings.update(meeting(day.isoformat(), "est"))
    est = """
        namn: EST
        typ: arbetsgrupp
        uppdrag: Operativ samverkan.
        tillsätts_av: beredningsgrupp
        sammankallande: samordnare
        ledamöter: [kommunpolis, samordnare]
        inrättad: 2025-01-06
        möten: {antal: 1, per: vecka, längd_minuter: 30, form: digitalt}
    """
    root = make_repo({**meetings, "organ/est.yaml": est})
    msgs = [m for m in _rules(root, "2026-02-25", horizon=0)["MOTEN-FREKVENS"] if "EST" in m]
    assert "EST höll inga möten vecka 28 2025 – vecka 33 2025 (6 veckor i följd)." in msgs
    assert "EST höll inga möten vecka 42 2025." in msgs
    assert len(msgs) == 2, msgs


def test_cadence_without_records_is_a_warning(make_repo) -> None:
    root = make_repo()
    found = [f for f in _check(root, "2026-01-01") if f.rule == "MOTEN-FREKVENS"]
    assert {f.severity.value for f in found} == {"varning"}
    assert any("inga hållna möten finns registrerade" in f.message for f in found)


def test_temporary_group_not_checked_after_its_end(make_repo) -> None:
    group = (
        MINIMAL["organ/arbetsgrupp.yaml"]
        + """
        tidsbegränsad: {start: 2025-01-01, slut: 2025-03-31}
        möten: {antal: 1, per: månad}
    """
    )
    root = make_repo(
        {
            "organ/arbetsgrupp.yaml": group,
            **meeting("2025-01-15", "arbetsgrupp"),
            **meeting("2025-03-15", "arbetsgrupp"),
        }
    )
    msgs = [m for m in _rules(root, "2026-01-01")["MOTEN-FREKVENS"] if "Arbetsgrupp" in m]
    assert msgs == ["Arbetsgrupp höll inga möten februari 2025."]
