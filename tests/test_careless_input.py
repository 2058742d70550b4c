"""Careless input that used to pass or overflow (issue #16, third round): characters pasted
from Word that no document can show, numbers no municipality measures, a meeting file bfa
would write and then refuse to read, and tables of thousands of identical rows. Each test
failed on the code before its fix (the ordinary-text test is the control)."""

from __future__ import annotations

import json
import textwrap

import pytest

from brottsforeb import load_repo, validate

from .conftest import MINIMAL


@pytest.mark.parametrize(
    ("written", "told"),
    [
        ("\uf0b7\tFörankrar", "U+F0B7, ett symboltecken från Word"),
        ("F\ufffdrankrar", "U+FFFD, ersättningstecknet"),
        ('"\\uE001 Förankrar"', "U+E001, ett privat tecken"),
        ('"Förankrar \\uFFFF"', "U+FFFF, som inte är något tecken"),
    ],
)
def test_characters_no_document_can_show_are_findings(make_repo, cli, written, told) -> None:
    # Before: a Word bullet (U+F0B7) passed validate; the PDF then failed naming the
    # characters of Typst's escape "\u{f0b7}" instead, with no file or line.
    text = written if written.startswith('"') else f'"{written}"'
    root = make_repo(
        {
            "organ/styrgrupp.yaml": (
                "namn: Styrgrupp\ntyp: styrgrupp\nuppdrag: u\nmandat: " + text + "\n"
                "ordförande: kommundirektor\nsammankallande: samordnare\n"
                "ledamöter: [kommundirektor, kommunpolis, samordnare]\n"
                "möten: {antal: 2, per: år}\n"
            )
        }
    )
    found = [f for f in validate(load_repo(root)) if f.rule == "TEXT-SYMBOL"]
    assert [(f.file, f.line) for f in found] == [("organ/styrgrupp.yaml", 4)], found
    assert told in found[0].message
    result = cli("validate", root)
    assert result.exit_code == 1 and "TEXT-SYMBOL" in result.output


def test_ordinary_swedish_text_is_not_a_symbol(make_repo) -> None:
    root = make_repo({"funktioner/samordnare.yaml": "titel: Åsa–Öberg “citat” • punkt ✓\n"})
    assert not [f for f in validate(load_repo(root)) if f.rule == "TEXT-SYMBOL"]


@pytest.mark.parametrize(
    ("file", "text", "key", "bound"),
    [
        (
            "indikatorer/klotter.yaml",
            "namn: Klotter\nkälla: {typ: egen}\nenhet: antal\nriktning: minska\n"
            "mätvärden:\n  - {år: 2024, värde: 1.7e308}\n  - {år: 2025, värde: -1.7e308}\n",
            "mätvärden[1].värde",
            "högst 1 000 000 000 000",
        ),
        (
            "indikatorer/klotter.yaml",
            "namn: Klotter\nkälla: {typ: egen}\nenhet: antal\nriktning: minska\nmål: 1e13\n"
            "mätvärden:\n  - {år: 2024, värde: 3}\n",
            "mål",
            "högst 1 000 000 000 000",
        ),
        (
            "organ/arbetsgrupp.yaml",
            "möten: {antal: 99999999999999999999, per: år}\n",
            "möten.antal",
            "högst 366",
        ),
        (
            "organ/arbetsgrupp.yaml",
            "möten: {antal: 1, per: år, längd_minuter: 100000}\n",
            "möten.längd_minuter",
            "högst 1440",
        ),
    ],
)
def test_numbers_no_municipality_measures_are_findings(make_repo, file, text, key, bound) -> None:
    # Before: värde 1.7e308 drew a chart of NaN coordinates; antal 10**20 was counted as the
    # meetings required ("höll 2 av 99999999999999999999 möten"); nothing was said.
    base = (
        "namn: Arbetsgrupp\ntyp: arbetsgrupp\nuppdrag: Utför.\ntillsätts_av: beredningsgrupp\n"
        "sammankallande: samordnare\nledamöter: [kommunpolis, samordnare]\n"
        if file.startswith("organ/")
        else ""
    )
    root = make_repo({file: base + text})
    found = [f for f in validate(load_repo(root)) if f.file == file and f.rule == "SCHEMA"]
    assert any(key in f.message and bound in f.message for f in found), found


