"""Markdown → Typst → PDF, with bfa's house style.

The Markdown is parsed with markdown-it-py (CommonMark + tables); every text node is
escaped for Typst, so nothing in the Markdown — and therefore nothing from a YAML
value — can become Typst markup or code. Figures (SVG) are passed to Typst as inputs,
never as file paths.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .._escape import typst, typst_string

HOUSE_STYLE = r"""
#set document(title: "{title}", author: "{author}", keywords: ("bfa-rendering", "bfa"),
  description: "{description}",
  date: datetime(year: {y}, month: {m}, day: {d}))
#set text(lang: "sv", region: "se", size: 10.5pt)
#set par(justify: false, leading: 0.62em, spacing: 1.1em)
#set page(paper: "a4", margin: (x: 2.3cm, top: 2.4cm, bottom: 2.4cm),
  header: context {{ if counter(page).get().first() > 1 [
    #set text(size: 8.5pt, fill: luma(90))
    {kommun} #h(1fr) {title_short}
  ] }},
  footer: context [
    #set text(size: 8.5pt, fill: luma(90))
    {footer}#h(1fr) Sida #counter(page).display() av #counter(page).final().first()
  ])
#show heading.where(level: 1): set text(size: 20pt)
#show heading.where(level: 2): set text(size: 14pt)
#show heading.where(level: 3): set text(size: 12pt)
#show heading: set block(above: 1.4em, below: 0.8em)
#set table(stroke: 0.5pt + luma(160), inset: 5pt)
#show table: set text(hyphenate: true)
"""


class _Writer:
    def __init__(self, figures: dict[str, str]) -> None:
        self.out: list[str] = []
        self.figures = figures
        self.used: dict[str, str] = {}

    def inline(self, tokens: list[Any]) -> str:
        parts: list[str] = []
        for t in tokens:
            if t.type == "text":
                parts.append(typst(t.content))
            elif t.type == "code_inline":
                parts.append(f'#raw("{typst_string(t.content)}")')
            elif t.type in ("softbreak",):
                parts.append(" ")
            elif t.type == "hardbreak":
                parts.append(" \\\n")
            elif t.type == "strong_open":
                parts.append("#strong[")
            elif t.type == "em_open":
                parts.append("#emph[")
            elif t.type in ("strong_close", "em_close", "link_close", "s_close"):
                parts.append("]")
            elif t.type == "s_open":
                parts.append("#strike[")
            elif t.type == "link_open":
                href = str(t.attrGet("href") or "")
                parts.append(f'#link("{typst_string(href)}")[')
            elif t.type in ("html_inline", "image"):
                parts.append(typst(t.content))
        return "".join(parts)

    def figure(self, info: str, content: str) -> None:
        first = content.splitlines()[0] if content else ""
        key = (
            first.removeprefix("%% bfa-figur:").strip() if first.startswith("%% bfa-figur:") else ""
        )
        if info.strip() == "mermaid" and key in self.figures:
            name = f"fig{len(self.used)}"
            self.used[name] = self.figures[key]
            if key != "organisationsschema":
                self.out.append(
                    f'#align(center, image(bytes(sys.inputs.{name}), format: "svg", width: 80%))\n'
                )
                return
            # The org chart and its heading stay together, in their chapter: in the flow
            # of the text, moved whole to the next page when they do not fit (a float let
            # the riktlinje's chart land in the chapters after it, N7). Only a chart near the
            # start of a document floats to the bottom of its page or the next, while the
            # text goes on filling the page: there a block would leave page 1 mostly empty.
            # A very tall chart is scaled to fit one page.
            heading = self.out.pop() if self.out and self.out[-1].startswith("\n=") else ""
            size = (
                f"height: {CHART_MAX_CM}cm"
                if _aspect(self.figures[key]) > CHART_MAX_RATIO
                else "width: 100%"
            )
            chart = f'#align(center, image(bytes(sys.inputs.{name}), format: "svg", {size}))'
            if sum(len(part) for part in self.out) < EARLY_CHART_CHARS:
                self.out.append(
                    f"\n#place(bottom, float: true, clearance: 1.5em, block(width: 100%)"
                    f"[{heading}\n{chart}])\n"
                )
            else:
                self.out.append(f"\n#block(breakable: false, width: 100%)[{heading}\n{chart}]\n")
        elif info.strip() != "mermaid":
            self.out.append(f'#raw("{typst_string(content)}", block: true)\n')

    def convert(self, tokens: list[Any]) -> str:
        i = 0
        lists: list[str] = []
        table: list[list[str]] | None = None
        row: list[str] = []
        while i < len(tokens):
            t = tokens[i]
            if t.type == "heading_open":
                level = int(t.tag[1])
                self.out.append(
                    "\n"
                    + "=" * max(1, level - 1)
                    + " "
                    + self.inline(tokens[i + 1].children or [])
                    + "\n"
                )
                i += 3
                continue
            if t.type == "paragraph_open":
                text = self.inline(tokens[i + 1].children or [])
                if table is None:
                    indent = "  " * max(0, len(lists) - 1)
                    self.out.append((text if lists else "\n" + indent + text) + "\n")
                i += 3
                continue
            if t.type in ("bullet_list_open", "ordered_list_open"):
                lists.append("-" if t.type == "bullet_list_open" else "+")
            elif t.type in ("bullet_list_close", "ordered_list_close"):
                lists.pop()
                if not lists:
                    self.out.append("\n")
            elif t.type == "list_item_open":
                self.out.append("  " * (len(lists) - 1) + lists[-1] + " ")
            elif t.type == "table_open":
                table = []
            elif t.type == "tr_open":
                row = []
            elif t.type in ("th_open", "td_open"):
                text = self.inline(tokens[i + 1].children or [])
                row.append(f"[#strong[{text}]]" if t.type == "th_open" and text else f"[{text}]")
                i += 3
                continue
            elif t.type == "tr_close" and table is not None:
                table.append(row)
            elif t.type == "table_close" and table is not None:
                cols = max((len(r) for r in table), default=1)
                if cols == 2 and table and table[0] == ["[]", "[]"]:  # "| | |" header
                    table = table[1:]  # a key–value table without header
                    header = False
                else:
                    header = True
                colspec = "(auto, 1fr)" if cols == 2 else str(cols)
                if header and table:
                    # the header row repeats on every page a long table runs over
                    head = f"table.header({', '.join(table[0])}), "
                    cells = head + ", ".join(c for r in table[1:] for c in r)
                    self.out.append(f"\n#table(columns: {colspec}, {cells})\n")
                else:
                    cells = ", ".join(c for r in table for c in r)
                    self.out.append(f"\n#table(columns: {colspec}, stroke: none, {cells})\n")
                table = None
            elif t.type == "fence":
                self.figure(t.info, t.content)
            elif t.type == "hr":
                self.out.append("\n#line(length: 100%, stroke: 0.5pt + luma(160))\n")
            elif t.type == "blockquote_open":
                self.out.append("\n#block(inset: (left: 8pt), stroke: (left: 2pt + luma(150)))[")
            elif t.type == "blockquote_close":
                self.out.append("]\n")
            elif t.type == "code_block":
                self.out.append(f'#raw("{typst_string(t.content)}", block: true)\n')
            i += 1
        return "".join(self.out)


#: Characters of Typst source before an org chart under which it counts as near the start
#: of the document (about half a page of text): such a chart floats, any later one stays
#: in the flow of its chapter.
EARLY_CHART_CHARS = 1500

#: The tallest an org chart may print (A4 text is 16.4 cm wide, about 24 cm high).
CHART_MAX_CM = 20.0
CHART_MAX_RATIO = CHART_MAX_CM / 16.4


def _aspect(svg: str) -> float:
    """Height over width of an SVG from its root's width and height (1.0 if absent)."""
    m = re.search(r'<svg[^>]*\swidth="([\d.]+)"[^>]*\sheight="([\d.]+)"', svg)
    return float(m.group(2)) / float(m.group(1)) if m and float(m.group(1)) else 1.0


