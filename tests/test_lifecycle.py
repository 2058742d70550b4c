"""Lifecycle of bodies, documents and functions; partial dates; roles; termin (#14: 1, 5, 6)."""

from __future__ import annotations

import copy
import datetime as dt
import pickle
from pathlib import Path

import pytest

from brottsforeb import load_repo, validate
from brottsforeb.model import Dokument
from brottsforeb.model._base import PartialDate, date_text, last_day
from brottsforeb.rules import check

from .conftest import EXAMPLES, MINIMAL

D = dt.date.fromisoformat
STYRGRUPP = MINIMAL["organ/styrgrupp.yaml"]
AVTAL = MINIMAL["dokument/overenskommelse.yaml"]
PLAN = MINIMAL["dokument/atgardsplan.yaml"]


def _found(root: Path, rule: str | None = None) -> list[str]:
    return [
        f"{f.rule} {f.file}:{f.line}:{f.column} {f.message}"
        for f in validate(load_repo(root))
        if rule is None or f.rule == rule
    ]


def _checked(root: Path, today: str, rule: str) -> list[str]:
    return [f.message for f in check(load_repo(root), D(today), 0) if f.rule == rule]


def _with(text: str, after: str, extra: str) -> str:
    """``text`` with ``extra`` lines (8-space indented, as in MINIMAL) after the line ``after``."""
    lines = "".join(f"\n        {x}" for x in extra.strip("\n").splitlines())
    assert after in text
    return text.replace(after, after + lines, 1)


# --- documents: effective status ----------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "status"),
    [
        ({}, "utkast"),
        ({"antagen_av": "ks"}, "gällande"),  # adopted, date unknown: not a draft
        ({"datum": 1997}, "gällande"),
        ({"antagen_av": "ks", "datum": "2012-08", "status": "inaktuellt"}, "inaktuellt"),
        ({"status": "ersatt", "ersatt_av": "ny"}, "ersatt"),
        ({"status": "ersatt"}, "ersatt"),  # replaced by something outside the repository
        ({"antagen_av": "ks", "ersatt_av": "ny"}, "ersatt"),
    ],
)
def test_effective_status(data: dict[str, object], status: str) -> None:
    d = Dokument.model_validate({"typ": "riktlinje", "titel": "R", **data})
    assert d.effective_status == status
    assert d.in_force is (status == "gällande")
    assert d.out_of_date is (status in ("inaktuellt", "ersatt"))


def test_agreement_with_unknown_date_renders_without_the_draft_label(cli, make_repo) -> None:
    root = make_repo(
        {
            "dokument/overenskommelse.yaml": _with(
                AVTAL, "titel: Samverkansöverenskommelse", "antagen_av: kommunstyrelsen"
            ),
            "dokument/riktlinje.yaml": "typ: riktlinje\ntitel: Riktlinje\n"
            "antagen_av: kommunstyrelsen\n",
        }
    )
    r = cli("render", "riktlinje", root)
    assert r.exit_code == 0, r.output
    assert "Utkast" not in r.stdout


@pytest.mark.parametrize(
    ("yaml_text", "words"),
    [
        (
            "status: gällande\nersatt_av: atgardsplan\n",
            "Ett dokument med status gällande kan inte vara ersatt",
        ),
        ("status: upphävd\n", "Menade du 'upphävt'?"),
        ("datum: 2012-13\n", "Månaden 13 finns inte ('datum')"),
    ],
)
def test_bad_document_lifecycle_is_a_swedish_finding(make_repo, yaml_text: str, words: str) -> None:
    root = make_repo({"dokument/r.yaml": "typ: riktlinje\ntitel: R\n" + yaml_text})
    findings = [f for f in validate(load_repo(root)) if f.file == "dokument/r.yaml"]
    assert findings and findings[0].severity.value == "fel"
    assert any(words in f.message + " " + f.hint for f in findings), findings
    assert findings[0].line >= 3  # at the offending key, not the top of the file


# --- partial dates ---------------------------------------------------------------------------


