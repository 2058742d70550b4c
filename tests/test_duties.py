"""The calendar of duties: check, status, calendar and the documents agree, and every
figure follows from the data (issue #12's observed defects each have a case here)."""

from __future__ import annotations

import datetime as dt
import re
import textwrap
from pathlib import Path

import pytest
from icalendar import Calendar

from brottsforeb import check, duties, load_repo
from brottsforeb.calendar import calendar_ics
from brottsforeb.render import render
from brottsforeb.render._documents.uppfoljning import build as _uppfoljning
from brottsforeb.render._views import Ctx
from brottsforeb.status import status

from .conftest import EXAMPLE_NAMES, EXAMPLES, MINIMAL
from .test_check import meeting

D = dt.date.fromisoformat
DATES = ("2025-06-01", "2026-03-01", "2026-11-22", "2027-06-01")


def _events(repo_root: Path, today: dt.date) -> set[tuple[str, str]]:
    cal = Calendar.from_ical(calendar_ics(load_repo(repo_root), today))
    out = set()
    for ev in cal.walk("VEVENT"):
        cats = ev.get("categories")
        rule = [str(c) for c in cats.cats][1] if cats else "MOTE"
        start = ev.decoded("dtstart")
        day = start.date() if isinstance(start, dt.datetime) else start
        out.add((rule, day.isoformat()))
    return out


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
@pytest.mark.parametrize("when", DATES)
def test_check_status_calendar_and_uppfoljning_agree(name: str, when: str) -> None:
    root = EXAMPLES / name
    repo = load_repo(root)
    today = D(when)
    found = check(repo, today, horizon_days=3650)
    events = _events(root, today)
    # every due date check knows from today on is in the calendar
    for f in found:
        if f.due and f.due >= when:
            assert (f.rule, f.due) in events, (f.rule, f.due, f.message)
    # status's next meeting due is the date check warns about and the calendar carries
    for b in status(repo, today, horizon_days=3650).bodies:
        c = duties.meetings(repo, b.id, today)
        assert b.next_due == (c.next_due if c else None)
        if b.next_due is not None:
            assert ("MOTEN-FREKVENS", b.next_due.isoformat()) in events
            current = c.current if c else None
            if current is not None and not current.met:
                assert any(
                    f.rule == "MOTEN-FREKVENS" and f.due == b.next_due.isoformat()
                    for f in found
                    if f.file == f"organ/{b.id}.yaml"
                )
    # the year-end report counts the same meetings and the same missed periods as check
    for year in {today.year - 1, today.year}:
        rows = {
            r["organ"]: r for r in _uppfoljning(Ctx(repo, today=today), None, None, year)["moten"]
        }
        for oid, o in repo.organ.items():
            if o.name not in rows:
                continue
            held = [m for m in duties.held_meetings(repo, oid, today) if m.date.year == year]
            assert rows[o.name]["hållna"] == len(held)
            missed = [
                f
                for f in found
                if f.rule == "MOTEN-FREKVENS"
                and f.file == f"organ/{oid}.yaml"
                and f.severity.value == "fel"
                and f.due.startswith(str(year))
            ]
            assert (rows[o.name]["uppfyllt"] == "nej") == bool(missed), (oid, year, missed)
    # the report marks as late exactly the measures check reports as overdue (before: it
    # listed "pågående, slut 2026-10-31" while check said "försenad sedan 2026-10-31")
    c = _uppfoljning(Ctx(repo, today=today), None, None, today.year)
    late_in_report = {a["titel"] for a in c["atgarder"] if a["försenad"]}
    overdue = {
        repo.atgarder[f.file.split("/")[1].removesuffix(".yaml")].title
        for f in found
        if f.rule == "ATGARD-FORSENAD" and f.due < when
    }
    assert late_in_report == overdue, (late_in_report, overdue)
    assert bool(c["försenade"]) == bool(overdue)


# --- planned, held and cancelled meetings --------------------------------------------------


def test_planned_meeting_is_never_counted_as_held(make_repo) -> None:
    root = make_repo(
        {
            **meeting("2026-03-10", "styrgrupp"),
            **meeting("2026-12-08", "styrgrupp", "ärenden:\n  - rubrik: Budget\n", "planerat"),
        }
    )
    repo = load_repo(root)
    rows = render(repo, "uppfoljning", year=2026, today=D("2026-11-22"))[0].markdown
    assert "| Styrgrupp | två gånger per år | 2 | 1 | pågår |" in rows
    # still planned after its day: a finding, and still not counted
    found = check(repo, D("2027-01-10"))
    assert any(
        "Mötet 2026-12-08 är planerat men inte registrerat som hållet" in f.message for f in found
    )
    assert any("Styrgrupp höll 1 av 2 möten år 2026" in f.message for f in found)