def _open_items(n: int) -> str:
    items = "".join(
        f"  - {{vad: Punkt {i}, vem: samordnare, senast: 2026-01-0{i % 9 + 1}}}\n" for i in range(n)
    )
    return "organ: styrgrupp\ndatum: 2026-03-01\nåtgärdspunkter:\n" + items


def test_new_meeting_refuses_a_file_bfa_would_not_read(make_repo, cli) -> None:
    # Before: `bfa new mote` copied 17,500 open action items into a 1.9 MB file (exit 0),
    # which validate then refused (FIL-STORLEK) and no document could be rendered from.
    root = make_repo({"moten/2026/2026-03-01-styrgrupp.yaml": _open_items(15_000)})
    assert (root / "moten/2026/2026-03-01-styrgrupp.yaml").stat().st_size < 1_000_000
    result = cli("new", "mote", "styrgrupp", "--date", "2026-12-20", root)
    assert result.exit_code == 2, result.output
    assert "mer än de 1000 kB som bfa läser" in result.output
    assert "klar: ja" in result.output
    assert not (root / "moten/2026/2026-12-20-styrgrupp.yaml").exists()


@pytest.mark.parametrize("command", ["check", "status"])
def test_thousands_of_identical_rows_are_counted_not_printed(make_repo, cli, command) -> None:
    # Before: 17,500 overdue action items made `bfa check` print 12 MB over 38 s (status 21 s).
    root = make_repo({"moten/2026/2026-03-01-styrgrupp.yaml": _open_items(65)})
    result = cli(command, "--today", "2026-11-22", root)
    assert result.exit_code == (1 if command == "check" else 0), result.output
    rows = result.output.count("Åtgärdspunkten 'Punkt")
    assert rows == 20, rows
    assert "och 45 till av samma slag (ATGARDSPUNKT-FORSENAD)" in " ".join(result.output.split())
    json_out = cli(command, "--today", "2026-11-22", "-f", "json", root).output
    assert json_out.count("Åtgärdspunkten 'Punkt") == 65
    if command == "check":  # the summary counts every finding, the hidden rows too
        errors = json.loads(json_out)["summary"]["fel"]
        assert errors >= 65 and f"{errors} fel" in result.output, (errors, result.output[-200:])


@pytest.mark.parametrize("literal", ["0x" + "f" * 5000, "0b" + "1" * 20000, "0o" + "7" * 6000])
def test_an_integer_too_long_to_print_is_text_not_a_crash(make_repo, cli, literal) -> None:
    # Before: "internt fel (ValueError: Exceeds the limit (4300 digits) for integer string
    # conversion)" in validate, check, status, render, set, minutes and log.
    root = make_repo(
        {
            "organ/arbetsgrupp.yaml": "namn: Arbetsgrupp\ntyp: arbetsgrupp\nuppdrag: Utför.\n"
            "tillsätts_av: beredningsgrupp\nsammankallande: samordnare\n"
            "ledamöter: [kommunpolis, samordnare]\nmöten: {antal: " + literal + ", per: år}\n"
        }
    )
    for args in (["validate"], ["check", "--today", "2026-11-22"], ["status"]):
        result = cli(*args, root)
        assert result.exit_code in (0, 1), (args, result.output)
        assert "internt fel" not in result.output
    found = [f for f in validate(load_repo(root)) if f.file == "organ/arbetsgrupp.yaml"]
    assert any(f.rule == "SCHEMA" and "möten.antal" in f.message for f in found), found


