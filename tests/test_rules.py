"""Every rule of the catalog: one case where it fires, and MINIMAL where none does."""

from __future__ import annotations

import re

import pytest

from brottsforeb import load_repo, validate
from brottsforeb.rules import BY_ID, CHECKS, RULES

from .conftest import MINIMAL

STYRGRUPP = MINIMAL["organ/styrgrupp.yaml"]
LB = MINIMAL["lagesbilder/lb.yaml"]
BELYSNING = MINIMAL["atgarder/belysning.yaml"]
AVTAL = MINIMAL["dokument/overenskommelse.yaml"]


def _drop(text: str, *keys: str) -> str:
    """Remove top-level ``keys`` (and their indented continuation) from YAML text."""
    out, skipping = [], False
    for line in text.strip("\n").splitlines():
        bare = line.strip()
        indent = len(line) - len(line.lstrip())
        top = indent == len(STYRGRUPP.splitlines()[1]) - len(STYRGRUPP.splitlines()[1].lstrip())
        if top and any(bare.startswith(f"{k}:") for k in keys):
            skipping = True
            continue
        if skipping and not top:
            continue
        skipping = False
        out.append(line)
    return "\n".join(out) + "\n"


#: rule id → changes to MINIMAL that make exactly that rule fire (at least).
#: A collaboration's repository (in a subfolder, for the test) and a member referring to it.
SHARED = {
    "delad/bfa.yaml": "slag: samverkan\nnamn: Samverkan Norr\nmedlemmar:\n  - namn: Annan kommun\n",
    "delad/organ/grupp.yaml": "namn: Gemensam grupp\ntyp: samverkansgrupp\n",
}
MEMBER = (
    MINIMAL["bfa.yaml"]
    + """
        ingår_i_samverkan:
          - id: norr
            sökväg: delad
            delar: [organ/grupp]
    """
)