def markdown_to_typst(
    markdown: str,
    *,
    title: str,
    meta: list[tuple[str, str]],
    kommun: str,
    date: dt.date,
    figures: dict[str, str],
    public: bool,
    banners: list[tuple[str, str]] | None = None,
    producer: str = "",
) -> tuple[str, dict[str, str]]:
    """The Typst source and its inputs (figures) for one rendered document.

    ``banners`` are (heading, text) boxes on the first page (example data, a draft built
    from a repository with errors). The tool's credit goes to the PDF metadata
    (``producer`` → description/Subject and keywords), never onto the page. A table of
    contents on its own cover page only for a long document (:func:`wants_outline`).
    """
    from markdown_it import MarkdownIt

    if "<!-- bfa:brödtext -->" in markdown:
        body = markdown.split("<!-- bfa:brödtext -->", 1)[-1]
    else:  # a report without a title block (bfa overview): the body follows the title
        body = re.sub(r"\A\s*# [^\n]*\n", "", markdown)
    body = _COMMENT.sub("", body)
    md = MarkdownIt("commonmark", {"html": False}).enable("table").enable("strikethrough")
    writer = _Writer(figures)
    converted = writer.convert(md.parse(body))
    footer = "Offentlig version" if public else ""
    head = HOUSE_STYLE.format(
        title=typst_string(title),
        author=typst_string(kommun),
        description=typst_string(producer or "Skrivet av bfa"),
        y=date.year,
        m=date.month,
        d=date.day,
        kommun=typst(kommun),
        title_short=typst(title[:80]),
        footer=footer,
    )
    rows = ", ".join(f"[{typst(k)}], [{typst(v)}]" for k, v in meta)
    boxes = "".join(
        f'#block(width: 100%, inset: 8pt, radius: 2pt, fill: rgb("#fff4d6"), '
        f'stroke: 1pt + rgb("#b8860b"), below: 0.8em)'
        f"[#strong[{typst(heading)}] {typst(text)}]\n"
        for heading, text in banners or []
    )
    outline = (
        "#v(1em)\n#outline(title: [Innehåll], depth: 2)\n#pagebreak()\n"
        if wants_outline(body)
        else "#v(0.6em)\n"
    )
    title_block = (
        f"#block(below: 1.2em)[#text(size: 10pt, fill: luma(80))[{typst(kommun)}]]\n"
        f'#text(size: 22pt, weight: "bold")[{typst(title)}]\n\n'
        f"#v(0.8em)\n{boxes}#table(columns: (auto, 1fr), stroke: none, column-gutter: 1.2em, "
        f"inset: (x: 0pt, y: 3pt), "
        f"{rows})\n\n{outline}"
    )
    return head + title_block + converted, writer.used


