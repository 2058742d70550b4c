"""Markdown → Word (.docx) with python-docx, in the municipality's own template.

The Markdown is parsed with markdown-it-py, like for the PDF, and written with real Word
styles: headings (the navigation pane works), lists, tables (the decision block too), the
org chart as a picture, and page numbers in the footer. The municipality's template
(``mallar/dokumentmall.docx``, or the path ``dokumentmall`` in bfa.yaml) gives the styles,
header, footer and logo; without one, bfa builds its plain template in code from
python-docx's default, so the same input gives the same bytes.
"""

from __future__ import annotations

import datetime as dt
import functools
import io
import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import RenderError

if TYPE_CHECKING:
    from ..repo import Repo
    from . import Rendered

__all__ = ["DOCX_MARKER", "TEMPLATE_PATH", "template_path", "to_docx"]

#: Written as the zip comment of every .docx bfa writes (readable without unpacking).
DOCX_MARKER = b"bfa-rendering"
#: Characters XML 1.0 cannot hold (a YAML "\a" can carry them); Word would refuse the file.
_XML_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
#: Where a repository keeps its Word template, unless bfa.yaml names another path.
TEMPLATE_PATH = "mallar/dokumentmall.docx"


def template_path(repo: Repo) -> Path | None:
    """The municipality's Word template, or None for bfa's plain one."""
    root = repo.root
    if root is None:
        return None
    named = repo.kommun.word_template if repo.kommun else None
    path = (root / (named or TEMPLATE_PATH)).resolve()
    if not path.is_relative_to(root.resolve()):  # also the default path through a link
        raise RenderError(
            f"Word-mallen '{named or TEMPLATE_PATH}' ligger (genom en länk) utanför förrådet "
            "och används inte.",
            hint=f"Lägg mallen i förrådet, t.ex. som {TEMPLATE_PATH}.",
        )
    if path.is_file():
        return path
    if named:
        raise RenderError(
            f"Word-mallen '{named}' som bfa.yaml anger finns inte.",
            hint=f"Rätta sökvägen under dokumentmall i bfa.yaml, eller lägg mallen i "
            f"{TEMPLATE_PATH}.",
        )
    return None


def _open_template(path: Path | None) -> Any:
    from docx import Document

    if path is None:
        return Document()
    from ._wordmall import check_template_size

    check_template_size(path)
    try:
        doc = Document(str(path))
    except Exception as exc:  # python-docx raises several kinds for a broken file
        raise RenderError(
            f"Word-mallen {path.name} kunde inte läsas: {exc}",
            hint="Spara mallen på nytt som Word-dokument (.docx), eller ta bort den för att "
            "använda bfa:s egen mall.",
        ) from None
    body = doc.element.body
    for child in list(body):  # keep the section properties (page, header, footer), not text
        if not child.tag.endswith("}sectPr"):
            body.remove(child)
    return doc


def _field(paragraph: Any, code: str) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    fld = OxmlElement("w:fldSimple")
    fld.set(qn("w:instr"), f" {code} ")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    fld.append(run)
    paragraph._p.append(fld)


def _has_page_field(part: Any) -> bool:
    return "PAGE" in "".join(part._element.xml.split())


def _plain_style(doc: Any, kommun: str, title: str) -> None:
    """bfa's own template: a readable body font, header with the municipality and title."""
    from docx.shared import Mm, Pt, RGBColor

    normal = doc.styles["Normal"]
    normal.font.name = "Calibri"
    normal.font.size = Pt(11)
    for level, size in ((1, 20), (2, 15), (3, 12.5)):
        style = doc.styles[f"Heading {level}"]
        style.font.color.rgb = RGBColor(0x0B, 0x4F, 0x8A)
        style.font.size = Pt(size)
    section = doc.sections[0]
    section.page_width, section.page_height = Mm(210), Mm(297)  # A4, not Letter
    section.left_margin = section.right_margin = Mm(23)
    section.top_margin = section.bottom_margin = Mm(24)
    head = section.header.paragraphs[0]
    run = head.add_run(_XML_UNSAFE.sub("", f"{kommun} · {title[:90]}" if kommun else title[:90]))
    run.font.size = Pt(8.5)
    run.font.color.rgb = RGBColor(0x55, 0x55, 0x55)


def _page_numbers(doc: Any, public: bool) -> None:
    footer = doc.sections[0].footer
    if _has_page_field(footer):
        return
    p = footer.add_paragraph()
    p.add_run("Offentlig version · " if public else "Skrivet av bfa · ")
    p.add_run("Sida ")
    _field(p, "PAGE")
    p.add_run(" av ")
    _field(p, "NUMPAGES")


