"""No template seams in any rendered output (#13): every example (the Södra Lappland
collaboration and its members included) × every document × md, pdf, docx and html, and
`bfa overview` as Markdown. A seam is template code, a comment, a Python value (None,
True, []), a doubled space or full stop, or a heading or list glued to the line above."""

from __future__ import annotations

import io
import itertools
import re
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb.render import MARKER, Rendered, render_all, to_docx, to_html, to_pdf

from .conftest import EXAMPLES

REPOS = [
    "torsby",
    "lindesberg",
    "norsjo",
    "sodra-lappland-exempel/samverkan",
    "sodra-lappland-exempel/sorsele",
    "sodra-lappland-exempel/storuman",
]

#: The two machine markers a Markdown rendering carries on purpose (HTML comments, not shown
#: where Markdown is displayed): bfa's own file (may be overwritten), and where the title
#: block ends. No other comment, and none at all in PDF, Word or HTML.
MD_MARKERS = (MARKER, "<!-- bfa:brödtext -->")

SEAMS = [
    ("mallkod", re.compile(r"\{\{|\{%|%\}|\}\}|\{#")),
    ("kommentar", re.compile(r"<!--|-->")),
    ("Python-värde", re.compile(r"\b(None|True|False|nan)\b|\[\]|\{\}|''|\[''")),
    ("dubbelt mellanslag", re.compile(r"(?<=[^\s|])  +(?=[^\s|])")),
    ("dubbel punkt", re.compile(r"(?<![.\\])\.\.(?![./])")),
    ("mellanslag före skiljetecken", re.compile(r"\w [.,;:](?:\s|$)")),
]


def seams(text: str) -> list[tuple[str, str]]:
    return [
        (name, line.strip()[:160])
        for line in text.splitlines()
        for name, rx in SEAMS
        if rx.search(line)
    ]


def glued(markdown: str) -> list[str]:
    """Headings and list items that follow a line of other text without a blank line
    (Markdown then reads them as part of the paragraph above)."""
    out = []
    lines = markdown.splitlines()
    fence = False
    for prev, line in itertools.pairwise(lines):
        if line.startswith("```"):
            fence = not fence
        if fence or not prev.strip():
            continue
        item = re.match(r"[-*] |\d+\. ", line) and not re.match(r"\s*([-*] |\d+\. )", prev)
        if line.startswith("#") or item:
            out.append(line)
    return out


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[Rendered]]:
    return {name: render_all(load_repo(EXAMPLES / name)) for name in REPOS}


def test_markdown_has_no_seams(rendered) -> None:
    bad = []
    for name, docs in rendered.items():
        for doc in docs:
            text = doc.markdown
            for m in MD_MARKERS:
                text = text.replace(m, "")
            text = re.sub(r"```mermaid\n.*?```", "", text, flags=re.S)  # Mermaid's own syntax
            bad += [(name, doc.name, *s) for s in seams(text)]
            bad += [(name, doc.name, "hopklistrad", line) for line in glued(doc.markdown)]
    assert not bad, "\n".join(map(str, bad))


def test_html_and_word_have_no_seams(rendered) -> None:
    bad = []
    for name, docs in rendered.items():
        for doc in docs:
            page = to_html(doc)
            assert "<!--" not in page, (name, doc.name)
            visible = re.sub(r"<(style|svg)\b.*?</\1>", "", page, flags=re.S)
            visible = re.sub(r"<[^>]+>", "\n", visible)
            bad += [(name, doc.name, "html", *s) for s in seams(visible)]
            word = docx.Document(io.BytesIO(to_docx(doc, load_repo(EXAMPLES / name))))
            text = "\n".join(p.text for p in word.paragraphs)
            text += "\n" + "\n".join(
                c.text for t in word.tables for row in t.rows for c in row.cells
            )
            bad += [(name, doc.name, "docx", *s) for s in seams(text)]
    assert not bad, "\n".join(map(str, bad))


def test_pdf_has_no_seams(rendered) -> None:
    bad = []
    for name, docs in rendered.items():
        for doc in docs:
            reader = PdfReader(io.BytesIO(to_pdf(doc)))
            text = "\n".join(p.extract_text() or "" for p in reader.pages)
            # pypdf's spacing is not the page's: only what cannot come from extraction
            for label, rx in SEAMS[:3]:
                for line in text.splitlines():
                    if rx.search(line):
                        bad.append((name, doc.name, label, line[:160]))
    assert not bad, "\n".join(map(str, bad))


