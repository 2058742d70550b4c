"""The one catalog: every finding bfa makes while reading files is a row there too.

Each load-time row, and each of its cases (``variants``), has an input here that makes
it, and the finding's message and hint are the row's templates filled in.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from brottsforeb import _yaml, load_repo, validate
from brottsforeb._messages import _case
from brottsforeb.findings import Finding
from brottsforeb.model import KINDS
from brottsforeb.rules import BY_ID, CHECKS, RULES
from brottsforeb.rules.catalog import COMMANDS

STYRGRUPP = "organ/styrgrupp.yaml"
BASE = "namn: Styrgrupp\ntyp: styrgrupp\n"

#: (rule, case) → (file, text) that makes exactly that case; "" is the row's own wording.
LOADING: dict[tuple[str, str], tuple[str, str | bytes]] = {
    ("FIL-STORLEK", ""): (STYRGRUPP, "namn: " + "x" * 1_000_001 + "\n"),
    ("FIL-KODNING", ""): (STYRGRUPP, b"namn: Styrgrupp \x81\n"),
    ("FIL-KODNING", "windows-1252"): (STYRGRUPP, "namn: Styrgrupp för\n".encode("cp1252")),
    ("FIL-TOM", ""): (STYRGRUPP, ""),
    ("FIL-TOPPNIVA", ""): (STYRGRUPP, "Styrgrupp\n"),
    ("FIL-TOPPNIVA", "lista"): (STYRGRUPP, "- namn: Styrgrupp\n"),
    ("FIL-ID", ""): ("organ/Styrgrupp Ny.yaml", BASE),
    ("FIL-ID", "windows"): ("organ/aux.yaml", BASE),
    ("FIL-MAPP", ""): ("papper/x.yaml", BASE),
    ("FIL-MAPP", "förslag"): ("organs/x.yaml", BASE),
    ("MOTE-FILNAMN", ""): ("moten/2025/2025-3-1-styrgrupp.yaml", "organ: styrgrupp\n"),
    ("MOTE-FILNAMN", "mapp"): ("moten/2025-03-01-styrgrupp.yaml", "organ: styrgrupp\n"),
    ("PERSONNUMMER", ""): (STYRGRUPP, BASE + "anmärkning: 19121212-1212\n"),
    ("YAML-SYNTAX", ""): (STYRGRUPP, "%YAML 1.1\n%YAML 1.1\n---\nnamn: S\n"),
    ("YAML-SYNTAX", "tecken"): (STYRGRUPP, "namn: Styr\x07grupp\n"),
    ("YAML-SYNTAX", "kolon-i-värde"): (STYRGRUPP, BASE + "uppdrag: a: b\n"),
    ("YAML-SYNTAX", "kolon-saknas"): (STYRGRUPP, "namn: S\nfoo\nbar: x\n"),
    ("YAML-SYNTAX", "indrag-nyckel"): (STYRGRUPP, "möten:\n  antal: 1\n per: år\n"),
    ("YAML-SYNTAX", "indrag-lista"): (STYRGRUPP, "- a\n- b\nc: d\n"),
    ("YAML-SYNTAX", "slut"): (STYRGRUPP, 'namn: "Styrgrupp\n'),
    ("YAML-SYNTAX", "alias-saknas"): (STYRGRUPP, "namn: *x\n"),
    ("YAML-SYNTAX", "flera-dokument"): (STYRGRUPP, BASE + "---\nnamn: Igen\n"),
    ("YAML-SYNTAX", "escape"): (STYRGRUPP, 'namn: "Styr\\qgrupp"\n'),
    ("YAML-SYNTAX", "lista-slut"): (STYRGRUPP, BASE + "ledamöter: [a, b\n"),
    ("YAML-SYNTAX", "mappning-slut"): (STYRGRUPP, BASE + "möten: {antal: 1\n"),
    ("YAML-SYNTAX", "tecken-start"): (STYRGRUPP, "namn: @styrgrupp\n"),
    ("YAML-SYNTAX", "ankare-dubbelt"): (STYRGRUPP, "namn: &x S\ntyp: &x styrgrupp\n"),
    ("YAML-SYNTAX", "version"): (STYRGRUPP, "%YAML 2.0\n---\nnamn: S\n"),
    ("YAML-SYNTAX", "lista-i-värde"): (STYRGRUPP, BASE + "ledamöter: - a\n"),
    ("YAML-SYNTAX", "värde-saknas"): (STYRGRUPP, BASE + "ledamöter: [a, ,]\n"),
    ("YAML-SYNTAX", "bom"): (STYRGRUPP, "namn: S\n\ufefftyp: styrgrupp\n"),
    ("YAML-TABB", ""): (STYRGRUPP, "namn: S\nledamöter:\n\t- a\n"),
    ("YAML-DUBBLETT", ""): (STYRGRUPP, BASE + "namn: Igen\n"),
    ("YAML-TAGG", ""): (STYRGRUPP, "namn: !!python/object:os.system x\n"),
    ("YAML-NYCKEL", ""): (STYRGRUPP, BASE + "[a, b]: c\n"),
    ("YAML-STYRTECKEN", ""): (STYRGRUPP, BASE + 'uppdrag: "a\\e]0;x\\ab"\n'),
    ("TEXT-SYMBOL", ""): (STYRGRUPP, BASE + "uppdrag: \uf0b7 Förankrar\n"),
    ("YAML-STORLEK", ""): (
        STYRGRUPP,
        "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n"
        + "".join(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]\n" for i in range(1, 9)),
    ),
    ("YAML-STORLEK", "djup"): (STYRGRUPP, "namn: " + "[" * 100 + "]" * 100 + "\n"),
    ("SCHEMA", "saknas"): (STYRGRUPP, "namn: Styrgrupp\n"),
    ("SCHEMA", "okänd-nyckel"): (STYRGRUPP, BASE + "qqqq: 1\n"),
    ("SCHEMA", "okänd-nyckel-förslag"): (STYRGRUPP, BASE + "sammankalande: x\n"),
    ("SCHEMA", "ogiltigt-värde"): (STYRGRUPP, "namn: S\ntyp: qqqqqq\n"),
    ("SCHEMA", "ogiltigt-värde-förslag"): (STYRGRUPP, "namn: S\ntyp: styrgrup\n"),
    ("SCHEMA", "datum-finns-inte"): (STYRGRUPP, BASE + "inrättad: 2024-02-30\n"),
    ("SCHEMA", "datum"): (STYRGRUPP, BASE + "inrättad: igår\n"),
    ("SCHEMA", "datum-form"): (STYRGRUPP, BASE + "inrättad: 2019-2-3\n"),
    ("SCHEMA", "id"): (STYRGRUPP, BASE + 'ordförande: "Xq (1)"\n'),
    ("SCHEMA", "id-person"): (STYRGRUPP, BASE + "ordförande: Kalle Anka\n"),
    ("SCHEMA", "id-form"): (STYRGRUPP, BASE + "ordförande: Säkerhetschef\n"),
    ("SCHEMA", "id-förslag"): (STYRGRUPP, BASE + "ordförande: kommun direktor\n"),
    ("SCHEMA", "id-form-förslag"): (STYRGRUPP, BASE + "ordförande: kommundirektören\n"),
    ("SCHEMA", "id-del"): ("atgarder/belysning.yaml", "titel: Belysning\nproblem: [lb x]\n"),
    ("SCHEMA", "id-del-förslag"): (
        "atgarder/belysning.yaml",
        "titel: Belysning\nproblem: [Lb/Klötter]\n",
    ),
    ("SCHEMA", "årtal"): ("bfa.yaml", "namn: Testby kommun\nkommunkod: '12'\n"),
    ("SCHEMA", "text"): (STYRGRUPP, BASE + "uppdrag: [a]\n"),
    ("SCHEMA", "heltal"): (STYRGRUPP, BASE + "möten: {antal: två, per: år}\n"),
    ("SCHEMA", "tal"): (
        "indikatorer/klotter.yaml",
        "namn: Klotter\nmätvärden:\n  - {år: 2024, värde: många}\n",
    ),
    ("SCHEMA", "heltal-decimalkomma"): (STYRGRUPP, BASE + "möten:\n  antal: 2,5\n  per: år\n"),
    ("SCHEMA", "tal-decimalkomma"): (
        "indikatorer/klotter.yaml",
        "namn: Klotter\nmätvärden:\n  - år: 2024\n    värde: 2,5\n",
    ),
    ("SCHEMA", "okänd-nyckel-decimalkomma"): (
        "indikatorer/klotter.yaml",
        "namn: Klotter\nmätvärden:\n  - {år: 2024, värde: 2,5}\n",
    ),
    ("SCHEMA", "id-osynligt"): (STYRGRUPP, BASE + "ordförande: \u200bsamordnare\n"),
    ("YAML-OSYNLIGT", ""): (STYRGRUPP, "namn\u00a0: Styrgrupp\ntyp: styrgrupp\n"),
    ("YAML-NYCKEL", "merge"): (STYRGRUPP, "namn: S\ntyp: styrgrupp\n<<: hej\n"),
    ("YAML-OSYNLIGT", "tom"): (STYRGRUPP, 'namn: S\ntyp: styrgrupp\n"\u200b": x\n'),
    ("SCHEMA", "sant-falskt"): (STYRGRUPP, BASE + "extern: kanske\n"),
    ("SCHEMA", "lista"): (STYRGRUPP, BASE + "ledamöter: {a: 1}\n"),
    ("SCHEMA", "datum-förslag"): (STYRGRUPP, BASE + "inrättad: 1 juni 2024\n"),
    ("SCHEMA", "sant-falskt-förslag"): (STYRGRUPP, BASE + "extern: ja\n"),
    ("SCHEMA", "lista-förslag"): (STYRGRUPP, BASE + "ledamöter: samordnare, kommunpolis\n"),
    ("SCHEMA", "mappning"): (STYRGRUPP, BASE + "dokumentation: protokoll\n"),
    ("SCHEMA", "mappning-frekvens"): (STYRGRUPP, BASE + "möten: ofta\n"),
    ("SCHEMA", "mappning-frekvens-förslag"): (STYRGRUPP, BASE + "möten: fyra gånger om året\n"),
    ("SCHEMA", "minst"): (STYRGRUPP, BASE + "möten: {antal: 0, per: år}\n"),
    ("SCHEMA", "högst"): (
        "indikatorer/klotter.yaml",
        "namn: Klotter\nmätvärden:\n  - {år: 3000, värde: 1}\n",
    ),
    ("SCHEMA", "modellen"): (
        STYRGRUPP,
        BASE + "tidsbegränsad: {start: 2025-01-01, slut: 2024-01-01}\n",
    ),
    # #16: what the reading of files no longer accepts silently
    ("FIL-OKAND", ""): ("organ/LASMIG.txt", "x\n"),
    ("FIL-OKAND", "dold"): ("organ/.kopia.yaml", BASE),
    ("FIL-OKAND", "rot"): ("styrgrupp.yaml", BASE),
    ("FIL-OKAND", "mall"): ("templates/riktlinje.md", "# x\n"),
    ("FIL-DUBBLETT", ""): ("organ/styrgrupp.yml", BASE),
    ("FIL-ANDELSE", ""): ("organ/x.YAML", BASE),
    ("FIL-PLATS", ""): ("organ/sub/x.yaml", BASE),
    ("FIL-PLATS", "rot"): ("organ.yaml", BASE),
    ("FIL-KODNING", "utf-16"): (STYRGRUPP, BASE.encode("utf-16")),
    ("PERSONNUMMER", "filnamn"): ("atgarder/fall-900101-0009.yaml", "titel: x\n"),
    ("YAML-STORLEK", "tecken"): (
        STYRGRUPP,
        "namn: &a '" + "x" * 500_000 + "'\nanmärkning: [" + ", ".join(["*a"] * 10) + "]\n",
    ),
    ("SCHEMA", "ändligt-tal"): (
        "indikatorer/klotter.yaml",
        "namn: Klotter\nmätvärden:\n  - {år: 2024, värde: .inf}\n",
    ),
    ("SCHEMA", "skalär"): (STYRGRUPP, 'namn: ""\ntyp: styrgrupp\n'),
}

LOAD_ROWS = [r for r in RULES if r.command == "load"]


def _pattern(template: str) -> re.Pattern[str]:
    """A row's template as a regex: literal text, any value for each {argument}."""
    parts = re.split(r"(\{[a-z_]*\})", template.replace("{{", "\x00").replace("}}", "\x01"))
    body = "".join(
        ".*" if p.startswith("{") else re.escape(p).replace("\x00", "{").replace("\x01", "}")
        for p in parts
    )
    return re.compile(body, re.S)


