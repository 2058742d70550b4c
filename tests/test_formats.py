"""--format docx and --format html: the same Markdown, as Word in the municipality's template
and as one self-contained web page; the seeds' facts survive in both."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import docx
import pytest
from docx.shared import Pt
from markdown_it import MarkdownIt

from brottsforeb import RenderError, load_repo
from brottsforeb.render import html_index, render, render_all, to_docx, to_html

from . import _chromium
from .conftest import EXAMPLE_NAMES, EXAMPLES
from .test_meetings import docx_text
from .test_render import pdf_text


def md_paragraphs(markdown: str) -> list[str]:
    """Every block of text a reader sees in the Markdown (headings, paragraphs, cells)."""
    tokens = MarkdownIt("commonmark").enable("table").enable("strikethrough").parse(markdown)
    out = []
    for t in tokens:
        if t.type == "inline" and t.children is not None:
            text = "".join(
                " " if c.type in ("softbreak", "hardbreak") else c.content
                for c in t.children
                if c.type in ("text", "code_inline", "html_inline", "softbreak", "hardbreak")
            )
            text = " ".join(text.split())
            if text and not text.startswith("<!--"):
                out.append(text)
    return out


class _Text(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.headings: list[int] = []
        self.skip = 0
        self.urls: list[str] = []
        self.th = 0
        self.lang = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("style", "title"):
            self.skip += 1
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
        if tag == "th":
            self.th += 1
        if tag == "html":
            self.lang = dict(attrs).get("lang") or ""
        for name, value in attrs:
            if name in ("href", "src", "xlink:href", "action", "data", "poster") and value:
                self.urls.append(value)

    def handle_endtag(self, tag: str) -> None:
        if tag in ("style", "title"):
            self.skip -= 1

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join(" ".join(self.parts).split())


def parse_html(page: str) -> _Text:
    p = _Text()
    p.feed(page)
    return p


@pytest.fixture(scope="module")
def torsby_docs():
    repo = load_repo(EXAMPLES / "torsby")
    return repo, render_all(repo)


# -- Word -------------------------------------------------------------------------------------


def test_docx_has_word_headings_tables_lists_picture_and_page_numbers(torsby_docs) -> None:
    repo, docs = torsby_docs
    doc = next(d for d in docs if d.name == "riktlinje")
    data = to_docx(doc, repo)
    word = docx.Document(io.BytesIO(data))
    styles = [(p.style.name, p.text) for p in word.paragraphs]
    assert styles[0] == ("Heading 1", "Riktlinje för Torsby kommuns brottsförebyggande arbete")
    headings = [t for s, t in styles if s == "Heading 2"]
    assert headings[:4] == [
        "Inledning",
        "Syfte med riktlinjen",
        "Intressenter",
        "Dokumenthantering",
    ]
    assert any(s == "List Bullet" for s, _ in styles)
    decision = word.tables[0]  # the decision block is a Word table
    rows = [[c.text for c in r.cells] for r in decision.rows]
    assert ["Paragraf", "§ 142"] in rows
    assert decision.rows[0].cells[0].paragraphs[0].runs[0].bold
    assert len(word.inline_shapes) == 1  # the org chart, as a picture
    footer = word.sections[0].footer._element.xml
    assert "PAGE" in footer and "NUMPAGES" in footer
    assert "Torsby kommun" in word.sections[0].header.paragraphs[0].text
    assert word.core_properties.title == doc.title
    assert data == to_docx(doc, repo)  # byte-identical for identical input


def test_docx_and_html_keep_every_paragraph_of_the_markdown() -> None:
    for name in EXAMPLE_NAMES:
        repo = load_repo(EXAMPLES / name)
        for doc in render_all(repo):
            word = docx_text(to_docx(doc, repo))
            page = parse_html(to_html(doc)).text
            for para in md_paragraphs(doc.markdown):
                assert para in word, (name, doc.name, "docx", para)
                assert para in page, (name, doc.name, "html", para)


def test_seed_facts_on_docx_and_html(torsby_docs) -> None:
    repo, docs = torsby_docs
    doc = next(d for d in docs if d.name == "riktlinje")
    facts = [
        "2024-09-02",
        "§ 142",
        "minst vart fjärde år eller oftare vid behov",
        "Mimmi Adolfsson och Kicki Lech",
        "Ordförande: Verksamhetschef IFO",
        "Företrädare för Torsby Bostäder AB",
        "minnesanteckningar som diarieförs i kommunstyrelsens diarium",
        "En operativ lägesbild tas fram tre gånger per år",
        "Länsstyrelsen Värmland",
    ]
    for text in (docx_text(to_docx(doc, repo)), parse_html(to_html(doc)).text):
        missing = [f for f in facts if f not in text]
        assert not missing, missing
    lind = load_repo(EXAMPLES / "lindesberg")
    org = render(lind, "organisation")[0]
    for text in (docx_text(to_docx(org, lind)), parse_html(to_html(org)).text):
        for fact in ("§ 58", "KS 2024/70", "LindeBRÅ", "Microsoft Teams", "Besök Linde AB"):
            assert fact in text, fact


def _municipal_template(path: Path) -> None:
    """A template as a municipality keeps one: own header, a heading font, text to drop."""
    t = docx.Document()
    t.sections[0].header.paragraphs[0].text = "TESTBY KOMMUN – Kommunledningskontoret"
    t.sections[0].footer.paragraphs[0].text = "Testby kommun · Storgatan 1"
    h1 = t.styles["Heading 1"]
    h1.font.name = "Georgia"
    h1.font.size = Pt(24)
    t.add_paragraph("Skriv din text här")
    path.parent.mkdir(parents=True, exist_ok=True)
    t.save(str(path))


def test_municipal_template_gives_header_and_heading_style(make_repo, cli, tmp_path) -> None:
    root = make_repo()
    _municipal_template(root / "mallar" / "dokumentmall.docx")
    out = tmp_path / "riktlinje.docx"
    result = cli("render", "riktlinje", root, "-f", "docx", "-o", out)
    assert result.exit_code == 0, result.output
    word = docx.Document(str(out))
    assert word.sections[0].header.paragraphs[0].text == "TESTBY KOMMUN – Kommunledningskontoret"
    footer = [p.text for p in word.sections[0].footer.paragraphs]
    assert footer[0] == "Testby kommun · Storgatan 1"
    assert "PAGE" in word.sections[0].footer._element.xml  # page numbers are added
    assert word.styles["Heading 1"].font.name == "Georgia"
    assert word.paragraphs[0].style.name == "Heading 1"
    assert "Skriv din text här" not in docx_text(out.read_bytes())  # the template's own text


def test_template_without_word_styles(make_repo) -> None:
    """A template made outside Word (no Heading, List or Table Grid styles) still works."""
    root = make_repo()
    t = docx.Document()
    for name in ("Table Grid", "List Bullet", "List Number", "Heading 1", "Heading 2"):
        el = t.styles[name].element
        el.getparent().remove(el)
    el = t.styles["Normal Table"].element
    el.getparent().remove(el)
    (root / "mallar").mkdir()
    t.save(str(root / "mallar" / "dokumentmall.docx"))
    repo = load_repo(root)
    word = docx.Document(io.BytesIO(to_docx(render(repo, "riktlinje")[0], repo)))
    assert word.paragraphs[0].style.name == "Heading 1"  # added, with an outline level
    assert "w:outlineLvl" in word.styles["Heading 1"].element.xml
    assert any(p.text.startswith("• ") for p in word.paragraphs)
    assert "w:tblBorders" in word.tables[0]._tbl.xml


def test_template_path_from_bfa_yaml(make_repo, cli, tmp_path) -> None:
    root = make_repo()
    _municipal_template(root / "mallar" / "kommunen.docx")
    (root / "bfa.yaml").write_text(
        (root / "bfa.yaml").read_text(encoding="utf-8") + "dokumentmall: mallar/kommunen.docx\n",
        encoding="utf-8",
    )
    out = tmp_path / "a.docx"
    assert cli("render", "atgardsplan", root, "-f", "docx", "-o", out).exit_code == 0
    assert docx.Document(str(out)).styles["Heading 1"].font.name == "Georgia"
    (root / "mallar" / "kommunen.docx").unlink()
    result = cli("render", "atgardsplan", root, "-f", "docx", "-o", out)
    assert result.exit_code == 2
    assert "Word-mallen 'mallar/kommunen.docx' som bfa.yaml anger finns inte" in result.output


def test_broken_template_is_a_swedish_error(make_repo) -> None:
    root = make_repo()
    (root / "mallar").mkdir()
    (root / "mallar" / "dokumentmall.docx").write_bytes(b"inte en zip")
    repo = load_repo(root)
    with pytest.raises(RenderError, match=r"Word-mallen dokumentmall\.docx kunde inte läsas"):
        to_docx(render(repo, "riktlinje")[0], repo)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice saknas")
def test_docx_opens_in_libreoffice(torsby_docs, tmp_path: Path) -> None:
    repo, docs = torsby_docs
    doc = next(d for d in docs if d.name == "riktlinje")
    src = tmp_path / "riktlinje.docx"
    src.write_bytes(to_docx(doc, repo))
    subprocess.run(
        [
            "soffice",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path),
            str(src),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    text = pdf_text((tmp_path / "riktlinje.pdf").read_bytes())
    assert "Riktlinje för Torsby kommuns brottsförebyggande arbete" in text
    assert "Mimmi Adolfsson och Kicki Lech" in text


# -- HTML -------------------------------------------------------------------------------------


def test_html_is_self_contained_and_accessible(torsby_docs) -> None:
    _repo, docs = torsby_docs
    for doc in docs:
        page = to_html(doc)
        p = parse_html(page)
        assert p.lang == "sv"
        assert p.headings[0] == 1 and p.headings.count(1) == 1, doc.name
        for a, b in zip(p.headings, p.headings[1:], strict=False):
            assert b <= a + 1, (doc.name, "rubriknivå hoppas över", a, b)
        assert all(not re.match(r"^[a-z]+:", u) for u in p.urls), (doc.name, p.urls)
        assert "<script" not in page and "@import" not in page and "url(" not in page
        assert "@media print" in page
        if "<table" in page:
            assert p.th > 0
    riktlinje = to_html(next(d for d in docs if d.name == "riktlinje"))
    assert '<svg role="img" aria-label="Organisationsschema"' in riktlinje
    assert "mermaid" not in riktlinje


def test_html_escapes_values(make_repo) -> None:
    root = make_repo()
    (root / "bfa.yaml").write_text(
        (root / "bfa.yaml")
        .read_text(encoding="utf-8")
        .replace("namn: Testby kommun", "namn: '<script>alert(1)</script> kommun'"),
        encoding="utf-8",
    )
    page = to_html(render(load_repo(root), "riktlinje")[0])
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_control_characters_do_not_break_word(make_repo, cli, tmp_path) -> None:
    root = make_repo()
    (root / "bfa.yaml").write_text(
        (root / "bfa.yaml")
        .read_text(encoding="utf-8")
        .replace("namn: Testby kommun", 'namn: "Testby\\a kommun"'),
        encoding="utf-8",
    )
    out = tmp_path / "r.docx"
    # a control character is an error (YAML-STYRTECKEN, #16); a draft still makes a valid file
    result = cli("render", "riktlinje", root, "-f", "docx", "-o", out, "--draft")
    assert result.exit_code == 0, result.output
    assert "Testby" in docx_text(out.read_bytes())


def test_render_all_html_writes_an_index(cli, tmp_path: Path) -> None:
    out = tmp_path / "webb"
    result = cli("render", "--all", EXAMPLES / "torsby", "-f", "html", "-o", out)
    assert result.exit_code == 0, result.output
    index = (out / "index.html").read_text(encoding="utf-8")
    links = re.findall(r'href="([^"]+)"', index)
    assert "riktlinje.html" in links and "motesplan.html" in links
    for link in links:
        assert (out / link).is_file()
    repo = load_repo(EXAMPLES / "torsby")
    assert index == html_index(repo, render_all(repo))
    # Pages written with the index link back to it; a page written alone links nowhere.
    assert 'href="index.html"' in (out / "riktlinje.html").read_text(encoding="utf-8")
    alone = tmp_path / "riktlinje.html"
    assert cli("render", "riktlinje", EXAMPLES / "torsby", "-f", "html", "-o", alone).exit_code == 0
    assert "href=" not in alone.read_text(encoding="utf-8")


def test_several_formats_in_one_command(cli, tmp_path: Path) -> None:
    out = tmp_path / "alla"
    result = cli(
        "render",
        "--all",
        EXAMPLES / "norsjo",
        "-o",
        out,
        *["-f", "md", "-f", "pdf", "-f", "docx", "-f", "html"],
    )
    assert result.exit_code == 0, result.output
    for ext in ("md", "pdf", "docx", "html"):
        assert (out / f"riktlinje.{ext}").is_file(), ext
    assert (out / "index.html").is_file()
    one = tmp_path / "en"
    one.mkdir()
    result = cli(
        "render",
        "kallelse",
        "styrgrupp",
        "2026-10-07",
        EXAMPLES / "norsjo",
        "-o",
        one,
        "-f",
        "pdf",
        "-f",
        "docx",
    )
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in one.iterdir()) == [
        "kallelse-2026-10-07-styrgrupp.docx",
        "kallelse-2026-10-07-styrgrupp.pdf",
    ]
    result = cli(
        "render",
        "riktlinje",
        EXAMPLES / "norsjo",
        "-o",
        tmp_path / "x.pdf",
        "-f",
        "pdf",
        "-f",
        "docx",
    )
    assert result.exit_code == 2 and "flera format skrivs till en mapp" in result.output


@pytest.mark.skipif(_chromium.chromium() is None, reason="Chromium saknas")
def test_torsby_html_in_chromium(cli, tmp_path: Path) -> None:
    out = tmp_path / "webb"
    assert cli("render", "--all", EXAMPLES / "torsby", "-f", "html", "-o", out).exit_code == 0
    for name in ("index", "riktlinje"):
        page = out / f"{name}.html"
        report = _chromium.open_page(page)
        assert report.console_errors == [], report.console_errors
        assert report.requests == [page.resolve().as_uri()], report.requests
        assert report.screenshot.startswith(b"\x89PNG")
    assert report.title == "Riktlinje för Torsby kommuns brottsförebyggande arbete"
