"""What reaches Typst and the charts: a missing glyph named as it stands in the file (A41),
long titles (A11), values no scale can draw (A42) — #16."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

from brottsforeb import load_repo
from brottsforeb.render import render
from brottsforeb.render._charts import NOT_DRAWN, svg_line_chart
from brottsforeb.render._typst import typst_unescape


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, (path, old)
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_word_bullet_is_named_with_its_places_not_typsts_escape(example, cli) -> None:
    """A41: the PDF error listed '\\' (U+005C), 'u', '{' … (Typst's escape ``\\u{f0b7}``)
    and no place; it names U+F0B7 as Word's bullet and each file:line it stands on."""
    root = example("torsby")
    _edit(root / "organ" / "kommunstyrelsen.yaml", "uppdrag: Leder", "uppdrag: \uf0b7 Leder")
    _edit(
        root / "organ" / "lfr-operativ-grupp.yaml",
        "mandat: Sammanställer",
        'mandat: "\\uf0b7\\tSammanställer" #',
    )
    r = cli("render", "organisation", root, "--draft", "-f", "pdf", "-o", root / "ut.pdf")
    assert r.exit_code == 2, r.output
    assert "U+F0B7" in r.output and "punktlista" in r.output
    assert "U+005C" not in r.output and "U+007B" not in r.output
    assert "organ/kommunstyrelsen.yaml:3:" in r.output
    assert "organ/lfr-operativ-grupp.yaml:12:" in r.output
    assert not (root / "ut.pdf").exists()


def test_typst_escapes_are_read_back() -> None:
    assert typst_unescape('\\u{f0b7}\\tx\\\\y\\"') == '\uf0b7\tx\\y"'
    assert typst_unescape("\\u{1d11e}") == "\U0001d11e"


def test_long_titles_give_a_pdf_not_an_english_error_or_a_panic(example, cli) -> None:
    """A11: 44 kB of title gave "PDF/A-2b error: a PDF string is longer than 32767
    characters", 66 kB of 'Ö' a Rust panic. Validate refuses them; a draft still renders."""
    root = example("norsjo")
    path = root / "atgarder" / "skolpolis.yaml"
    original = path.read_text(encoding="utf-8")
    for title in ("abcdefghij " * 4000, "Ö" * 33000):
        path.write_text(
            re.sub(r"^titel: .*$", lambda _m, t=title: f"titel: {t}", original, flags=re.M),
            encoding="utf-8",
        )
        out = root / "ut.pdf"
        r = cli("render", "atgardsplan", root, "--draft", "-f", "pdf", "-o", out, "--force")
        assert r.exit_code == 0, r.output
        assert "error" not in r.output.lower() and "panic" not in r.output.lower()
        assert out.read_bytes().startswith(b"%PDF")


def test_a_value_no_scale_can_draw_gives_a_note_never_nan(example) -> None:
    """A42: 1.7e308 and -1.7e308 made the scale's span inf and every coordinate NaN (an
    empty figure, silently). Validate bounds the values; the chart guards on its own."""
    root = example("norsjo")
    repo = load_repo(root)
    iid, ind = next((i, x) for i, x in sorted(repo.indikatorer.items()) if len(x.values) >= 2)
    huge = [
        v.model_copy(update={"value": s * 1.7e308})
        for v, s in zip(ind.values, [1, -1, 1, -1, 1, -1, 1, -1], strict=False)
    ]
    wild = ind.model_copy(update={"values": huge})
    svg = svg_line_chart(wild)
    assert not re.search(r'="[^"]*(nan|inf)', svg, re.I)
    assert "kan inte ritas" in svg
    entry = repo.entries["indikatorer"][iid]
    entries = dict(repo.entries)
    entries["indikatorer"] = {
        **repo.entries["indikatorer"],
        iid: dataclasses.replace(entry, model=wild),
    }
    broken = dataclasses.replace(repo, entries=entries)
    (doc,) = render(broken, "uppfoljning", year=max(v.when.year for v in ind.values))
    assert NOT_DRAWN.split(":")[0] in doc.markdown
    for figure in doc.figures.values():
        assert not re.search(r'="[^"]*(nan|inf)', figure, re.I)
    # ordinary values still draw
    assert "<polyline" in svg_line_chart(ind)