def _made(root: Path, file: str, text: str | bytes) -> list[Finding]:
    path = root / file
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return validate(load_repo(root))


def test_every_finding_id_is_one_catalog_row() -> None:
    assert {r.command for r in RULES} <= set(COMMANDS)
    assert len(BY_ID) == len(RULES)  # no id twice
    # rule functions for validate/check rows, the loader for load rows: each row one maker
    assert set(CHECKS) == {r.id for r in RULES if r.command != "load"}
    cases = {(r.id, v) for r in LOAD_ROWS for v in ("", *r.variants)}
    cases.discard(("SCHEMA", ""))  # pydantic's unknown error types: test_schema_fallback
    cases.discard(("YAML-STORLEK", "rekursion"))  # test_pure_python_parser_recursion
    cases.discard(("FIL-LASFEL", ""))  # test_unreadable_file
    cases.discard(("FIL-LANK", ""))  # test_link_outside
    cases.discard(("SCHEMA", "fler"))  # test_careless_input: …flood_of_errors_in_one_file…
    # links, folders and special files (test_hardening.py, #16)
    cases -= {("FIL-LANK", "mapp"), ("FIL-LANK", "slinga"), ("FIL-LANK", "trasig")}
    # links in a data folder: test_history_files.py, working tree and git alike (E10)
    cases -= {("FIL-LANK", "länk"), ("FIL-DUBBLETT", "länk")}
    cases -= {("FIL-LASFEL", "mapp"), ("FIL-TYP", ""), ("BFA-AVBRUTEN", "")}
    cases.discard(("FIL-TYP", "mapp"))  # test_hardening: test_silently_ignored_files
    assert cases == set(LOADING)