def test_words_line_separators_are_line_breaks(make_repo, cli) -> None:
    # Before: U+2028 (Shift+Enter in Word, Outlook, Teams) passed validate and every document
    # printed the six characters "\u2028" in the sentence; in a one-line field it passed too.
    root = make_repo(
        {
            "organ/arbetsgrupp.yaml": "namn: Arbetsgrupp\ntyp: arbetsgrupp\n"
            'uppdrag: "Utför\u2028det operativa\u2029arbetet\x85i kommunen."\n'
            "tillsätts_av: beredningsgrupp\nsammankallande: samordnare\n"
            "ledamöter: [kommunpolis, samordnare]\n",
            "funktioner/kommundirektor.yaml": 'titel: "Kommun\u2028direktör"\n'
            "ersättare: samordnare\n",
        }
    )
    repo = load_repo(root)
    task = repo.organ["arbetsgrupp"].task or ""
    assert task.startswith("Utför\ndet operativa\n\narbetet"), task
    assert not set(task) & {"\u2028", "\u2029", "\x85"}
    found = [f for f in validate(repo) if f.file == "funktioner/kommundirektor.yaml"]
    assert any("en rad" in f.message for f in found), found
    md = cli("render", "organisation", "--draft", root).output
    assert "u2028" not in md and "\u2028" not in md and "u2029" not in md


def test_the_scaffold_calls_no_recommendation_law(tmp_path, cli) -> None:
    # Before: `bfa init` wrote "# Lagen kräver skriftlig samverkan" above the
    # samverkansöverenskommelse: written cooperation is Brå's and the police's advice.
    root = tmp_path / "ny"
    assert cli("init", root, "--name", "Testby kommun").exit_code == 0
    for path in root.rglob("*.yaml"):
        for line in path.read_text(encoding="utf-8").splitlines():
            low = line.lower()
            if "lagen" in low and ("samverkan" in low or "medborgarlöf" in low):
                assert "inte ett krav" in low or "råd" in low, (path.name, line)


def test_a_date_without_leading_zeros_is_told_its_form(make_repo) -> None:
    # Before: "Datumet 2019-2-3 finns inte … Kontrollera dag och månad": the date exists.
    root = make_repo(
        {
            "organ/arbetsgrupp.yaml": "namn: Arbetsgrupp\ntyp: arbetsgrupp\nuppdrag: Utför.\n"
            "tillsätts_av: beredningsgrupp\nsammankallande: samordnare\n"
            "ledamöter: [kommunpolis, samordnare]\ninrättad: 2019-2-3\n"
        }
    )
    (f,) = [f for f in validate(load_repo(root)) if f.file == "organ/arbetsgrupp.yaml"]
    assert "finns inte" not in f.message and "2019-02-03" in f.hint


def test_setting_a_function_vacant_takes_its_holder_away(make_repo, cli) -> None:
    # Before: the guide said "innehavare tas bort", but `bfa set … vakant true` on a
    # function with a holder was refused ("En vakant funktion har ingen innehavare").
    root = make_repo(
        {
            "funktioner/kommundirektor.yaml": "titel: Kommundirektör\nersättare: samordnare\n"
            "innehavare:\n  namn: Bo Ek\n  e_post: bo.ek@testby.se\n"
        }
    )
    result = cli("set", "funktioner/kommundirektor", "vakant", "true", root)
    assert result.exit_code == 0, result.output
    assert "innehavare togs bort" in result.output
    text = (root / "funktioner/kommundirektor.yaml").read_text(encoding="utf-8")
    assert "innehavare" not in text and "Bo Ek" not in text and "vakant: true" in text
    f = load_repo(root).funktioner["kommundirektor"]
    assert f.vacant and f.holder is None


def test_status_names_the_files_it_could_not_count(example, cli) -> None:
    # A typo in the styrgrupp's file made it vanish from `bfa status`' table of bodies
    # without a word; the screen now names the files it leaves out, and JSON lists them.
    root = example("torsby")
    path = root / "organ" / "lfr-styrgrupp.yaml"
    path.write_text(path.read_text("utf-8").replace("mandat:", "madnat:", 1), "utf-8")
    r = cli("status", root, "--today", "2026-11-22")
    assert r.exit_code == 0, r.output
    assert (
        "Filer med fel räknas inte här förrän de är rättade (bfa validate visar felen): "
        "organ/lfr-styrgrupp.yaml." in r.output
    ), r.output
    doc = json.loads(cli("status", root, "--today", "2026-11-22", "-f", "json").output)
    assert doc["unreadable"] == ["organ/lfr-styrgrupp.yaml"]
    clean = json.loads(cli("status", example("norsjo"), "-f", "json").output)
    assert clean["unreadable"] == []