def test_empty_meeting_file_is_not_held_once_its_date_passes(make_repo) -> None:
    root = make_repo(
        {"moten/2026/2026-03-10-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2026-03-10\n"}
    )
    found = check(load_repo(root), D("2027-01-10"))
    assert any(f.rule == "MOTE-EJ-HALLET" for f in found)
    assert any("Styrgrupp: inga hållna möten finns registrerade" in f.message for f in found)


def test_cancelled_by_status_or_old_key(make_repo) -> None:
    root = make_repo(
        {
            **meeting("2026-03-10", "styrgrupp", status="inställt"),
            "moten/2026/2026-09-10-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2026-09-10\n"
            "inställt: true\n",
        }
    )
    repo = load_repo(root)
    assert [m.state(D("2027-01-01")) for m in repo.moten.values()] == [
        "inställt",
        "inställt",
    ]
    assert not any(f.rule == "MOTE-EJ-HALLET" for f in check(repo, D("2027-01-10")))


# --- first periods, terms, registration start --------------------------------------------------


def test_first_year_pro_rata_from_first_meeting(make_repo) -> None:
    # 4 a year, first (and only) meeting in October, no inrättad: one is enough that year
    root = make_repo({**meeting("2025-10-15", "beredningsgrupp")})
    repo = load_repo(root)
    found = [f.message for f in check(repo, D("2026-01-05")) if "Beredningsgrupp" in f.message]
    assert found == []
    row = duties.year_meetings(repo, "beredningsgrupp", 2025, D("2026-01-05"))
    assert row is not None and (row.required, row.held, row.fulfilled) == (1, 1, "ja")


def test_first_period_pro_rata_from_inrattad(make_repo) -> None:
    body = "namn: Råd\ntyp: råd\nuppdrag: u\nsammankallande: samordnare\n"
    body += "inrättad: 2025-10-01\nmöten: {antal: 4, per: år}\n"
    root = make_repo({"organ/rad.yaml": body})
    msgs = [f.message for f in check(load_repo(root), D("2026-01-05")) if "Råd " in f.message]
    assert msgs == ["Råd höll 0 av 1 möte år 2025."] or msgs == ["Råd höll inga möten år 2025."]


def test_per_termin(make_repo) -> None:
    body = "namn: Råd\ntyp: råd\nuppdrag: u\nsammankallande: samordnare\n"
    body += "inrättad: 2025-01-01\nmöten: {antal: 2, per: termin}\n"
    root = make_repo(
        {
            "organ/rad.yaml": body,
            **meeting("2025-02-01", "rad"),
            **meeting("2025-05-01", "rad"),
            **meeting("2025-09-01", "rad"),
        }
    )
    msgs = [
        f.message for f in check(load_repo(root), D("2026-01-05")) if f.file == "organ/rad.yaml"
    ]
    assert msgs == ["Råd höll 1 av 2 möten höstterminen 2025."]


def test_meetings_recorded_from(make_repo) -> None:
    body = "namn: Råd\ntyp: råd\nuppdrag: u\nsammankallande: samordnare\n"
    body += "inrättad: 1997-01-01\nmöten_registreras_från: 2026-01-01\n"
    body += "möten: {antal: 1, per: år}\n"
    root = make_repo({"organ/rad.yaml": body, **meeting("2026-05-01", "rad")})
    msgs = [
        f.message for f in check(load_repo(root), D("2027-02-01")) if f.file == "organ/rad.yaml"
    ]
    assert msgs == []  # 1997–2025 are not in the repository, not missed


# --- action items, åtgärder, lägesbilder ----------------------------------------------------------