@pytest.mark.parametrize(("rule_id", "case"), sorted(LOADING), ids=lambda x: x or "-")
def test_load_finding_is_made_from_its_row(make_repo, rule_id: str, case: str) -> None:
    file, text = LOADING[(rule_id, case)]
    found = [f for f in _made(make_repo(), file, text) if f.rule == rule_id]
    row = BY_ID[rule_id]
    message, hint = row.texts(case)
    mine = [
        f
        for f in found
        if _pattern(message).fullmatch(f.message) and _pattern(hint).fullmatch(f.hint)
    ]
    assert mine, ([(f.message, f.hint) for f in found], message, hint)
    f = mine[0]
    assert "{" not in f.message.replace("{ }", ""), f.message  # every argument filled
    assert f.severity is row.severity and f.source == row.cited
    assert f.file.startswith(file.split("/")[0])


def test_schema_fallback_uses_the_rows_own_wording() -> None:
    err = {"type": "some_future_type", "loc": ("namn",), "input": 1, "ctx": {}}
    case, args, _loc, _key = _case(err, KINDS["organ"].model)
    f = BY_ID["SCHEMA"].finding(STYRGRUPP, 1, 1, args, variant=case)
    assert case == "" and f.message == "Ogiltigt värde för 'namn'." and f.hint