def test_a_file_with_a_typo_is_not_called_missing_without_saying_why(example) -> None:
    # A typo in one key keeps the file out of the model: validate said "Kommunen har ingen
    # styrgrupp", check "Kommunen har ingen beslutad åtgärdsplan" and "Styrgrupp höll inga
    # möten år 2026" about things the user had written, with no word of why. Each such
    # finding names the files that were not counted.
    import datetime as dt

    from brottsforeb import check

    root = example("torsby")

    def typo(rel: str, old: str, new: str) -> None:
        path = root / rel
        path.write_text(path.read_text("utf-8").replace(old, new, 1), "utf-8")

    day = dt.date(2027, 1, 15)
    for rel in [
        "2026-03-17-lfr-styrgrupp",
        "2026-10-13-lfr-styrgrupp",
        "2026-09-08-lfr-operativ-grupp",
    ]:
        typo(f"moten/2026/{rel}.yaml", "status:", "stauts:")
    meetings = [f.message for f in check(load_repo(root), day) if f.rule == "MOTEN-FREKVENS"]
    # a body's meetings: its own files only, not another body's
    assert (
        "Styrgrupp höll inga möten år 2026. (moten/2026/2026-03-17-lfr-styrgrupp.yaml och "
        "moten/2026/2026-10-13-lfr-styrgrupp.yaml har fel och räknas inte förrän de är rättade.)"
    ) in meetings, meetings
    assert (
        "Operativ grupp höll 3 av 4 möten år 2026. (moten/2026/2026-09-08-lfr-operativ-grupp.yaml"
        " har fel och räknas inte förrän den är rättad.)"
    ) in meetings, meetings
    typo("organ/lfr-styrgrupp.yaml", "mandat:", "madnat:")
    typo("organ/sspf.yaml", "målgrupp:", "malgrupp:")  # no styrgrupp: not named below
    typo("dokument/atgardsplan-2025.yaml", "titel:", "tittel:")
    repo = load_repo(root)
    said = {f.rule: f.message for f in [*validate(repo), *check(repo, day)]}
    for rule, rel in [
        ("BRA-STYRGRUPP", "organ/lfr-styrgrupp.yaml"),
        ("LAG-ATGARDSPLAN", "dokument/atgardsplan-2025.yaml"),
    ]:
        assert said[rule].endswith(f" ({rel} har fel och räknas inte förrän den är rättad.)"), said[
            rule
        ]
    # a finding about something really missing says nothing of files that cannot matter
    clean = load_repo(example("norsjo"))
    assert all("räknas inte förrän" not in f.message for f in check(clean, dt.date(2026, 11, 22)))


def test_a_flood_of_errors_in_one_file_is_told_in_part_and_counted(make_repo, cli) -> None:
    # A 950 kB file of 70 000 unknown keys took 21 s and 336 MB (a difflib guess and a
    # 500-character hint per key) and printed 140 000 lines; 40 000 personnummer in one
    # file took minutes (each match compared with every earlier one). Now the first
    # schema errors are told and the rest counted, and the screen shows 20 of each rule.
    from brottsforeb._messages import MAX_SCHEMA_FINDINGS

    unknown = "".join(f"k{i}: {i}\n" for i in range(500))
    numbers = "".join(f'  - "800101-1231 {i}"\n' for i in range(300))
    root = make_repo(
        {
            "organ/flod.yaml": "namn: Flod\ntyp: arbetsgrupp\n" + unknown,
            "organ/pnr.yaml": "namn: P\ntyp: arbetsgrupp\nhålls_informerade:\n" + numbers,
        }
    )
    found = [f for f in validate(load_repo(root)) if f.file == "organ/flod.yaml"]
    schema = [f for f in found if f.rule == "SCHEMA"]
    assert len(schema) == MAX_SCHEMA_FINDINGS + 1, len(schema)
    assert (
        schema[-1].message
        == f"Filen har {500 - MAX_SCHEMA_FINDINGS} fel till mot schemat; de visas inte."
    )
    pnr = [f for f in validate(load_repo(root)) if f.rule == "PERSONNUMMER"]
    assert [f.line for f in pnr] == list(range(4, 304)), [f.line for f in pnr][:5]
    assert all(f.column == 6 for f in pnr)
    r = cli("validate", root)
    assert r.exit_code == 1
    assert (
        "… och 81 till av samma slag (SCHEMA) i organ/flod.yaml. Alla står i bfa validate -f json."
        in r.output
    )
    assert "… och 280 till av samma slag (PERSONNUMMER) i organ/pnr.yaml." in r.output
    assert len(r.output.splitlines()) < 250, len(r.output.splitlines())
    doc = json.loads(cli("validate", root, "-f", "json").output)
    assert sum(f["rule"] == "PERSONNUMMER" for f in doc["findings"]) == 300  # JSON: all