def test_carried_action_item_reported_once_and_closed_anywhere(make_repo) -> None:
    item = "åtgärdspunkter:\n  - vad: Boka lokal\n    vem: samordnare\n    senast: 2026-04-01\n"
    carried = item.replace("    vem:", "    från: 2026-03-01-styrgrupp\n    vem:")
    root = make_repo(
        {
            **meeting("2026-03-01", "styrgrupp", item),
            **meeting("2026-09-01", "styrgrupp", carried),
        }
    )
    found = [
        f for f in check(load_repo(root), D("2026-10-01")) if f.rule == "ATGARDSPUNKT-FORSENAD"
    ]
    assert len(found) == 1
    assert found[0].file == "moten/2026/2026-03-01-styrgrupp.yaml"
    assert "senast överförd till Styrgrupp 2026-09-01" in found[0].message
    closed = carried.replace("senast: 2026-04-01", "senast: 2026-04-01\n    klar: true")
    root = make_repo(
        {
            **meeting("2026-03-01", "styrgrupp", item),
            **meeting("2026-09-01", "styrgrupp", closed),
        }
    )
    found = [
        f for f in check(load_repo(root), D("2026-10-01")) if f.rule == "ATGARDSPUNKT-FORSENAD"
    ]
    assert found == []


def test_new_mote_writes_planned_meeting_and_origin(cli, make_repo) -> None:
    item = "åtgärdspunkter:\n  - vad: Boka lokal\n    vem: samordnare\n    senast: 2026-04-01\n"
    root = make_repo({**meeting("2026-03-01", "styrgrupp", item)})
    result = cli("new", "mote", "styrgrupp", root, "--date", "2026-09-01")
    assert result.exit_code == 0, result.output
    text = (root / "moten/2026/2026-09-01-styrgrupp.yaml").read_text(encoding="utf-8")
    assert "status: planerat" in text
    assert "från: 2026-03-01-styrgrupp" in text
    found = [
        f for f in check(load_repo(root), D("2026-05-01")) if f.rule == "ATGARDSPUNKT-FORSENAD"
    ]
    assert len(found) == 1


def test_atgard_ending_within_horizon_warned_and_in_calendar(make_repo) -> None:
    root = make_repo(
        {
            "atgarder/belysning.yaml": MINIMAL["atgarder/belysning.yaml"].replace(
                "2025-12-31", "2026-12-15"
            )
        }
    )
    found = [f for f in check(load_repo(root), D("2026-12-10")) if f.rule == "ATGARD-FORSENAD"]
    assert [f.severity.value for f in found] == ["varning"]
    assert "ska vara klar senast 2026-12-15 (om 5 dagar)" in found[0].message
    assert ("ATGARD-FORSENAD", "2026-12-15") in _events(root, D("2026-12-10"))


def test_operative_pictures_counted_per_year(make_repo) -> None:
    plan = "\nlägesbilder:\n  operativ:\n    frekvens: {antal: 3, per: år}\n"
    pic = MINIMAL["lagesbilder/lb.yaml"].replace("typ: strategisk", "typ: operativ")
    root = make_repo(
        {
            "bfa.yaml": textwrap.dedent(MINIMAL["bfa.yaml"]) + plan,
            "lagesbilder/op1.yaml": pic.replace("datum: 2025-01-10", "datum: 2025-01-20"),
            "lagesbilder/op2.yaml": pic.replace("datum: 2025-01-10", "datum: 2025-11-20"),
        }
    )
    msgs = [
        f.message for f in check(load_repo(root), D("2026-01-05")) if f.rule == "LAGESBILD-FREKVENS"
    ]
    assert "2 av 3 operativa lägesbilder togs fram år 2025." in msgs


# --- semantic validation ----------------------------------------------------------------------


def _body(name: str, **refs: str) -> str:
    extra = "".join(f"{k}: {v}\n" for k, v in refs.items())
    return f"namn: {name}\ntyp: arbetsgrupp\nuppdrag: u\nsammankallande: samordnare\n{extra}"


def test_cycle_of_three_named_whole_and_bodies_still_rendered(make_repo) -> None:
    from brottsforeb import validate

    root = make_repo(
        {
            "organ/a.yaml": _body("Grupp A", ingår_i="b", tillsätts_av="beredningsgrupp"),
            "organ/b.yaml": _body("Grupp B", ingår_i="c", tillsätts_av="beredningsgrupp"),
            "organ/c.yaml": _body("Grupp C", ingår_i="a", tillsätts_av="beredningsgrupp"),
            "organ/d.yaml": _body("Grupp D", rapporterar_till="d", tillsätts_av="beredningsgrupp"),
        }
    )
    repo = load_repo(root)
    cyc = [f for f in validate(repo) if f.rule == "REF-CYKEL"]
    assert [(f.file, f.severity.value) for f in cyc] == [
        ("organ/a.yaml", "fel"),
        ("organ/d.yaml", "fel"),
    ]
    assert "Grupp A → Grupp B → Grupp C → Grupp A" in cyc[0].message
    assert "Grupp D → Grupp D" in cyc[1].message
    for doc in ("organisation", "riktlinje"):
        text = render(repo, doc)[0].markdown
        for name in ("Grupp A", "Grupp B", "Grupp C", "Grupp D"):
            assert name in text, (doc, name)