def test_overview_markdown_prints_no_template_markers(cli, tmp_path: Path) -> None:
    r = cli("overview", EXAMPLES, "--format", "md")
    assert r.exit_code == 0, r.output
    assert "<!--" not in r.output and "bfa:" not in r.output
    assert not seams(r.output), seams(r.output)
    out = tmp_path / "lan.md"
    r = cli("overview", EXAMPLES, "--format", "md", "-o", out)
    assert r.exit_code == 0, r.output
    assert "<!--" not in out.read_text(encoding="utf-8")


def empty_sections(markdown: str) -> list[str]:
    """Headings with nothing under them before the next heading of the same or a higher
    level (or the end), and tables that have a header row and no rows."""
    out = []
    lines = [x for x in markdown.splitlines() if not x.startswith("<!--")]
    heads = [(i, len(m.group(1))) for i, x in enumerate(lines) if (m := re.match(r"(#+) ", x))]
    for (i, level), nxt in itertools.zip_longest(heads, heads[1:], fillvalue=(len(lines), 0)):
        if not any(x.strip() for x in lines[i + 1 : nxt[0]]) and nxt[1] <= level:
            out.append(f"tom rubrik: {lines[i]}")
    for i, line in enumerate(lines[:-1]):
        after = lines[i + 2] if i + 2 < len(lines) else ""
        header = line.startswith("|") and re.fullmatch(r"\|[-| ]+\|", lines[i + 1])
        if header and not after.startswith("|"):
            out.append(f"tom tabell: {line}")
    return out


def _drop(root: Path, rel: str, key: str | None) -> None:
    """Remove a folder (``key`` None) or one top-level key of a file, as a coordinator
    who has not filled it in yet would have it."""
    path = root / rel
    if key is None:
        shutil.rmtree(path)
        return
    from ruamel.yaml import YAML

    yaml = YAML()
    data = yaml.load(path.read_text(encoding="utf-8"))
    del data[key]
    with path.open("w", encoding="utf-8") as fh:
        yaml.dump(data, fh)


#: Repositories that are not finished: what a new municipality has on its first weeks.
SPARSE = [
    ("torsby", "atgarder", None),
    ("torsby", "moten", None),
    ("torsby", "organ", None),
    ("torsby", "bfa.yaml", "ledning"),
    ("torsby", "organ/lfr.yaml", "uppdrag"),
    ("torsby", "indikatorer/trygghet-centrum.yaml", "mätvärden"),
    ("lindesberg", "atgarder", None),
    ("lindesberg", "dokument/struktur.yaml", "antagen_av"),
    ("norsjo", "moten", None),
]


def test_no_empty_headings_or_tables_in_the_examples(rendered) -> None:
    bad = [
        (name, doc.name, e)
        for name, docs in rendered.items()
        for doc in docs
        for e in empty_sections(doc.markdown)
    ]
    assert not bad, "\n".join(map(str, bad))


@pytest.mark.parametrize(("example", "rel", "key"), SPARSE, ids=lambda v: str(v))
def test_an_unfinished_repository_renders_without_seams(
    tmp_path: Path, example: str, rel: str, key: str | None
) -> None:
    """Every document of a repository with a folder or a key not yet filled in says so in
    a sentence: no heading without text, no table without rows, no template seam."""
    root = tmp_path / example
    shutil.copytree(EXAMPLES / example, root)
    _drop(root, rel, key)
    bad = []
    for doc in render_all(load_repo(root)):
        text = doc.markdown
        for m in MD_MARKERS:
            text = text.replace(m, "")
        text = re.sub(r"```mermaid\n.*?```", "", text, flags=re.S)
        bad += [(doc.name, *s) for s in seams(text)]
        bad += [(doc.name, e) for e in empty_sections(doc.markdown)]
    assert not bad, "\n".join(map(str, bad))


def test_a_new_repository_renders_without_seams(tmp_path: Path) -> None:
    from brottsforeb.scaffold import init_repo

    init_repo(tmp_path / "ale", "Ale kommun")
    docs = render_all(load_repo(tmp_path / "ale"))
    assert {d.name for d in docs} >= {"riktlinje", "atgardsplan", "motesplan", "uppfoljning"}
    bad = [(d.name, e) for d in docs for e in empty_sections(d.markdown)]
    assert not bad, "\n".join(map(str, bad))
    plan = next(d for d in docs if d.name == "atgardsplan").markdown
    assert "Planen innehåller ännu inga åtgärder" in plan
