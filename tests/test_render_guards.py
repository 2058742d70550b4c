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


def test_an_option_a_document_does_not_read_is_refused_not_dropped(cli) -> None:
    """`bfa render riktlinje --year 2020` wrote this year's riktlinje, `organisation --id x`
    the only organisation, `kallelse … --year` and `riktlinje --base main` the same as
    without: the option was dropped without a word. Each is refused, naming what it is for."""
    from .conftest import EXAMPLES

    torsby = EXAMPLES / "torsby"
    cases = {
        ("riktlinje", "--year", "2020"): (
            "--year gäller inte riktlinje.",
            "--year gäller uppföljning och mötesplan.",
        ),
        ("organisation", "--id", "x"): (
            "--id gäller inte organisation.",
            "--id gäller riktlinje, åtgärdsplan, lägesbild, samverkansöverenskommelse och "
            "medborgarlöften.",
        ),
        ("lagesbild", "--today", "2026-01-01"): ("--today gäller inte lägesbild.", ""),
        ("riktlinje", "--base", "main"): ("--base gäller inte riktlinje.", ""),
        ("kallelse", "lfr-styrgrupp", "2026-03-17", "--year", "2025"): (
            "--year gäller inte kallelse och protokoll.",
            "",
        ),
        ("forslag", "--base", "HEAD", "--id", "x"): ("--id gäller inte forslag.", ""),
        ("--all", "-o", "ut", "--id", "x"): ("--id gäller inte --all.", ""),
    }
    for args, (message, hint) in cases.items():
        r = cli("render", *args, torsby)
        assert r.exit_code == 2, (args, r.output)
        assert f"bfa: fel: {message}" in r.stderr, (args, r.stderr)
        assert hint in r.stderr, (args, r.stderr)
    # what each document reads still works
    for args in [
        ("uppfoljning", "--year", "2025", "--today", "2026-01-15"),
        ("riktlinje", "--today", "2026-01-15"),
        ("lagesbild", "--id", "operativ-2026-2"),
    ]:
        r = cli("render", *args, torsby)
        assert r.exit_code == 0, (args, r.output)
