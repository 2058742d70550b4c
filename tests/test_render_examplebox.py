"""The example box names exactly the example values the document shows (L1): a value marked
by key in bfa.yaml or an entity file is named by a document that shows it and by no other."""

from __future__ import annotations

import re
from pathlib import Path

from brottsforeb import load_repo
from brottsforeb.render import render_all

SENTINEL = "Kvarnbygden"


def _mark(path: Path, key: str) -> None:
    """Add ``key`` to the file's ``exempeldata: [...]`` list (or start one)."""
    text = path.read_text(encoding="utf-8")
    m = re.search(r"^exempeldata: \[(.*)\]$", text, re.M)
    if m:
        text = text.replace(m.group(0), f"exempeldata: [{m.group(1)}, {key}]")
    else:
        text = f"exempeldata: [{key}]\n" + text
    path.write_text(text, encoding="utf-8")


def test_a_bfa_yaml_value_is_named_only_where_it_is_shown(example) -> None:
    root = example("norsjo")
    bfa = root / "bfa.yaml"
    bfa.write_text(
        bfa.read_text(encoding="utf-8").replace(
            "lokalpolisområde: Skellefteå", f"lokalpolisområde: {SENTINEL}"
        ),
        encoding="utf-8",
    )
    _mark(bfa, "lokalpolisområde")
    docs = render_all(load_repo(root))
    showing = [d.name for d in docs if SENTINEL in d.markdown]
    naming = [d.name for d in docs if any("lokalpolisområde" in e for e in d.example)]
    assert showing, "no document shows the police area: the test proves nothing"
    assert len(showing) < len(docs), "every document shows it: the test proves nothing"
    assert sorted(naming) == sorted(showing)


def test_norsjo_organisation_names_leadership_but_not_reporting(example) -> None:
    """bfa.yaml marks [ledning, rapportering, uppföljning]; the organisation shows only who
    leads the work, the riktlinje shows all three."""
    docs = {d.name: d for d in render_all(load_repo(example("norsjo")))}
    org = [e for e in docs["organisation"].example if e.startswith("bfa.yaml")]
    assert org == ["bfa.yaml (ledning)"]
    assert "rapportering" not in docs["organisation"].markdown.split("**Exempeldata.**")[1][:400]
    rikt = [e for e in docs["riktlinje"].example if e.startswith("bfa.yaml")]
    assert rikt == ["bfa.yaml (ledning, rapportering, uppföljning)"]
    for name in ("atgardsplan", "lagesbild", "motesplan", "medborgarloften"):
        assert not [e for e in docs[name].example if e.startswith("bfa.yaml")], name


def test_an_entity_value_marked_by_key_is_named_only_where_it_is_shown(example) -> None:
    root = example("torsby")
    path = root / "funktioner" / "fritidskonsulent.yaml"
    text = path.read_text(encoding="utf-8")
    assert "exempeldata: [ersättare]" in text
    path.write_text(
        text.replace("exempeldata: [ersättare]", "exempeldata: [ersättare, anmärkning]")
        + f"anmärkning: {SENTINEL}\n",
        encoding="utf-8",
    )
    docs = render_all(load_repo(root))
    for d in docs:
        assert SENTINEL not in d.markdown, d.name  # the note is shown nowhere
        named = [e for e in d.example if e.startswith("funktioner/fritidskonsulent.yaml")]
        assert not any("anmärkning" in e for e in named), (d.name, named)
