"""An id typed as a coordinator writes it (F17): with å, ä, ö or capitals, the hint gives
the id form to write; a person's name where an id belongs gets no invented id."""

from __future__ import annotations

import pytest

from brottsforeb import load_repo, validate

from .conftest import MINIMAL

STYR = MINIMAL["organ/styrgrupp.yaml"]


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("Samordnare", "samordnare"),
        ("kommunpolisen-öst", "kommunpolisen-ost"),
        ("SÄK-Samordnare", "sak-samordnare"),
    ],
)
def test_an_id_with_swedish_letters_or_capitals_is_given_its_form(
    make_repo, written: str, fixed: str
) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": STYR.replace(
                "ordförande: kommundirektor", f"ordförande: {written}"
            )
        }
    )
    [found] = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert found.message == f"'{written}' är inget giltigt id ('ordförande')."
    assert found.hint.startswith(f"Skriv '{fixed}': ")


def test_a_name_where_an_id_belongs_gets_no_invented_id(make_repo) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": STYR.replace(
                "ordförande: kommundirektor", "ordförande: Kalle Anka"
            )
        }
    )
    [found] = [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]
    assert "kalle-anka" not in found.hint