def test_partial_date_shows_as_written_and_computes_as_its_first_day() -> None:
    year, month = PartialDate(1997), PartialDate(2012, 8)
    assert (str(year), month.isoformat(), date_text(month), date_text(None)) == (
        "1997",
        "2012-08",
        "2012-08",
        "",
    )
    assert year < D("1997-01-02") and month > D("2012-07-31")
    assert (last_day(year), last_day(month), last_day(D("2020-02-03"))) == (
        D("1997-12-31"),
        D("2012-08-31"),
        D("2020-02-03"),
    )
    assert type(year + dt.timedelta(days=1)) is dt.date  # arithmetic gives a real date
    for copied in (pickle.loads(pickle.dumps(month)), copy.deepcopy(month)):
        assert copied.isoformat() == "2012-08" and copied.precision == "månad"


def test_partial_dates_in_files_are_kept_and_rendered_as_such(cli, make_repo) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": _with(STYRGRUPP, "typ: styrgrupp", "inrättad: 1997"),
            "dokument/riktlinje.yaml": "typ: riktlinje\ntitel: Riktlinje\n"
            "antagen_av: kommunstyrelsen\ndatum: 2012-08\n",
        }
    )
    repo = load_repo(root)
    assert _found(root, "SCHEMA") == []
    assert repo.organ["styrgrupp"].established.isoformat() == "1997"
    r = cli("render", "riktlinje", root)
    assert r.exit_code == 0, r.output
    assert "2012-08" in r.stdout and "2012-08-01" not in r.stdout
    assert "1997-01-01" not in r.stdout


# --- bodies ----------------------------------------------------------------------------------


def test_a_proposed_steering_group_is_no_steering_group_yet(make_repo) -> None:
    root = make_repo(
        {"organ/styrgrupp.yaml": _with(STYRGRUPP, "typ: styrgrupp", "status: föreslaget")}
    )
    assert _found(root, "BRA-STYRGRUPP")
    # ... and it is not expected to meet
    assert not _checked(root, "2027-06-01", "MOTEN-FREKVENS") or all(
        "Styrgrupp" not in m for m in _checked(root, "2027-06-01", "MOTEN-FREKVENS")
    )


def test_ledningsgrupp_acting_as_steering_group_with_role_members(make_repo) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": _with(
                STYRGRUPP.replace("typ: styrgrupp", "typ: råd").replace(
                    "namn: Styrgrupp", "namn: Kommundirektörens ledningsgrupp"
                ),
                "ledamöter: [kommundirektor, kommunpolis, samordnare]",
                "ledamöter_i_roll:\n  - roll: styrgrupp\n    ledamöter: [lpo-chef]",
            ).replace(
                "ledamöter: [kommundirektor, kommunpolis, samordnare]",
                "ledamöter: [kommundirektor, samordnare]",
            ),
            "funktioner/lpo-chef.yaml": "titel: Lokalpolisområdeschef\nersättare: kommunpolis\n",
        }
    )
    assert _found(root) == []  # it fills the role of styrgrupp; no BRA-STYRGRUPP
    body = load_repo(root).organ["styrgrupp"]
    assert body.acts_as("styrgrupp") and body.role_members[0].members == ["lpo-chef"]


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        ("ledamöter_i_roll:\n  - roll: styrgrupp\n    ledamöter: [okand]", "REF-SAKNAS"),
        (
            "ledamöter_i_roll:\n  - roll: styrgrupp\n    ledamöter: [kommunpolis]",
            "deltar redan alltid",
        ),
        (
            "ledamöter_i_roll:\n  - roll: styrgrupp\n    ledamöter: []",
            "Ledamöter_i_roll (styrgrupp) har inga ledamöter",
        ),
        ("ersätts_av: beredningsgrupp", "Ersätts_av hör till ett organ som avvecklas"),
        ("status: vilande", "Ogiltigt värde 'vilande' för 'status'"),
    ],
)
def test_bad_body_lifecycle_is_a_finding(make_repo, extra: str, words: str) -> None:
    root = make_repo({"organ/styrgrupp.yaml": _with(STYRGRUPP, "typ: styrgrupp", extra)})
    found = [x for x in _found(root) if "organ/styrgrupp.yaml" in x]
    assert any(words in x for x in found), found
    assert not [x for x in found if "styrgrupp.yaml:1:1" in x], found