FIRING: dict[str, dict[str, str | None]] = {
    "REF-SAKNAS": {
        "organ/styrgrupp.yaml": STYRGRUPP.replace(
            "ordförande: kommundirektor", "ordförande: kommundirektr"
        )
    },
    "REF-DEL-SAKNAS": {"atgarder/belysning.yaml": BELYSNING.replace("lb/klotter", "lb/graffiti")},
    "ID-DUBBLETT": {
        "lagesbilder/lb.yaml": LB.replace(
            "            problem: [klotter]\n",
            "            problem: [klotter]\n"
            "          - id: morkt\n"
            "            beskrivning: Igen.\n",
        )
    },
    "MOTE-FILNAMN-INNEHALL": {
        "moten/2025/2025-03-01-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-03-02\n"
    },
    "MALL-EJ-IFYLLD": {
        "organ/styrgrupp.yaml": STYRGRUPP.replace(
            "uppdrag: Förankrar och ger mandat.", 'uppdrag: "FYLL I: vad gruppen ska göra"'
        )
    },
    "UNDANTAG-REGEL": {
        "bfa.yaml": MINIMAL["bfa.yaml"]
        + """
        undantag:
          - regel: LAG-LEDNING
            motivering: Vi vill inte.
    """
    },
    "LAG-LEDNING": {
        "bfa.yaml": MINIMAL["bfa.yaml"].replace(
            "        ledning:\n          organ: kommunstyrelsen\n", ""
        )
    },
    "LAG-RAPPORTERING": {
        "bfa.yaml": MINIMAL["bfa.yaml"].replace(
            "        rapportering:\n          till: kommunfullmaktige\n"
            "          frekvens: {antal: 1, per: år}\n",
            "",
        )
    },
    "LAG-SAMORDNING": {
        "bfa.yaml": MINIMAL["bfa.yaml"].replace("        samordningsfunktion: samordnare\n", "")
    },
    "LAG-LAGESBILD": {
        "lagesbilder/lb.yaml": None,
        "atgarder/belysning.yaml": None,
        "dokument/overenskommelse.yaml": None,
        "dokument/mlofte.yaml": "typ: medborgarlöfte\ntitel: M\n"
        "medborgardialog: Möten.\ngrundas_på: []\n",
    },
    "LAG-KARTLAGGNING": {
        "lagesbilder/lb.yaml": _drop(LB, "kartläggning"),
        "atgarder/belysning.yaml": None,
        "dokument/overenskommelse.yaml": None,
        "dokument/mlofte.yaml": "typ: medborgarlöfte\ntitel: M\n",
    },
    "LAG-OMFATTNING": {"lagesbilder/lb.yaml": LB.replace("            omfattning: Mycket.\n", "")},
    "LAG-ANNAN-INFORMATION": {"lagesbilder/lb.yaml": _drop(LB, "annan_information")},
    "LAG-ANALYS": {"lagesbilder/lb.yaml": _drop(LB, "analys")},
    "LAGESBILD-OMRADE": {"lagesbilder/lb.yaml": LB.replace("Hela kommunen", "Testby centralort")},
    "BRA-SAMVERKAN": {"dokument/overenskommelse.yaml": None},
    "LAG-LEDNING-NAMND": {
        "bfa.yaml": MINIMAL["bfa.yaml"].replace(
            "ledning:\n          organ: kommunstyrelsen", "ledning:\n          organ: styrgrupp"
        )
    },
    "LAG-ATGARDSPLAN-LAGESBILD": {
        "dokument/atgardsplan.yaml": MINIMAL["dokument/atgardsplan.yaml"].replace(
            "        grundas_på: [lb]\n", ""
        )
    },
    "REF-CYKEL": {
        "organ/styrgrupp.yaml": STYRGRUPP.rstrip() + "\n        rapporterar_till: styrgrupp\n"
    },
    "INDIKATOR-DUBBLETT": {
        "indikatorer/klotter.yaml": MINIMAL["indikatorer/klotter.yaml"].rstrip()
        + "\n          - {år: 2024, värde: 41}\n"
    },
    "INDIKATOR-ANDEL": {
        "indikatorer/klotter.yaml": MINIMAL["indikatorer/klotter.yaml"]
        .replace("enhet: antal", "enhet: procent")
        .replace("värde: 40", "värde: 140")
    },
    "MOTE-HALLET-TOMT": {
        "moten/2025/2025-03-01-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-03-01\n"
        "status: hållet\n"
    },
    "BRA-STYRGRUPP": {"organ/styrgrupp.yaml": STYRGRUPP.replace("typ: styrgrupp", "typ: råd")},
    "BRA-BEREDNINGSGRUPP": {
        "organ/beredningsgrupp.yaml": MINIMAL["organ/beredningsgrupp.yaml"].replace(
            "typ: beredningsgrupp", "typ: råd"
        )
    },
    "BRA-ARBETSGRUPP-TILLSATT": {
        "organ/arbetsgrupp.yaml": _drop(MINIMAL["organ/arbetsgrupp.yaml"], "tillsätts_av")
    },
    "BRA-UPPDRAG": {"organ/styrgrupp.yaml": _drop(STYRGRUPP, "uppdrag")},
    "BRA-MANDAT": {"organ/styrgrupp.yaml": _drop(STYRGRUPP, "mandat")},
    "BRA-SAMMANKALLANDE": {"organ/styrgrupp.yaml": _drop(STYRGRUPP, "sammankallande")},
    "BRA-ERSATTARE": {"funktioner/samordnare.yaml": "titel: Samordnare\n"},
    "BRA-ATGARD-PROBLEM": {"atgarder/belysning.yaml": _drop(BELYSNING, "problem")},
    "BRA-ATGARD-ORSAK": {"atgarder/belysning.yaml": _drop(BELYSNING, "orsaker")},
    "BRA-ATGARD-ANSVARIG": {"atgarder/belysning.yaml": _drop(BELYSNING, "ansvarig")},
    "BRA-ATGARD-TIDSRAM": {"atgarder/belysning.yaml": _drop(BELYSNING, "slut")},
    "BRA-ATGARD-INDIKATOR": {"atgarder/belysning.yaml": _drop(BELYSNING, "indikatorer")},
    "BRA-SAMVERKAN-INNEHALL": {"dokument/overenskommelse.yaml": _drop(AVTAL, "uppföljning")},
    "BRA-MEDBORGARLOFTE": {"dokument/mlofte.yaml": "typ: medborgarlöfte\ntitel: Löften\n"},
    "SAMVERKAN-FORRAD": {
        "bfa.yaml": MINIMAL["bfa.yaml"]
        + """
        ingår_i_samverkan:
          - id: norr
            sökväg: ../finns-inte
    """
    },
    "SAMVERKAN-DEL": {**SHARED, "bfa.yaml": MEMBER.replace("organ/grupp", "organ/gupp")},
    "SAMVERKAN-MEDLEM": {**SHARED, "bfa.yaml": MEMBER},
    "REF-INAKTUELL": {
        "dokument/atgardsplan.yaml": MINIMAL["dokument/atgardsplan.yaml"].replace(
            "revideras:", "status: upphävt\n        revideras:"
        )
    },
    "BRA-VAKANT": {
        "funktioner/kommundirektor.yaml": "titel: Kommundirektör\nersättare: samordnare\n"
        "vakant: true\n"
    },
    # the samordningsfunktion vacant, its substitute a police officer: the law's duty
    "LAG-SAMORDNING-VAKANT": {
        "funktioner/samordnare.yaml": MINIMAL["funktioner/samordnare.yaml"].replace(
            "ersättare: kommunpolis", "ersättare: kommunpolis\n        vakant: true"
        )
    },
    "LAG-RAPPORTERING-FULLMAKTIGE": {
        "bfa.yaml": MINIMAL["bfa.yaml"].replace("till: kommunfullmaktige", "till: kommunstyrelsen")
    },
}

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")
VALIDATE_RULES = sorted(r.id for r in RULES if r.command == "validate")