@functools.lru_cache(maxsize=8)
def _png(svg: str) -> bytes:
    """A figure for Word (which takes no SVG from python-docx) drawn by Typst."""
    import typst as typst_compiler

    source = (
        b"#set page(width: auto, height: auto, margin: 4pt)\n"
        b'#image(bytes(sys.inputs.fig), format: "svg")\n'
    )
    return bytes(
        typst_compiler.compile(
            source, format="png", ppi=144, sys_inputs={"fig": svg}, ignore_system_fonts=True
        )
    )


def _ensure_headings(doc: Any) -> None:
    """Heading 1–4 in a template that lacks them, so Word's navigation pane still works."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import Pt

    names = {st.name for st in doc.styles}
    for level, size in ((1, 20), (2, 15), (3, 12.5), (4, 11)):
        name = f"Heading {level}"
        if name in names:
            continue
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.font.bold = True
        style.font.size = Pt(size)
        style.paragraph_format.space_before = Pt(12)
        style.paragraph_format.keep_with_next = True
        outline = OxmlElement("w:outlineLvl")
        outline.set(qn("w:val"), str(level - 1))
        style.element.get_or_add_pPr().append(outline)


def _grid(table: Any) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single")
        el.set(qn("w:sz"), "4")
        el.set(qn("w:color"), "808080")
        borders.append(el)
    table._tbl.tblPr.append(borders)


class _Writer:
    def __init__(self, doc: Any, figures: dict[str, str]) -> None:
        self.doc = doc
        self.figures = figures
        self.lists: list[str] = []
        self.quote = False
        _ensure_headings(doc)
        # Style name → style id, once: python-docx looks styles up by walking them all.
        self.ids = {st.name: st.style_id for st in doc.styles}

    def style(self, name: str, fallback: str = "Normal") -> str:
        return name if name in self.ids else fallback

    def paragraph(self, style: str) -> Any:
        p = self.doc.add_paragraph()
        if style != "Normal" and style in self.ids:
            p._p.style = self.ids[style]
        return p

    def runs(self, paragraph: Any, tokens: list[Any], *, bold: bool = False) -> None:
        strong = em = strike = False
        href = ""
        start = 0
        for t in tokens:
            if t.type in ("text", "code_inline", "html_inline"):
                run = paragraph.add_run(_XML_UNSAFE.sub("", t.content))
                run.bold = strong or bold or None
                run.italic = em or self.quote or None
                if strike:
                    run.font.strike = True
                if t.type == "code_inline":
                    run.font.name = "Consolas"
            elif t.type == "softbreak":
                paragraph.add_run(" ")
            elif t.type == "hardbreak":
                paragraph.add_run().add_break()
            elif t.type in ("strong_open", "strong_close"):
                strong = t.type == "strong_open"
            elif t.type in ("em_open", "em_close"):
                em = t.type == "em_open"
            elif t.type in ("s_open", "s_close"):
                strike = t.type == "s_open"
            elif t.type == "link_open":
                href = str(t.attrGet("href") or "")
                start = len(paragraph.runs)
            elif t.type == "link_close":
                if href.startswith(("https://", "http://", "mailto:")):
                    _hyperlink(paragraph, href, start)  # clickable in Word, as in the PDF
                elif href and href not in "".join(r.text for r in paragraph.runs):
                    paragraph.add_run(f" ({href})")
                href = ""

    def table(self, tokens: list[Any], i: int, first: bool) -> int:
        from docx.oxml import OxmlElement
        from docx.oxml.ns import qn

        rows: list[tuple[bool, list[list[Any]]]] = []
        while tokens[i].type != "table_close":
            t = tokens[i]
            if t.type == "tr_open":
                rows.append((False, []))
            elif t.type in ("th_open", "td_open"):
                rows[-1] = (t.type == "th_open", rows[-1][1])
                rows[-1][1].append(tokens[i + 1].children or [])
                i += 2
            i += 1
        key_value = bool(rows) and all(not c for c in rows[0][1]) and len(rows[0][1]) == 2
        if key_value:
            rows = rows[1:]
        cols = max((len(r[1]) for r in rows), default=1)
        table = self.doc.add_table(rows=len(rows), cols=cols)
        if "Table Grid" in self.ids:
            table.style = "Table Grid"
        else:  # a template without Word's table styles: draw the grid on the table itself
            _grid(table)
        for r, (header, cells) in enumerate(rows):
            row = table.rows[r]
            if header and not key_value:
                tr_pr = row._tr.get_or_add_trPr()
                head = OxmlElement("w:tblHeader")
                head.set(qn("w:val"), "true")
                tr_pr.append(head)
            for c, children in enumerate(cells):
                para = row.cells[c].paragraphs[0]
                self.runs(para, children, bold=(header and not key_value) or (key_value and c == 0))
        if first:  # the decision block: keep the caption for screen readers and Word's list
            table.alignment = 0
        self.doc.add_paragraph()
        return i

    def figure(self, info: str, content: str) -> None:
        from docx.shared import Cm

        first = content.splitlines()[0] if content else ""
        key = first.removeprefix("%% bfa-figur:").strip()
        if info.strip() == "mermaid" and key in self.figures:
            width = Cm(16) if key == "organisationsschema" else Cm(13)
            self.doc.add_picture(io.BytesIO(_png(self.figures[key])), width=width)
            self.doc.paragraphs[-1].alignment = 1
        elif info.strip() != "mermaid":
            p = self.doc.add_paragraph()
            run = p.add_run(content.rstrip("\n"))
            run.font.name = "Consolas"

    def convert(self, tokens: list[Any]) -> None:
        i = 0
        tables = 0
        while i < len(tokens):
            t = tokens[i]
            if t.type == "heading_open":
                level = int(t.tag[1])
                p = self.paragraph(self.style(f"Heading {level}"))
                self.runs(p, tokens[i + 1].children or [])
                i += 3
                continue
            if t.type == "paragraph_open":
                if self.lists:
                    kind = self.lists[-1]
                    base = "List Bullet" if kind == "bullet" else "List Number"
                    depth = len(self.lists)
                    name = base if depth == 1 else f"{base} {min(depth, 3)}"
                    style = self.style(name, self.style(base))
                    if style == "Normal":  # the template has no list styles
                        p = self.paragraph(style)
                        p.add_run("• " if kind == "bullet" else "– ")
                        self.runs(p, tokens[i + 1].children or [])
                        i += 3
                        continue
                elif self.quote:
                    style = self.style("Quote")
                else:
                    style = "Normal"
                p = self.paragraph(style)
                self.runs(p, tokens[i + 1].children or [])
                i += 3
                continue
            if t.type in ("bullet_list_open", "ordered_list_open"):
                self.lists.append("bullet" if t.type == "bullet_list_open" else "number")
            elif t.type in ("bullet_list_close", "ordered_list_close"):
                self.lists.pop()
            elif t.type == "table_open":
                i = self.table(tokens, i, tables == 0)
                tables += 1
            elif t.type == "fence":
                self.figure(t.info, t.content)
            elif t.type == "blockquote_open":
                self.quote = True
            elif t.type == "blockquote_close":
                self.quote = False
            elif t.type == "code_block":
                self.figure("text", t.content)
            i += 1


def _stable_zip(data: bytes) -> bytes:
    """The same package with fixed timestamps and bfa's marker as the zip comment."""
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for info in src.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(1980, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            fixed.external_attr = 0o644 << 16
            dst.writestr(fixed, src.read(info.filename), compresslevel=1)
        dst.comment = DOCX_MARKER
    return out.getvalue()


def to_docx(doc: Rendered, repo: Repo) -> bytes:
    """The rendered document as a Word file in the municipality's template."""
    from markdown_it import MarkdownIt

    path = template_path(repo)
    word = _open_template(path)
    if path is None:
        _plain_style(word, doc.kommun, doc.title)
    _page_numbers(word, doc.public)
    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    text = "\n".join(line for line in doc.markdown.splitlines() if not line.startswith("<!-- bfa:"))
    _Writer(word, doc.figures).convert(md.parse(text))
    props = word.core_properties
    when = dt.datetime.combine(doc.date, dt.time(0, 0))
    props.title = _XML_UNSAFE.sub("", doc.title)
    props.author = _XML_UNSAFE.sub("", doc.kommun) or "bfa"
    props.last_modified_by = "bfa"
    props.keywords = "bfa-rendering"
    props.comments = "Skrivet av bfa"
    props.created = when
    props.modified = when
    props.last_printed = when
    props.revision = 1
    buf = io.BytesIO()
    word.save(buf)
    return _stable_zip(buf.getvalue())


def _hyperlink(paragraph: Any, href: str, start: int) -> None:
    """The runs of ``paragraph`` from ``start`` on as one link to ``href`` (blue, underlined)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn
    from docx.shared import RGBColor

    runs = paragraph.runs[start:] or [paragraph.add_run(href)]
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), paragraph.part.relate_to(href, RELATIONSHIP_TYPE.HYPERLINK, True))
    runs[0]._r.addprevious(link)
    for run in runs:
        run.font.underline = True
        run.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
        link.append(run._r)
