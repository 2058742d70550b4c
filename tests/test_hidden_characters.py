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
