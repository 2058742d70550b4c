"""Characters that do not show, in keys and ids (#16, A13).

Word and web pages paste a no-break space, a zero-width space or a soft hyphen where
the eye sees nothing. A key holding one is read as the key it looks like, with a
warning that names the character and where it stands; an id holding one is an error
that says so (before: "Okänd nyckel 'namn\\u00a0'" beside "Obligatorisk nyckel 'namn'
saknas", and "'samordnare' är inget giltigt id" with the id looking right).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from brottsforeb import load_repo, validate

from .conftest import MINIMAL

HIDDEN = {
    "no-break space": ("\u00a0", "U+00A0 (hårt mellanslag)"),
    "zero-width space": ("\u200b", "U+200B (nollbreddsmellanslag)"),
    "zero-width joiner": ("\u200d", "U+200D (nollbreddsfog)"),
    "soft hyphen": ("\u00ad", "U+00AD (mjukt bindestreck)"),
    "word joiner": ("\u2060", "U+2060 (ordfog)"),
    "narrow no-break space": ("\u202f", "U+202F (smalt hårt mellanslag)"),
    # default-ignorable outside Zs/Cf (E1): a filler, a combining joiner, a selector
    "hangul filler": ("\u3164", "U+3164 (osynligt tecken)"),
    "combining grapheme joiner": ("\u034f", "U+034F (osynligt tecken)"),
    "variation selector": ("\ufe0f", "U+FE0F (osynligt tecken)"),
}


@pytest.mark.parametrize("name", list(HIDDEN))
@pytest.mark.parametrize("at", [0, 2, 4])
def test_a_key_with_a_hidden_character_is_read_as_meant_and_named(
    make_repo, name: str, at: int
) -> None:
    char, described = HIDDEN[name]
    key = "namn"[:at] + char + "namn"[at:]
    root: Path = make_repo(
        {"organ/styrgrupp.yaml": MINIMAL["organ/styrgrupp.yaml"].replace("namn:", f"{key}:", 1)}
    )
    repo = load_repo(root)
    found = validate(repo)
    assert [f.rule for f in found] == ["YAML-OSYNLIGT"], found
    where = "först" if at == 0 else f"efter '{'namn'[:at]}'"
    assert found[0].message == (
        f"Nyckeln 'namn' innehåller ett tecken som inte syns: {described} {where}. "
        "Den läses som 'namn'."
    )
    assert found[0].file == "organ/styrgrupp.yaml" and found[0].line >= 1
    assert repo.organ["styrgrupp"].name == "Styrgrupp"


def test_an_id_with_a_hidden_character_says_so(make_repo) -> None:
    text = MINIMAL["organ/styrgrupp.yaml"]
    assert "sammankallande: samordnare" in text
    root = make_repo(
        {
            "organ/styrgrupp.yaml": text.replace(
                "sammankallande: samordnare", "sammankallande: \u200bsamordnare"
            )
        }
    )
    found = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert len(found) == 1, found
    assert "'samordnare' i 'sammankallande[1]' innehåller ett tecken som inte syns" in (
        found[0].message
    )
    assert "U+200B (nollbreddsmellanslag) först" in found[0].message


def test_a_key_of_nothing_but_hidden_characters_says_so(make_repo) -> None:
    # E3: "Okänd nyckel '(filen)'" and "Den läses som ''" for a key of a zero-width space.
    text = MINIMAL["organ/styrgrupp.yaml"].replace(
        "typ: styrgrupp", 'typ: styrgrupp\n        "\u200b": hej'
    )
    root = make_repo({"organ/styrgrupp.yaml": text})
    found = [f for f in validate(load_repo(root)) if f.file == "organ/styrgrupp.yaml"]
    hidden = [f.message for f in found if f.rule == "YAML-OSYNLIGT"]
    assert hidden == [
        "En nyckel består bara av tecken som inte syns (U+200B (nollbreddsmellanslag) först); "
        "den läses inte."
    ]
    assert not any("(filen)" in f.message for f in found)


# -- bfa set finds the key the reader reads (E11) -----------------------------------------


def _set(root: Path, *args: str) -> tuple[int, str]:
    from typer.testing import CliRunner

    from brottsforeb.cli import app

    r = CliRunner().invoke(app, ["set", "-C", str(root), *args])
    return r.exit_code, r.output


@pytest.mark.parametrize("name", list(HIDDEN))
@pytest.mark.parametrize("quote", ["", '"', "'"])
def test_set_edits_the_key_the_reader_reads_and_writes_it_clean(
    make_repo, name: str, quote: str
) -> None:
    # Before: validate read 'mandat\u00a0:' as 'mandat', set looked for the raw key,
    # added a second 'mandat:' and refused the duplicate it had written itself.
    char, _described = HIDDEN[name]
    text = MINIMAL["organ/styrgrupp.yaml"].replace("mandat:", f"{quote}man{char}dat{quote}:", 1)
    root: Path = make_repo({"organ/styrgrupp.yaml": text})
    code, out = _set(root, "organ/styrgrupp", "mandat", "Beslutar om allt")
    assert code == 0, out
    assert "mandat ändrat från ”Beslutar om inriktningen.” till ”Beslutar om allt”" in out
    assert "Nyckeln 'mandat' skrevs om utan det osynliga tecknet." in out
    written = (root / "organ/styrgrupp.yaml").read_text(encoding="utf-8")
    assert char not in written and written.count("mandat") == 2, written  # + uppdrag
    assert f"{quote}mandat{quote}: Beslutar om allt" in written, written
    assert validate(load_repo(root)) == []


def test_set_finds_a_hidden_character_in_a_parent_key_and_removes_through_it(make_repo) -> None:
    text = MINIMAL["organ/styrgrupp.yaml"].replace("möten:", "mö\u200bten:", 1)
    root: Path = make_repo({"organ/styrgrupp.yaml": text})
    code, out = _set(root, "organ/styrgrupp", "möten.antal", "4")
    assert code == 0, out
    assert "möten.antal ändrat från 2 till 4" in out and "'möten' skrevs om" in out
    assert "möten: {antal: 4, per: år}" in (root / "organ/styrgrupp.yaml").read_text("utf-8")
    text = MINIMAL["organ/styrgrupp.yaml"].replace("ledamöter:", "ledamöter\u00a0:", 1)
    (root / "organ/styrgrupp.yaml").write_text(text, encoding="utf-8")
    code, out = _set(root, "organ/styrgrupp", "ledamöter", "kommunpolis", "--remove")
    assert code == 0, out
    written = (root / "organ/styrgrupp.yaml").read_text("utf-8")
    assert "ledamöter: [kommundirektor, samordnare]" in written, written


def test_set_prefers_the_key_written_exactly() -> None:
    # Both 'namn' and 'namn\u00a0' present: the reader calls that a duplicate; set must
    # not pick the hidden one when the exact key exists.
    from brottsforeb._edit_text import clean_keys, edit_text

    text = "namn: A\nnamn\u00a0: B\n"
    assert clean_keys(text, ("namn",)) == (text, [])
    assert edit_text(text, ("namn",), "C")[0] == "namn: C\nnamn\u00a0: B\n"