def test_leadership_must_be_a_nämnd(make_repo) -> None:
    from brottsforeb import validate

    bfa = textwrap.dedent(MINIMAL["bfa.yaml"]).replace(
        "ledning:\n  organ: kommunstyrelsen", "ledning:\n  organ: styrgrupp"
    )
    found = [
        f
        for f in validate(load_repo(make_repo({"bfa.yaml": bfa})))
        if f.rule.startswith("LAG-LEDNING")
    ]
    assert [f.rule for f in found] == ["LAG-LEDNING-NAMND"]
    assert "kommunstyrelsen eller den nämnd som kommunfullmäktige utser" in found[0].message


def test_written_cooperation_is_a_bra_recommendation_that_can_be_excepted(make_repo) -> None:
    from brottsforeb import validate

    bfa = textwrap.dedent(MINIMAL["bfa.yaml"]) + (
        "undantag:\n  - regel: LAG-SAMVERKAN\n    motivering: Samverkan sker i länsnätverket.\n"
    )
    root = make_repo({"bfa.yaml": bfa, "dokument/overenskommelse.yaml": None})
    found = [f for f in validate(load_repo(root)) if "SAMVERKAN" in f.rule or "UNDANTAG" in f.rule]
    assert [(f.rule, f.severity.value, f.source) for f in found] == [
        ("BRA-SAMVERKAN", "info", "Brå")
    ]


def test_decided_plan_without_lagesbild_is_a_law_error(example) -> None:
    from brottsforeb import validate

    root = example("torsby")
    plan = root / "dokument/atgardsplan-2025.yaml"
    plan.write_text(
        "\n".join(x for x in plan.read_text(encoding="utf-8").splitlines() if "grundas_på" not in x)
        + "\n",
        encoding="utf-8",
    )
    found = [f for f in validate(load_repo(root)) if f.rule == "LAG-ATGARDSPLAN-LAGESBILD"]
    assert [(f.file, f.severity.value) for f in found] == [
        ("dokument/atgardsplan-2025.yaml", "fel")
    ]


def test_plan_message_says_exactly_what_is_missing(make_repo) -> None:
    only_date = "typ: åtgärdsplan\ntitel: Plan\nstatus: utkast\nantagen_av: kommunstyrelsen\n"
    found = [
        f
        for f in check(
            load_repo(make_repo({"dokument/atgardsplan.yaml": only_date})), D("2025-01-01")
        )
        if f.rule == "LAG-ATGARDSPLAN"
    ]
    assert found[0].message == "Åtgärdsplanen 'Plan' är inte beslutad: 'datum' saknas."
    future = only_date.replace("status: utkast\n", "") + "datum: 2026-05-01\n"
    found = [
        f
        for f in check(load_repo(make_repo({"dokument/atgardsplan.yaml": future})), D("2025-01-01"))
        if f.rule == "LAG-ATGARDSPLAN"
    ]
    assert "beslutsdatumet 2026-05-01 ligger efter 2025-01-01" in found[0].message


def test_kommunens_beslut_findings_name_file_and_key() -> None:
    for name in EXAMPLE_NAMES:
        for when in DATES:
            for f in check(load_repo(EXAMPLES / name), D(when)):
                if f.source.startswith("Kommunens beslut"):
                    assert re.search(r"\((bfa\.yaml|[a-z]+/[^ ]+\.yaml): [^)]+\)", f.source), f


def test_check_shows_the_hint(cli) -> None:
    out = cli("check", EXAMPLES / "torsby", "--today", "2026-12-10").stdout
    assert "→ Ändra status till genomförd eller avbruten" in out


def test_every_rule_says_what_it_checks_in_regler_md() -> None:
    from brottsforeb.rules import RULES
    from brottsforeb.rules.catalog import SCOPE

    from .conftest import ROOT

    text = (ROOT / "docs/regler.md").read_text(encoding="utf-8")
    for r in RULES:
        if r.command != "load":
            assert r.id in SCOPE, r.id
            assert f"**`{r.id}`** ({r.severity.value}, {r.cited}): {SCOPE[r.id]}" in text
