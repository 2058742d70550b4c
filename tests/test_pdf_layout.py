"""Where things land on the PDF page (N7): the organisation chart stays in its chapter.

The riktlinje's chart closes the organisation chapter; it floated to the bottom of a
later page and landed in "Arbetssätt" or "Uppföljning", between other chapters' text.
Read back from the compiled PDF: the chart's heading comes before the heading that
follows it in the Markdown, and after the one before it, in every example.
"""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb.render import render, to_pdf

from .conftest import EXAMPLES


def _headings(markdown: str) -> list[str]:
    return [m.group(1).strip() for m in re.finditer(r"^#{2,3} (.+)$", markdown, re.M)]


@pytest.mark.parametrize("example", ["torsby", "lindesberg", "norsjo"])
def test_the_org_chart_stays_in_its_chapter(example: str) -> None:
    [doc] = render(load_repo(EXAMPLES / example), "riktlinje")
    heads = _headings(doc.markdown)
    at = heads.index("Organisationsschema")
    before, after = heads[at - 1], heads[at + 1]
    text = "\n".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(to_pdf(doc))).pages)
    lines = [line.strip() for line in text.splitlines()]

    def where(heading: str) -> int:
        return next(i for i, line in enumerate(lines) if line == heading)

    assert where(before) < where("Organisationsschema") < where(after), (before, after)


def test_the_register_says_each_date_once_and_repeats_its_header() -> None:
    # The status cell says "Gäller till och med 2027-04-30"; the next cell said "gäller till
    # 2027-04-30" again. A table over two pages repeats its header row; a long word in a
    # narrow cell ("(samverkansöverenskommelse)") is hyphenated instead of running over.
    from brottsforeb.render._typst import markdown_to_typst

    [doc] = render(load_repo(EXAMPLES / "torsby"), "riktlinje")
    row = next(line for line in doc.markdown.splitlines() if "(samverkansöverenskommelse)" in line)
    assert row.count("2027-04-30") == 1, row
    assert row.rstrip().endswith("| – |"), row
    source, _ = markdown_to_typst(
        doc.markdown, title="t", meta=[], kommun="k", date=doc.date, figures={}, public=False
    )
    assert "table.header([#strong[Dokument \\(slag\\)]]" in source
    assert "#show table: set text(hyphenate: true)" in source
