"""Injection: any string in any field comes out literally – Markdown, Typst/PDF, Mermaid, ICS.

Each escaper is checked as a property (Hypothesis draws the hostile text), and
each output is also checked end to end with the string placed in a repository.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re

import icalendar
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb._escape import cell, md, mermaid, typst
from brottsforeb.calendar import calendar_ics
from brottsforeb.render import render
from brottsforeb.render._charts import mermaid_chart
from brottsforeb.render._typst import compile_pdf

from .conftest import MINIMAL, examples, write_repo

SPECIALS = "#$*_`<>@[]\\/~'\"=-+.:;%&!|{}()^?,§«»–—€"
#: What a coordinator could type, hostile characters weighted up.
TEXT = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS),
        st.sampled_from("abcxyzåäöÅÄÖé0123456789 "),
        st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Co", "Cn")),
    ),
    min_size=1,
    max_size=40,
)
SNIPPETS = st.sampled_from(
    [
        '#read("/etc/passwd")',
        "$x^2$",
        "*fet* _kursiv_ `kod`",
        "<b>html</b><script>alert(1)</script>",
        "]] \\ [[",
        "[länk](http://example.com)",
        "# rubrik",
        "1. lista",
        "- punkt",
        "| a | b |",
        "{{ 7*7 }} {% raw %}",
        '"]); click A call alert(1); %%',
        "#set page(fill: red)",
        "@label <ref>",
    ]
)
HOSTILE = st.one_of(TEXT, SNIPPETS, st.tuples(TEXT, SNIPPETS, TEXT).map("".join))
PROPS = settings(max_examples=examples(150), deadline=None)


def collapse(text: str) -> str:
    return " ".join(text.split())


def md_text(markdown: str) -> str:
    """What a reader sees of rendered Markdown: HTML without tags, entities decoded."""
    rendered = MarkdownIt("commonmark").enable("table").render(markdown)
    assert "<script" not in rendered.lower() and "<b>" not in rendered.lower()
    return collapse(html.unescape(re.sub(r"<[^>]+>", " ", rendered)))


@PROPS
@given(HOSTILE)
def test_markdown_paragraph_is_literal(s: str) -> None:
    assert md_text(md(s)) == collapse(s)


@PROPS
@given(HOSTILE, HOSTILE)
def test_markdown_table_cells_are_literal(a: str, b: str) -> None:
    table = f"| x | y |\n|---|---|\n| {cell(a)} | {cell(b)} |\n"
    rendered = MarkdownIt("commonmark").enable("table").render(table)
    cells = re.findall(r"<td>(.*?)</td>", rendered, re.S)
    assert [collapse(html.unescape(re.sub(r"<[^>]+>", "", c))) for c in cells] == [
        collapse(a),
        collapse(b),
    ]


_ENTITY = re.compile(r"#(\d+|quot|lt|gt|amp);")


def _unmermaid(text: str) -> str:
    named = {"quot": '"', "lt": "<", "gt": ">", "amp": "&"}
    return _ENTITY.sub(lambda m: named.get(m.group(1)) or chr(int(m.group(1))), text)


@PROPS
@given(HOSTILE)
def test_mermaid_label_is_literal(s: str) -> None:
    out = mermaid(s)
    assert not set(_ENTITY.sub("", out)) & set('"<>&`\\|[]{}();%#\n')
    assert _unmermaid(out) == collapse(s)


#: Characters the bundled PDF fonts have (Latin-1 and typographic punctuation). The soft
#: hyphen (U+00AD, the only format character there) is left out: it is an invisible
#: hyphenation hint, and where Typst places it between spaces pypdf reads it back twice.
LATIN = st.text(
    alphabet=st.one_of(
        st.sampled_from(SPECIALS),
        st.characters(codec="latin-1", exclude_categories=("Cc", "Cf")),
    ),
    min_size=1,
    max_size=40,
)


@settings(max_examples=examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(LATIN, SNIPPETS, st.tuples(LATIN, SNIPPETS).map("".join)))
def test_typst_markup_compiles_to_the_literal_text(s: str) -> None:
    marker = "XSTARTX"
    pdf = compile_pdf(f'#set text(font: "Libertinus Serif")\n{marker} {typst(s)} XENDX\n', {})
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    shown = collapse(text.split(marker, 1)[1].rsplit("XENDX", 1)[0])
    wanted = collapse(s)
    assert shown == wanted


def test_a_character_the_font_lacks_is_a_clear_error(example, cli, tmp_path) -> None:
    root = example("torsby")
    bfa = root / "bfa.yaml"
    bfa.write_text(bfa.read_text().replace("namn: Torsby kommun", "namn: Torsby ঀ kommun"))
    r = cli("render", "riktlinje", root, "--format", "pdf", "-o", tmp_path / "r.pdf")
    assert r.exit_code == 2
    assert "'ঀ' (U+0980, BENGALI ANJI), som inte finns i PDF:ens typsnitt" in r.stderr
    assert "bfa.yaml:" in r.stderr  # where it stands (A41)
    assert not (tmp_path / "r.pdf").exists()


@settings(max_examples=examples(25), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_any_organ_name_is_literal_in_every_output(tmp_path_factory, s: str) -> None:
    root = tmp_path_factory.mktemp("inj")
    name = s.replace("\n", " ").strip() or "x"
    quoted = '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'
    write_repo(root, dict(MINIMAL))
    write_repo(
        root,
        {
            "organ/styrgrupp.yaml": MINIMAL["organ/styrgrupp.yaml"].replace(
                "namn: Styrgrupp", f"namn: {quoted}"
            ),
            "moten/2030/2030-01-15-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2030-01-15\n",
        },
    )
    repo = load_repo(root)
    assert repo.organ["styrgrupp"].name == name
    # Markdown (organisation: headings, tables and the Mermaid chart)
    doc = render(repo, "organisation")[0]
    assert collapse(name) in md_text(doc.markdown)
    chart = str(mermaid_chart(repo))
    assert mermaid(name) in chart
    assert _unmermaid(mermaid(name)) == collapse(name)
    # ICS
    cal = icalendar.Calendar.from_ical(calendar_ics(repo, dt.date(2029, 1, 1)))
    summaries = [str(e["summary"]) for e in cal.walk("VEVENT")]
    assert f"Möte: {name}" in summaries