def test_minimal_repository_has_no_findings(make_repo) -> None:
    assert validate(load_repo(make_repo())) == []


def test_every_rule_has_a_function_and_a_test() -> None:
    # every row has its function (load-time rows: the loader, see test_catalog.py)
    assert set(CHECKS) == {r.id for r in RULES if r.command != "load"}
    assert set(FIRING) == set(VALIDATE_RULES)


def test_catalog_rows_are_complete() -> None:
    for r in RULES:
        assert r.message and r.hint and r.title, r.id
        if r.source == "Lag (2023:196)":
            assert r.severity.value == "fel", r.id
        if r.source == "Brå":
            assert r.severity.value == "varning", r.id


@pytest.mark.parametrize("rule_id", VALIDATE_RULES)
def test_rule_fires(make_repo, rule_id: str) -> None:
    root = make_repo(FIRING[rule_id])
    findings = [f for f in validate(load_repo(root)) if f.rule == rule_id]
    assert findings, rule_id
    f = findings[0]
    assert f.severity is BY_ID[rule_id].severity
    assert f.file and f.line >= 1 and f.column >= 1, f
    assert not PLACEHOLDER.search(f.message + f.hint), f  # every template argument filled


def test_exception_downgrades_a_recommendation(make_repo) -> None:
    changes = dict(FIRING["BRA-MANDAT"])
    changes["bfa.yaml"] = (
        MINIMAL["bfa.yaml"]
        + """
        undantag:
          - regel: BRA-MANDAT
            motivering: Styrgruppens mandat framgår av reglementet.
    """
    )
    found = [f for f in validate(load_repo(make_repo(changes))) if f.rule == "BRA-MANDAT"]
    assert found[0].severity.value == "info"
    assert "reglementet" in found[0].message


def test_position_points_at_the_offending_value(make_repo) -> None:
    root = make_repo(FIRING["REF-SAKNAS"])
    f = next(f for f in validate(load_repo(root)) if f.rule == "REF-SAKNAS")
    assert (f.file, f.line, f.column) == ("organ/styrgrupp.yaml", 5, 13)
    assert "Menade du 'kommundirektor'?" in f.hint
