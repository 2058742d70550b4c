"""Each kind of typo a coordinator makes: a Swedish message at the right place."""

from __future__ import annotations

from pathlib import Path

import pytest

from brottsforeb import load_repo, validate

ELSEWHERE = {"funktioner/kommundirektor.yaml": "titel: Kommundirektör\nersättare: okand\n"}


def _findings(root: Path, file: str) -> list[tuple[str, int, int, str, str]]:
    return [
        (f.rule, f.line, f.column, f.message, f.hint)
        for f in validate(load_repo(root))
        if f.file == file
    ]


CASES = [
    # (name, file, text, rule, line, column, words in message or hint)
    (
        "syntax",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\ntyp: styrgrupp\nuppdrag: a: b\n",
        "YAML-SYNTAX",
        3,
        11,
        "kolon",
    ),
    (
        "tab",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\ntyp: styrgrupp\nledamöter:\n\t- samordnare\n",
        "YAML-TABB",
        4,
        1,
        "Tabbtecken",
    ),
    (
        "duplicate key",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\ntyp: styrgrupp\nnamn: Igen\n",
        "YAML-DUBBLETT",
        3,
        1,
        "två gånger",
    ),
    (
        "wrong type",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\ntyp: styrgrupp\nledamöter: samordnare\n",
        "SCHEMA",
        3,
        12,
        "ska vara en lista",
    ),
    (
        "unknown key",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\ntyp: styrgrupp\nsammankalande: x\n",
        "SCHEMA",
        3,
        1,
        "Menade du 'sammankallande'?",
    ),
    (
        "dangling reference",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\ntyp: styrgrupp\nuppdrag: u\nmandat: m\nsammankallande: samordnar\n",
        "REF-SAKNAS",
        5,
        17,
        "Menade du 'samordnare'?",
    ),
    (
        "date that does not exist",
        "dokument/atgardsplan.yaml",
        "typ: åtgärdsplan\ntitel: Plan\ndatum: 2024-02-30\n",
        "SCHEMA",
        3,
        8,
        "Datumet 2024-02-30 finns inte",
    ),
    ("empty file", "organ/styrgrupp.yaml", "", "FIL-TOM", 1, 1, "tom"),
    (
        "top level list",
        "organ/styrgrupp.yaml",
        "- namn: Styrgrupp\n- typ: styrgrupp\n",
        "FIL-TOPPNIVA",
        1,
        1,
        "en lista",
    ),
    (
        "missing key",
        "organ/styrgrupp.yaml",
        "namn: Styrgrupp\n",
        "SCHEMA",
        1,
        1,
        "Obligatorisk nyckel 'typ' saknas",
    ),
    (
        "bad id in file name",
        "organ/Styrgrupp Ny.yaml",
        "namn: S\ntyp: styrgrupp\n",
        "FIL-ID",
        0,
        0,
        "giltigt id",
    ),
]


@pytest.mark.parametrize(
    ("name", "file", "text", "rule", "line", "col", "words"), CASES, ids=[c[0] for c in CASES]
)
def test_bad_input(make_repo, cli, name, file, text, rule, line, col, words) -> None:
    root = make_repo({file: text, **ELSEWHERE})
    found = _findings(root, file)
    assert any(
        r == rule and ln == line and c == col and (words in m or words in h)
        for r, ln, c, m, h in found
    ), found
    # the rest of the repository is still checked
    assert any(f.file == "funktioner/kommundirektor.yaml" for f in validate(load_repo(root)))
    result = cli("validate", root)
    assert result.exit_code == 1
    assert (f"{file}" in result.stdout) and ("Traceback" not in result.output)


def test_not_utf8(make_repo) -> None:
    root = make_repo(ELSEWHERE)
    (root / "organ" / "styrgrupp.yaml").write_bytes(
        "namn: Styrgrupp för trygghet\n".encode("cp1252")
    )
    found = _findings(root, "organ/styrgrupp.yaml")
    assert found[0][:3] == ("FIL-KODNING", 1, 18)
    assert "UTF-8" in found[0][3] and "'ö'" in found[0][3]
    assert "UTF-8" in found[0][4]


def test_utf8_bom_is_accepted(make_repo) -> None:
    root = make_repo()
    path = root / "organ" / "styrgrupp.yaml"
    path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes())
    assert _findings(root, "organ/styrgrupp.yaml") == []


def test_custom_tag_refused(make_repo) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": "namn: !!python/object/apply:os.system ['echo hej']\n"
            "typ: styrgrupp\n"
        }
    )
    found = _findings(root, "organ/styrgrupp.yaml")
    assert ("YAML-TAGG", 1, 7) in [f[:3] for f in found]


def test_alias_bomb_fails_fast(make_repo) -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for i in range(1, 9):
        prev = f"*a{i - 1}"
        lines.append(f"a{i}: &a{i} [{', '.join([prev] * 10)}]")
    root = make_repo({"organ/styrgrupp.yaml": "\n".join(lines) + "\n"})
    found = _findings(root, "organ/styrgrupp.yaml")
    assert found[0][0] == "YAML-STORLEK"


def test_misplaced_folder_is_warned_with_suggestion(make_repo) -> None:
    root = make_repo({"organs/extra.yaml": "namn: X\ntyp: råd\n"})
    found = _findings(root, "organs/")
    assert found and "Menade du 'organ/'?" in found[0][4]


def test_meeting_file_name_must_match(make_repo) -> None:
    root = make_repo(
        {
            "moten/2025/2025-03-01-styrgrupp.yaml": "organ: beredningsgrupp\ndatum: 2025-03-02\n",
            "moten/2025-04-01-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-04-01\n",
        }
    )
    rules = [f.rule for f in validate(load_repo(root))]
    assert rules.count("MOTE-FILNAMN-INNEHALL") == 2
    assert "MOTE-FILNAMN" in rules


# A valid test personnummer (Skatteverket's test series) and a samordningsnummer.
PNR = "19121212-1212"
SAMORDNING = "701063-2391"


@pytest.mark.parametrize(
    ("where", "text", "line"),
    [
        ("value", f"titel: Samordnare\nanmärkning: Kontakta {PNR} vid behov\n", 2),
        ("comment", f"titel: Samordnare\n# elev {SAMORDNING[:6]}-2391\n", 2),
        ("short form", "titel: Samordnare\nanmärkning: 121212-1212\n", 2),
    ],
)
def test_personnummer_is_an_error_without_printing_it(make_repo, cli, where, text, line) -> None:
    root = make_repo({"funktioner/samordnare.yaml": text})
    found = [f for f in validate(load_repo(root)) if f.rule == "PERSONNUMMER"]
    assert found and found[0].file == "funktioner/samordnare.yaml" and found[0].line == line
    result = cli("validate", root)
    assert result.exit_code == 1
    assert "personnummer" in result.stdout or "samordningsnummer" in result.stdout
    assert "1212-1212" not in result.stdout and "2391" not in result.stdout


def test_dates_phone_numbers_and_invalid_checksums_are_not_personnummer(make_repo) -> None:
    root = make_repo(
        {
            "funktioner/samordnare.yaml": "titel: Samordnare\n"
            "anmärkning: 2024-09-02, tel 0701234567, KS 2024/70, 19121212-1213\n"
        }
    )
    assert not [f for f in validate(load_repo(root)) if f.rule == "PERSONNUMMER"]