def test_wound_down_body_still_referenced_and_its_replacement(make_repo) -> None:
    root = make_repo(
        {
            "organ/beredningsgrupp.yaml": _with(
                MINIMAL["organ/beredningsgrupp.yaml"],
                "typ: beredningsgrupp",
                "status: avvecklat\nersätts_av: styrgrupp\navvecklat_datum: 2025-06",
            ),
        }
    )
    found = _found(root, "REF-INAKTUELL")
    # the arbetsgrupp is still appointed by the wound-down beredningsgrupp
    assert any("organ/arbetsgrupp.yaml:4:" in x and "som är avvecklat" in x for x in found), found
    f = next(f for f in validate(load_repo(root)) if f.rule == "REF-INAKTUELL")
    assert "'styrgrupp'" in f.hint
    assert _found(root, "BRA-BEREDNINGSGRUPP")  # a wound-down body fills no role


def test_replaced_document_referenced_and_the_replacement_chain_is_quiet(make_repo) -> None:
    root = make_repo(
        {
            "dokument/atgardsplan.yaml": _with(
                PLAN, "titel: Åtgärdsplan", "status: ersatt\nersatt_av: plan-2026"
            ),
            "dokument/plan-2026.yaml": "typ: åtgärdsplan\ntitel: Åtgärdsplan 2026\n"
            "antagen_av: kommunstyrelsen\ndatum: 2026-01-20\nrevideras: {intervall_år: 2}\n",
        }
    )
    found = _found(root, "REF-INAKTUELL")
    assert len(found) == 1 and "atgarder/belysning.yaml" in found[0], found
    assert "'Åtgärdsplan', som är ersatt" in found[0]
    # the replaced plan satisfies no duty, the new one does
    assert _checked(root, "2026-03-01", "LAG-ATGARDSPLAN") == []
    assert _checked(root, "2030-01-01", "DOK-REVISION") == [
        "Åtgärdsplan 2026: revisionen är försenad sedan 2028-01-20 (712 dagar)."
    ]


def test_withdrawn_documents_satisfy_no_duty(make_repo) -> None:
    root = make_repo(
        {
            "dokument/overenskommelse.yaml": _with(
                AVTAL, "titel: Samverkansöverenskommelse", "status: upphävt"
            ),
            "dokument/atgardsplan.yaml": _with(PLAN, "titel: Åtgärdsplan", "status: upphävt"),
        }
    )
    assert _found(root, "BRA-SAMVERKAN")
    assert _found(root, "BRA-SAMVERKAN-INNEHALL") == []  # a withdrawn agreement is not judged
    messages = _checked(root, "2026-03-01", "LAG-ATGARDSPLAN")
    assert messages == [
        "Åtgärdsplanen 'Åtgärdsplan' är upphävt, och ingen gällande åtgärdsplan finns."
    ]


def test_adopted_plan_with_unknown_date_is_decided(make_repo) -> None:
    root = make_repo(
        {
            "dokument/atgardsplan.yaml": "typ: åtgärdsplan\ntitel: Plan\n"
            "antagen_av: kommunstyrelsen\n"
        }
    )
    assert _checked(root, "2026-03-01", "LAG-ATGARDSPLAN") == []


def test_body_on_trial_meets_from_its_trial_start_until_its_end(make_repo) -> None:
    est = (
        "namn: EST-gruppen\ntyp: arbetsgrupp\nuppdrag: Prövar EST.\ntillsätts_av: beredningsgrupp\n"
        "sammankallande: samordnare\nledamöter: [samordnare]\nstatus: försök\n"
        "försök: {start: 2026-01-01, slut: 2026-12-31}\nmöten: {antal: 1, per: termin}\n"
    )
    root = make_repo(
        {
            "organ/est.yaml": est,
            "moten/2026/2026-02-10-est.yaml": "organ: est\ndatum: 2026-02-10\nstatus: hållet\n"
            "beslut: [Försöket startade.]\n",
        }
    )
    messages = [m for m in _checked(root, "2027-03-01", "MOTEN-FREKVENS") if "EST" in m]
    assert messages == ["EST-gruppen höll inga möten höstterminen 2026."]
    assert _checked(root, "2027-03-01", "ORGAN-LIVSCYKEL") == [
        "Försöket med EST-gruppen slutade 2026-12-31 (60 dagar)."
    ]


