"""The public version of the proposal and of drafts (attack round four, B4 and B8): what
`--public` promises holds for every document. Each test failed before its fix."""

from __future__ import annotations

import io
from pathlib import Path

import git
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb.forslag import build
from brottsforeb.render import render, to_pdf

HOLDER = (
    "innehavare:\n  namn: Anna Ödmark\n  e_post: anna.odmark@torsby.se\n  telefon: 0560-160 99\n"
)


def _pdf_text(doc) -> str:
    return " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(to_pdf(doc))).pages)


def test_the_public_proposal_names_no_holder_who_leaves(example) -> None:
    # Before: `render forslag --public` ignored --public (the CLI never passed it): the
    # public tjänsteskrivelse said "innehavare togs bort (var namn: Anna Ödmark, e-post: …,
    # telefon: …)", and the scrub knew only the new revision's holders.
    root: Path = example("torsby")
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("Nuvarande")
    path = root / "funktioner" / "forebyggande-samordnare.yaml"
    original = path.read_text(encoding="utf-8")
    path.write_text(original + HOLDER, encoding="utf-8")
    repo.git.add(A=True)
    repo.index.commit("Innehavare")
    path.write_text(
        original.replace("placering: Fritidsavdelningen", "placering: Kommunledningskontoret"),
        encoding="utf-8",
    )
    normal = build(root, "HEAD")
    assert "Anna Ödmark" in normal.markdown  # the internal version says who leaves
    public = build(root, "HEAD", public=True)
    for text in (public.markdown, _pdf_text(public)):
        for gone in ("Ödmark", "odmark", "160 99"):
            assert gone not in text, gone
    assert "innehavaren ändrades" in public.markdown
    assert "Offentlig version" in public.markdown and public.public


def test_a_personnummer_never_reaches_a_public_draft(example) -> None:
    # Before: `render --draft --public` masked the number in the draft banner and printed
    # it in full three lines further down, in every format.
    root = example("torsby")
    path = root / "atgarder" / "faltarbete.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "mött cirka 300 ungdomar.", "mött cirka 300 ungdomar, bl.a. 19811218-9876 och 811218 9876."
    )
    path.write_text(text, encoding="utf-8")
    repo = load_repo(root)
    errors = [f.message for f in repo.findings]
    (doc,) = render(repo, "atgardsplan", public=True, errors=errors or ["fel"])
    for out in (doc.markdown, _pdf_text(doc)):
        assert "9876" not in out