#: HTML comments (bfa's own markers such as ``<!-- bfa:renderad -->``) never reach the page.
_COMMENT = re.compile(r"<!--.*?-->\n?", re.S)

#: A cover page with a table of contents pays off only for a long document: at least this
#: many sections and this much text (about four printed pages).
OUTLINE_MIN_SECTIONS = 6
OUTLINE_MIN_CHARS = 12_000


def wants_outline(body: str) -> bool:
    sections = sum(1 for line in body.splitlines() if line.startswith("## "))
    return sections >= OUTLINE_MIN_SECTIONS and len(body) >= OUTLINE_MIN_CHARS


_MISSING_GLYPH = re.compile(r'the text `"(.+?)"` could not be displayed', re.S)
_TYPST_ESCAPE = re.compile(r"\\u\{([0-9a-fA-F]{1,6})\}|\\(.)", re.S)
_SIMPLE_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "0": "\0"}


def typst_unescape(text: str) -> str:
    """The text Typst quotes in an error, as it stood: ``\\u{f0b7}`` is U+F0B7 itself."""

    def one(m: re.Match[str]) -> str:
        if m.group(1):
            code = int(m.group(1), 16)
            return chr(code) if code <= 0x10FFFF else m.group(0)
        return _SIMPLE_ESCAPES.get(m.group(2), m.group(2))

    return _TYPST_ESCAPE.sub(one, text)


#: Longest Typst source bfa compiles. Typst's memory grows with the document (1 MB of
#: text took 390 MB, 4 MB took 1.5 GB) and no municipal document comes near (the largest
#: example is about 30 000 characters), so a bigger one is refused before Typst runs.
MAX_SOURCE_CHARS = 400_000


def compile_pdf(source: str, inputs: dict[str, str]) -> bytes:
    """Compile Typst to PDF/A-2b. No file access: the source comes as bytes."""
    import typst as typst_compiler

    from ..errors import RenderError

    if len(source) > MAX_SOURCE_CHARS:
        raise RenderError(
            f"Dokumentet är för stort för en PDF ({len(source):,} tecken Typst; högst "
            f"{MAX_SOURCE_CHARS:,}).".replace(",", "\u00a0"),
            hint="Skriv det som Markdown (--format md), eller korta texterna i förrådet "
            "eller i mallen i templates/.",
        )

    try:
        pdf = typst_compiler.compile(
            source.encode("utf-8"),
            format="pdf",
            pdf_standards=["a-2b"],
            sys_inputs=inputs,
            ignore_system_fonts=True,
        )
    except (KeyboardInterrupt, SystemExit):
        raise
    except BaseException as exc:  # typst reports its errors as a generic exception (and
        # a Rust panic as pyo3's PanicException, which is not an Exception)
        missing = _MISSING_GLYPH.search(str(exc))
        if missing:
            from ._glyphs import MissingGlyphError

            raise MissingGlyphError(typst_unescape(missing.group(1))) from None
        raise RenderError(
            f"PDF:en kunde inte skapas: {exc}",
            hint="Det här är troligen ett fel i bfa; rapportera det.",
        ) from None
    return bytes(pdf)