def test_winding_down_body_is_reminded(make_repo) -> None:
    root = make_repo(
        {
            "organ/beredningsgrupp.yaml": _with(
                MINIMAL["organ/beredningsgrupp.yaml"],
                "typ: beredningsgrupp",
                "status: avvecklas\navvecklas_senast: 2026-06-30\nersätts_av: styrgrupp",
            )
        }
    )
    assert _found(root, "BRA-BEREDNINGSGRUPP") == []  # still working until it is wound down
    messages = _checked(root, "2026-07-02", "ORGAN-LIVSCYKEL")
    assert messages == ["Beredningsgrupp skulle vara avvecklat senast 2026-06-30 (2 dagar)."]


# --- functions and lägesbilder -----------------------------------------------------------------


def test_vacant_key_function(make_repo) -> None:
    # a substitute in the municipality covers a vacancy (advice); a police officer cannot
    # hold the municipality's coordination (the law: test_law_truth.py)
    vacant = MINIMAL["funktioner/samordnare.yaml"].replace(
        "ersättare: kommunpolis", "ersättare: kommundirektor\n        vakant: true"
    )
    root = make_repo({"funktioner/samordnare.yaml": vacant})
    (msg,) = _found(root, "BRA-VAKANT")
    assert "'Brottsförebyggande samordnare' är kommunens samordningsfunktion men är vakant" in msg
    assert "Ersättaren (Kommundirektör) täcker upp" in msg
    root = make_repo(
        {
            "funktioner/samordnare.yaml": vacant.replace(
                "vakant: true", "vakant: true\n        innehavare: {namn: A}"
            )
        }
    )
    assert any(
        "en vakant funktion har ingen innehavare" in x.lower() for x in _found(root, "SCHEMA")
    )


def test_a_group_prepares_the_lagesbild(cli, make_repo) -> None:
    lb = MINIMAL["lagesbilder/lb.yaml"]
    root = make_repo(
        {
            "lagesbilder/lb.yaml": _with(
                lb, "område: Hela kommunen", "framtagen_av: [beredningsgrupp]"
            )
        }
    )
    assert _found(root) == []
    r = cli("render", "lagesbild", root)
    assert r.exit_code == 0, r.output
    assert "sammanställd av beredningsgrupp" in r.stdout
    root = make_repo(
        {"lagesbilder/lb.yaml": _with(lb, "område: Hela kommunen", "framtagen_av: [analysgrupp]")}
    )
    (msg,) = _found(root, "REF-SAKNAS")
    assert "funktionen eller organet 'analysgrupp'" in msg


# --- documents older than a mandate period ---------------------------------------------------


def test_stale_document_rule_spares_reports_and_documents_with_a_cycle(make_repo) -> None:
    old = "antagen_av: kommunstyrelsen\ndatum: 2015-05-01\n"
    root = make_repo(
        {
            "dokument/program.yaml": "typ: program\ntitel: Program\n" + old,
            "dokument/rapport.yaml": "typ: verksamhetsberättelse\ntitel: VB 2015\n" + old,
            "dokument/memo.yaml": "typ: tjänsteskrivelse\ntitel: Memo\n" + old,
            "dokument/gammal.yaml": "typ: strategi\ntitel: Gammal\nstatus: upphävt\n" + old,
        }
    )
    assert _checked(root, "2026-01-01", "BRA-DOK-AKTUALITET") == [
        "'Program' antogs 2015-05-01, har ingen revidering angiven och är äldre än en "
        "mandatperiod (fyra år)."
    ]


def test_a_removed_body_with_meetings_is_told_to_be_wound_up_instead(example) -> None:
    # A coordinator deletes organ/est.yaml when EST ends: every meeting of EST then names a
    # body that does not exist. The hint says how the guide winds a body up instead.
    root = example("lindesberg")
    (root / "organ" / "est.yaml").unlink()
    found = [f for f in validate(load_repo(root)) if f.rule == "REF-SAKNAS"]
    assert found and all(f.file.startswith("moten/") for f in found), found
    assert "Låt organ/est.yaml ligga kvar med status: avvecklat" in found[0].hint
    (root / "organ" / "est.yaml").write_text(
        (EXAMPLES / "lindesberg" / "organ" / "est.yaml").read_text(encoding="utf-8")
        + "status: avvecklat\n",
        encoding="utf-8",
    )
    assert [f for f in validate(load_repo(root)) if f.severity.value == "fel"] == []