@pytest.mark.parametrize(
    ("written", "meant"),
    [
        ("4 gånger per år", "{antal: 4, per: år}"),
        ("fyra gånger om året", "{antal: 4, per: år}"),
        ("En gång i månaden", "{antal: 1, per: månad}"),
        ("årligen", "{antal: 1, per: år}"),
        ("två gånger per termin.", "{antal: 2, per: termin}"),
        ("vartannat år", "{antal: 1, per: 'vartannat år'}"),
    ],
)
def test_a_cadence_in_words_is_told_in_yaml(make_repo, written: str, meant: str) -> None:
    # 'möten: 4 gånger per år' (the documents' words) said "'möten' ska vara en mappning
    # (nyckel: värde)." and no more; the hint now writes the YAML it means.
    text = MINIMAL["organ/styrgrupp.yaml"].replace(
        "möten: {antal: 2, per: år}", f"möten: {written}"
    )
    root = make_repo({"organ/styrgrupp.yaml": text})
    [f] = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert f.message == "'möten' ska vara en frekvens: antal gånger per period."
    assert f.hint == f"Skriv möten: {meant}."
    fixed = text.replace(f"möten: {written}", f"möten: {meant}")
    root2 = make_repo({"organ/styrgrupp.yaml": fixed})
    assert not [f for f in validate(load_repo(root2)) if f.rule == "SCHEMA"]


def test_a_persons_name_where_a_function_belongs_is_told_so(make_repo) -> None:
    text = MINIMAL["organ/styrgrupp.yaml"].replace(
        "ordförande: kommundirektor", "ordförande: Anna Svensson"
    )
    root = make_repo({"organ/styrgrupp.yaml": text})
    [f] = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert (
        f.message == "'Anna Svensson' ser ut som en persons namn; 'ordförande' anger en funktion."
    )
    assert "t.ex. samordnare" in f.hint and "innehavare.namn" in f.hint


def test_a_list_written_as_text_is_told_as_the_list_it_means(make_repo) -> None:
    # 'ledamöter: samordnare, kommunpolis' said "ska vara en lista" and how to write items
    # on lines; the hint now writes the list.
    text = MINIMAL["organ/styrgrupp.yaml"].replace(
        "ledamöter: [kommundirektor, kommunpolis, samordnare]",
        "ledamöter: kommundirektor, kommunpolis och samordnare",
    )
    root = make_repo({"organ/styrgrupp.yaml": text})
    [f] = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert f.hint == "Skriv ledamöter: [kommundirektor, kommunpolis, samordnare]."


@pytest.mark.parametrize(
    ("line", "hint"),
    [
        ("inrättad: 1 juni 2024", "Skriv inrättad: 2024-06-01."),
        ("inrättad: 3 okt. 2023", "Skriv inrättad: 2023-10-03."),
        ("avvecklas_senast: 2027", "Skriv avvecklas_senast: 2027-12-31."),
        ("extern: ja", "Skriv extern: true (ja och nej är text i YAML)."),
        ("extern: Nej", "Skriv extern: false (ja och nej är text i YAML)."),
    ],
)
def test_a_date_or_yes_in_words_is_told_in_yaml(make_repo, line: str, hint: str) -> None:
    # "'inrättad' ska vara ett datum" / "'extern' ska vara true eller false" and no more.
    text = textwrap.dedent(MINIMAL["organ/styrgrupp.yaml"]).rstrip() + f"\n{line}\n"
    root = make_repo({"organ/styrgrupp.yaml": text})
    found = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert [f.hint for f in found] == [hint], [(f.message, f.hint) for f in found]