def test_pure_python_parser_recursion(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml the pure composer recurses; too deep becomes a finding.

    The depth pre-scan (#16) now stops such a file before any composer runs; a
    RecursionError the composer still raises is the 'rekursion' case."""
    monkeypatch.setattr(_yaml, "_Loader", yaml.SafeLoader)
    parsed = _yaml.parse("namn: " + "[" * 5000 + "]" * 5000 + "\n", STYRGRUPP)
    assert [f.rule for f in parsed.findings] == ["YAML-STORLEK"]
    monkeypatch.setattr(_yaml, "nesting_too_deep", lambda text: None)
    parsed = _yaml.parse("namn: " + "[" * 5000 + "]" * 5000 + "\n", STYRGRUPP)
    assert [(f.rule, f.message) for f in parsed.findings] == [
        ("YAML-STORLEK", BY_ID["YAML-STORLEK"].variants["rekursion"][0])
    ]


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="mode 000 is POSIX")
def test_unreadable_file(unprivileged) -> None:
    # Runs as an ordinary user even when the suite runs as root (then as nobody).
    from .conftest import MINIMAL, write_repo

    folder, validate_as_user = unprivileged
    root = write_repo(folder / "repo", dict(MINIMAL))
    (root / "organ" / "styrgrupp.yaml").chmod(0)
    found = [f for f in validate_as_user(root) if f.rule == "FIL-LASFEL"]
    assert found and found[0].file == "organ/styrgrupp.yaml"
    assert _pattern(BY_ID["FIL-LASFEL"].message).fullmatch(found[0].message)


def test_linked_folder_named_like_a_file(make_repo) -> None:
    root = make_repo()
    os.symlink("../funktioner", root / "organ" / "mapp.yaml")  # a folder: not read (#16)
    found = [f for f in validate(load_repo(root)) if f.file == "organ/mapp.yaml"]
    assert [f.rule for f in found] == ["FIL-TYP"]


def test_link_outside(make_repo, tmp_path: Path) -> None:
    root = make_repo()
    (tmp_path / "ute.yaml").write_text(BASE, encoding="utf-8")
    os.symlink(tmp_path / "ute.yaml", root / "organ" / "ute.yaml")
    found = [f for f in validate(load_repo(root)) if f.rule == "FIL-LANK"]
    assert [(f.file, f.message) for f in found] == [("organ/ute.yaml", BY_ID["FIL-LANK"].message)]


def test_docs_list_every_finding_id() -> None:
    text = (Path(__file__).resolve().parent.parent / "docs" / "regler.md").read_text("utf-8")
    listed = set(re.findall(r"^\| `([A-Z0-9-]+)` \|", text, re.M))
    assert listed == set(BY_ID)


#: Rows whose message is still built in full by their rule function (to be turned into
#: templates like the others); no new row may join them.
WHOLE_MESSAGE_ROWS = {"MALL-EJ-IFYLLD", "ORGAN-LIVSCYKEL"}


def test_messages_are_templates_not_placeholders() -> None:
    whole = {r.id for r in RULES if r.message.strip() == "{message}"}
    assert whole <= WHOLE_MESSAGE_ROWS, whole - WHOLE_MESSAGE_ROWS


@pytest.mark.parametrize("name", ["norsjo", "torsby", "lindesberg"])
@pytest.mark.parametrize("today", ["2024-01-15", "2026-11-21", "2029-06-01"])
def test_check_fills_every_template(name: str, today: str) -> None:
    import datetime as dt

    from brottsforeb import check

    from .conftest import EXAMPLES

    for f in check(load_repo(EXAMPLES / name), dt.date.fromisoformat(today)):
        assert not re.search(r"\{[a-z_]+\}", f.message + f.hint), f
