"""'Menade du …': a word bfa does not know is answered with the one it knows, whether the
user typed å, ä and ö where an id has a, a and o, or the other way round (F17), and the
hint is built by one helper (D5)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from brottsforeb import load_repo, validate
from brottsforeb._messages import did_you_mean, suggest

from .conftest import MINIMAL

#: (file, text with a Swedish spelling of an existing id, the key, the id meant).
#: One of each kind of reference: a single value, a list item, either of two kinds,
#: a meeting's attendees, a document's body.
SWEDISH_IDS = [
    ("atgarder/belysning.yaml", "ansvarig: samordnare\n", "ansvarig: sämördnare\n", "samordnare"),
    (
        "organ/arbetsgrupp.yaml",
        "tillsätts_av: beredningsgrupp\n",
        "tillsätts_av: beredningsgruppén\n",
        "beredningsgrupp",
    ),
    (
        "organ/styrgrupp.yaml",
        "ledamöter: [kommundirektor, kommunpolis, samordnare]\n",
        "ledamöter: [kommundirektör, kommunpolis, samordnare]\n",
        "kommundirektor",
    ),
    (
        "organ/styrgrupp.yaml",
        "ordförande: kommundirektor\n",
        "ordförande: Kommundirektör\n",
        "kommundirektor",
    ),
    (
        "dokument/atgardsplan.yaml",
        "antagen_av: kommunstyrelsen\n",
        "antagen_av: kommunstyrelsén\n",
        "kommunstyrelsen",
    ),
]


def _names(text: str, meant: str) -> bool:
    """The hint gives ``meant``: as the value written as an id, when that is the id
    ("Skriv 'x': …"), or as the nearest id ("Menade du 'x'?")."""
    return f"Skriv '{meant}': " in text or f"enade du '{meant}'?" in text


def _meant(root: Path, file: str) -> list[str]:
    return [
        f"{f.line}:{f.column} {f.message} {f.hint}"
        for f in validate(load_repo(root))
        if f.file == file and f.rule == "SCHEMA"
    ]


@pytest.mark.parametrize(("file", "old", "new", "meant"), SWEDISH_IDS, ids=lambda x: str(x)[:20])
def test_an_id_typed_with_a_ring_or_dots_is_told_the_id_it_meant(
    make_repo, file: str, old: str, new: str, meant: str
) -> None:
    text = textwrap.dedent(MINIMAL[file]).lstrip("\n")
    assert old in text
    root = make_repo({file: text.replace(old, new)})
    found = _meant(root, file)
    assert len(found) == 1, found
    assert _names(found[0], meant), found
    line = next(i for i, row in enumerate(text.splitlines(), 1) if row == old.rstrip("\n"))
    assert found[0].startswith(f"{line}:"), found


def test_a_meetings_attendee_and_a_lagesbild_author_either_kind(make_repo) -> None:
    root = make_repo(
        {
            "moten/2025/2025-03-01-styrgrupp.yaml": (
                "organ: styrgrupp\ndatum: 2025-03-01\nstatus: hållet\n"
                "närvarande: [kommundirektör, samordnare]\n"
            ),
        }
    )
    found = _meant(root, "moten/2025/2025-03-01-styrgrupp.yaml")
    assert any(_names(f, "kommundirektor") for f in found), found
    lb = (root / "lagesbilder/lb.yaml").read_text(encoding="utf-8")
    (root / "lagesbilder/lb.yaml").write_text(
        lb + "framtagen_av: [beredningsgruppen]\n", encoding="utf-8"
    )
    found = _meant(root, "lagesbilder/lb.yaml")
    assert not found  # an ascii near miss is REF-SAKNAS's, with its own suggestion
    (root / "lagesbilder/lb.yaml").write_text(
        lb + "framtagen_av: [beredningsgruppén]\n", encoding="utf-8"
    )
    found = _meant(root, "lagesbilder/lb.yaml")
    assert any("Något sådant id finns inte; menade du 'beredningsgrupp'?" in f for f in found)


def test_no_suggestion_when_nothing_is_near(make_repo) -> None:
    root = make_repo({"atgarder/belysning.yaml": None, "dokument/overenskommelse.yaml": None})
    text = (root / "organ/styrgrupp.yaml").read_text(encoding="utf-8")
    (root / "organ/styrgrupp.yaml").write_text(
        text.replace("ordförande: kommundirektor", "ordförande: Kalle Anka"), encoding="utf-8"
    )
    found = _meant(root, "organ/styrgrupp.yaml")
    assert len(found) == 1 and "Menade du" not in found[0], found


def test_a_part_and_a_new_id_get_the_written_form(make_repo) -> None:
    """Where bfa has no list of ids to choose from (a reference into a lägesbild's parts;
    an id being defined) the hint is the value written as an id, when that is one."""
    root = make_repo()
    text = (root / "atgarder/belysning.yaml").read_text(encoding="utf-8")
    (root / "atgarder/belysning.yaml").write_text(
        text.replace("problem: [lb/klotter]", "problem: [lb/Klötter]"), encoding="utf-8"
    )
    assert any("Menade du 'lb/klotter'?" in f for f in _meant(root, "atgarder/belysning.yaml"))
    lb = (root / "lagesbilder/lb.yaml").read_text(encoding="utf-8")
    (root / "lagesbilder/lb.yaml").write_text(
        lb.replace("- id: morkt", "- id: mörkt"), encoding="utf-8"
    )
    assert any("Skriv 'morkt': " in f for f in _meant(root, "lagesbilder/lb.yaml"))


def test_set_with_a_swedish_spelling_is_refused_with_the_id(cli, make_repo) -> None:
    root = make_repo()
    r = cli("set", "atgarder/belysning", "ansvarig", "kommunpolís", root)
    assert r.exit_code != 0
    assert _names(r.output, "kommunpolis"), r.output
    assert "ansvarig: samordnare" in (root / "atgarder/belysning.yaml").read_text("utf-8")


@pytest.mark.parametrize(
    ("args", "meant"),
    [
        (("new", "mote", "styrgrüpp", "--date", "2026-12-01"), "Menade du 'styrgrupp'?"),
        (("new", "mote", "beredningsgruppén", "--date", "2026-12-01"), "'beredningsgrupp'"),
        (("set", "kommundirektör", "titel", "X"), "Menade du 'funktioner/kommundirektor'?"),
        (("render", "kallelse", "styrgrüpp", "2026-12-01"), "Menade du 'styrgrupp'?"),
        (("new", "organ", "Ny", "--type", "styrgrüpp"), "Menade du 'styrgrupp'?"),
    ],
)
def test_command_line_words_with_and_without_dots(cli, make_repo, args, meant) -> None:
    root = make_repo()
    r = cli(*args, root)
    assert r.exit_code == 2, r.output
    assert meant in r.output, r.output


@pytest.mark.parametrize(
    ("word", "choices", "meant"),
    [
        ("trygghetsråd", ["styrgrupp", "trygghetsradet"], "trygghetsradet"),
        ("forebyggande-samordnare", ["förebyggande-samordnare"], "förebyggande-samordnare"),
        ("ledamoter", ["ordförande", "ledamöter"], "ledamöter"),
        ("pagaende", ["planerad", "pågående", "avslutad"], "pågående"),
        ("STYRGRUPP", ["styrgrupp"], "styrgrupp"),
        ("grön", ["gron", "grön"], "grön"),  # equally near folded: as written wins
        ("gron", ["gron", "grön"], "gron"),
        ("qqqqqq", ["styrgrupp"], None),
    ],
)
def test_suggest_folds_case_and_accents(word: str, choices: list[str], meant: str | None) -> None:
    assert suggest(word, choices) == meant


def test_did_you_mean_is_the_one_hint() -> None:
    assert did_you_mean("styrgrup", ["lfr", "styrgrupp"], "Organ") == (
        "Menade du 'styrgrupp'? Organ: lfr, styrgrupp."
    )
    assert did_you_mean("qqq", ["lfr", "styrgrupp"], "Organ") == "Organ: lfr, styrgrupp."
    assert did_you_mean("qqq", ["lfr"]) == ""
    assert did_you_mean("styrgrup", ["styrgrupp"], show="'organ/{}'".format) == (
        "Menade du 'organ/styrgrupp'?"
    )
    many = [f"id{i:02}" for i in range(20)]
    assert did_you_mean("x", many, "Det finns", limit=3) == "Det finns: id00, id01, id02…"
    assert did_you_mean("id19", many, "Dagar", listed=many[-2:]) == (
        "Menade du 'id19'? Dagar: id18, id19."
    )


def test_many_bad_ids_are_searched_for_the_first_twenty_only(make_repo) -> None:
    """A file of thousands of misspelt ids must not compare each with every id (a search
    per id): the first twenty get a 'Menade du', the rest the rule alone."""
    members = "".join(f"  - kommundirektör{i}\n" for i in range(30))
    root = make_repo({"organ/styrgrupp.yaml": f"namn: S\ntyp: styrgrupp\nledamöter:\n{members}"})
    found = [f for f in load_repo(root).findings if f.file == "organ/styrgrupp.yaml"]
    assert len(found) == 30
    assert sum("menade du 'kommundirektor'?" in f.hint for f in found) == 20
