"""Documents a kommunstyrelse would adopt as they are (issue #13): true text, Swedish as
officials write it, PDFs without seams. Each test failed on the renderer before the fix."""

from __future__ import annotations

import io
import itertools
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb.render import render, render_all, to_pdf
from brottsforeb.render._format import NBSP, genitiv, mitt, procent, tal

from .conftest import EXAMPLE_NAMES, EXAMPLES

SEED_TORSBY = next(Path("/work/shared/seeds").glob("002_*.txt"), None)


def _pages(data: bytes) -> list[str]:
    return [" ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(data)).pages]


@pytest.fixture(scope="module")
def docs() -> dict[tuple[str, str], tuple[str, bytes]]:
    """(markdown, pdf) of every document of every example."""
    out = {}
    for name in EXAMPLE_NAMES:
        for doc in render_all(load_repo(EXAMPLES / name)):
            out[(name, doc.name)] = (doc.markdown, to_pdf(doc))
    return out


def test_no_template_markup_or_tool_credit_on_any_page(docs) -> None:
    for key, (_md, pdf) in docs.items():
        text = " ".join(_pages(pdf))
        for seam in ("<!--", "bfa:renderad", "bfa:brödtext", "Skrivet av bfa", "{{", "{%"):
            assert seam not in text, (key, seam)
        info = PdfReader(io.BytesIO(pdf)).metadata
        assert info is not None and "bfa" in (info.subject or ""), key  # credit in metadata


def test_markdown_has_no_tool_credit(docs) -> None:
    for key, (md, _pdf) in docs.items():
        assert "Skrivet av bfa" not in md, key


def test_short_documents_have_no_cover_page_or_contents(docs) -> None:
    for (ex, name), (_md, pdf) in docs.items():
        pages = _pages(pdf)
        if name in ("motesplan", "lagesbild", "samverkansoverenskommelse", "medborgarloften"):
            assert "Innehåll" not in pages[0], (ex, name)
        if len(pages) <= 3:
            assert "Innehåll" not in " ".join(pages), (ex, name)
    # The first page of a short document carries its text, not only the title block.
    first = _pages(docs[("torsby", "motesplan")][1])[0]
    assert "Mötesfrekvens" in first


def test_swedish_number_formatting() -> None:
    assert tal(3945) == f"3{NBSP}945"
    assert tal(15.3) == "15,3"
    assert tal(-2.5) == "-2,5"
    assert tal(1234567.25) == f"1{NBSP}234{NBSP}567,25"
    assert tal(7.0) == "7"
    assert procent(15.3) == f"15,3{NBSP}%"
    assert tal(5.125, 1) in ("5,1", "5,2")


def test_numbers_are_swedish_in_markdown_and_pdf(docs) -> None:
    md, pdf = docs[("norsjo", "uppfoljning")]
    assert f"7{NBSP}250" in md and f"15,3{NBSP}%" in md
    assert "15.3" not in md and "| 7250 |" not in md
    text = " ".join(_pages(pdf))
    assert "15,3" in text and "15.3" not in text
    for key, (md, _pdf) in docs.items():
        body = re.sub(r"```.*?```", "", md, flags=re.S)  # chart source is data, not text
        tables = [line for line in body.splitlines() if line.startswith("|")]
        assert not [t for t in tables if re.search(r"\| -?\d+\.\d+ ", t)], key


def test_names_and_abbreviations_keep_their_case(docs) -> None:
    assert mitt("Säkerhetsstrateg, Bo Jensen") == "säkerhetsstrateg, Bo Jensen"
    assert mitt("Lindebrå") == "Lindebrå"
    assert mitt("ANDT-samordnare") == "ANDT-samordnare"
    assert mitt("Lägesbild för Lycksele kommun 2024") == "lägesbild för Lycksele kommun 2024"
    assert mitt("Kommunstyrelsen") == "kommunstyrelsen"
    assert mitt("Torsby kommun") == "Torsby kommun"
    assert mitt("Polismyndigheten") == "Polismyndigheten"
    everything = " ".join(md for md, _ in docs.values())
    for wrong in ("lindebrå", " andt ", "norsjö kommun", "torsby kommun", "bo jensen"):
        assert wrong not in everything, wrong
    assert "samordnare för ANDT och brottsförebyggande arbete" in everything


def test_genitive_of_the_municipality(docs, example) -> None:
    assert genitiv("Lycksele kommun") == "Lycksele kommuns"
    assert genitiv("Region Gotland") == "Region Gotlands"
    assert genitiv("Västerås") == "Västerås"
    assert genitiv("Södra Lappland", "Södra Lapplands kommuners") == "Södra Lapplands kommuners"
    assert docs[("norsjo", "riktlinje")][0].startswith(
        "# Riktlinje för Norsjö kommuns brottsförebyggande arbete"
    )
    root = example("norsjo")
    bfa = root / "bfa.yaml"
    text = bfa.read_text(encoding="utf-8").replace(
        "namn: Norsjö kommun", "namn: Södra Lappland\nnamn_genitiv: Södra Lapplands kommuners"
    )
    bfa.write_text(text, encoding="utf-8")
    md = render(load_repo(root), "riktlinje")[0].markdown
    assert md.startswith("# Riktlinje för Södra Lapplands kommuners brottsförebyggande arbete")


def test_bra_structure_sentence_only_when_true(docs) -> None:
    assert "Strukturen följer Brås förslag" not in docs[("torsby", "organisation")][0]
    assert "Strukturen följer Brås förslag" in docs[("lindesberg", "organisation")][0]


def test_no_empty_headings(docs) -> None:
    for key, (md, _pdf) in docs.items():
        lines = [line for line in md.splitlines() if line.strip()]
        for a, b in itertools.pairwise(lines):
            if a.startswith("#") and b.startswith("#"):
                la, lb = len(a) - len(a.lstrip("#")), len(b) - len(b.lstrip("#"))
                assert lb > la, (key, a, b)


def test_status_comes_from_the_data(docs, example) -> None:
    org = docs[("torsby", "organisation")][0]
    assert "Utkast" not in org and "| Status | Gällande |" in org
    assert "2024-09-02" in org and "§ 142" in org
    root = example("torsby")
    path = root / "dokument" / "riktlinje.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("datum: 2024-09-02\n", ""), encoding="utf-8"
    )
    md = render(load_repo(root), "riktlinje")[0].markdown
    assert "Utkast" not in md
    assert "| Datum | okänt |" in md


def test_aktualitetsprovning_is_not_revision(docs) -> None:
    md = docs[("lindesberg", "riktlinje")][0]
    assert "aktualitetsprövas" in md
    assert "revideras 3 år" not in md


def _headings(md: str) -> list[str]:
    return [line.lstrip("#").strip() for line in md.splitlines() if line.startswith("#")]


def test_torsby_riktlinje_follows_the_seed(docs) -> None:
    md, pdf = docs[("torsby", "riktlinje")]
    seed_order = [
        "Inledning",
        "Syfte med riktlinjen",
        "Intressenter",
        "Dokumenthantering",
        "Organisation av det brottsförebyggande arbetet",
        "Ansvar",
        "Samordningsfunktion",
        "Lokala förebyggande rådet (LFR)",
        "Styrgrupp",
        "Operativ grupp",
        "Samverkan med andra aktörer",
        "SuToHaMu",
        "Arbetssätt",
        "Lägesbild och åtgärdsplan",
        "Operativ lägesbild",
        "Strategisk lägesbild",
        "Åtgärdsplan",
        "Uppföljning",
    ]
    heads = _headings(md)
    positions = [heads.index(h) for h in seed_order]
    assert positions == sorted(positions), heads
    assert "i lag (Lag" not in md
    prose = "\n".join(line for line in md.splitlines() if not line.startswith(("- ", "|")))
    sentences = [s.strip() for s in re.split(r"(?<=[.!?])\s+", prose) if len(s.strip()) > 30]
    repeated = {s for s in sentences if sentences.count(s) > 1}
    assert not repeated, repeated
    section = md.split("### Samordningsfunktion", 1)[1].split("###", 1)[0]
    assert section.count("\n- ") == 3  # the seed's three tasks, none added
    for fragment in ("Den remitteras", "Den presenteras för", "Den beslutas av"):
        assert fragment + " " not in md.split("## Lägesbild och åtgärdsplan")[1].split(". ")[0]
    assert "innan den presenteras för och beslutas av kommunstyrelsen" in md
    text = " ".join(_pages(pdf))
    assert "Torsby kommuns" in text


def test_composed_text_is_grammatical(docs, example) -> None:
    everything = " ".join(md for md, _ in docs.values())
    assert " Mäts med:" not in everything
    assert "(förklarar:" not in everything
    assert "Lägesbild strategisk" not in everything
    root = example("lindesberg")
    path = root / "funktioner" / "brottsforebyggande-samordnare.yaml"
    text = path.read_text(encoding="utf-8")
    tasks = r"uppgifter:\n(  - .*\n(    .*\n)*)+"
    text = re.sub(tasks, "uppgifter:\n  - Samordnar arbetet\n", text)
    path.write_text(text, encoding="utf-8")
    md = render(load_repo(root), "riktlinje")[0].markdown
    assert "uppgifter är att:\n\n- Samordnar" not in md
    assert "Samordningsfunktionen har följande uppgifter:\n\n- Samordnar arbetet" in md


def test_example_data_is_visible(docs, example) -> None:
    md, pdf = docs[("torsby", "lagesbild")]
    assert "**Exempeldata.**" in md
    assert "Exempeldata." in _pages(pdf)[0]
    # Per value: only the marked keys, named in the banner.
    root = example("norsjo")
    path = root / "dokument" / "medborgarloften.yaml"
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^exempeldata: true\n", "", text, flags=re.M)
    path.write_text("exempeldata: [gäller_till]\n" + text, encoding="utf-8")
    doc = render(load_repo(root), "medborgarloften")[0]
    assert "dokument/medborgarloften.yaml (gäller_till)" in doc.example
    assert "dokument/medborgarloften.yaml (gäller\\_till)" in doc.markdown
    assert "Exempeldata." in _pages(to_pdf(doc))[0]


def test_every_invented_value_in_the_examples_is_declared() -> None:
    """A comment saying values are invented is not enough: the documents show only what
    `exempeldata` declares, so a board reading Norsjö's organisation would take invented
    cadences for the municipality's own (they were marked by comments only)."""
    undeclared = []
    for path in sorted(EXAMPLES.glob("*/**/*.yaml")):
        text = path.read_text(encoding="utf-8")
        if re.search(r"^# ?Exempeldata|^#.* är exempeldata", text, re.M) and not re.search(
            r"^exempeldata:", text, re.M
        ):
            undeclared.append(str(path.relative_to(EXAMPLES)))
    assert undeclared == []
    md = render(load_repo(EXAMPLES / "norsjo"), "organisation")[0].markdown
    assert "organ/styrgrupp.yaml (sammankallande, möten)" in md
    # the same keys in many files of one folder are counted, so the box stays short
    md = render(load_repo(EXAMPLES / "torsby"), "organisation")[0].markdown
    assert "ersättare i 4 filer i funktioner/" in md


def test_broken_repository_is_not_rendered_silently(example, cli, tmp_path: Path) -> None:
    root = example("torsby")
    (root / "funktioner" / "skolchef.yaml").write_text("titel: [trasig\n", encoding="utf-8")
    out = tmp_path / "riktlinje.md"
    result = cli("render", "riktlinje", root, "-o", out)
    assert result.exit_code == 1
    assert "skolchef.yaml" in result.stderr and "--draft" in result.stderr
    assert not out.exists()
    result = cli("render", "riktlinje", root, "-o", out, "--draft")
    assert result.exit_code == 0, result.stderr
    md = out.read_text(encoding="utf-8")
    assert "Utkast från ett förråd med fel." in md and "skolchef.yaml" in md
    pdf = tmp_path / "riktlinje.pdf"
    result = cli("render", "riktlinje", root, "-f", "pdf", "-o", pdf, "--draft")
    assert result.exit_code == 0, result.stderr
    assert "Utkast från ett förråd med fel." in _pages(pdf.read_bytes())[0]


def _crossings(layout) -> list[tuple[str, str, str]]:
    """(source, target, box) for every line segment that runs through a box it does not
    connect (touching an edge of the box is not crossing it)."""
    bad = []
    for e in layout.edges:
        for (x1, y1), (x2, y2) in itertools.pairwise(e.points):
            for b in layout.boxes.values():
                if b.id in (e.source, e.target):
                    continue
                if (
                    min(x1, x2) < b.x + b.w
                    and max(x1, x2) > b.x
                    and min(y1, y2) < b.y + b.h
                    and max(y1, y2) > b.y
                ):
                    bad.append((e.source, e.target, b.id))
    return bad


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_org_chart_lines_never_cross_an_unrelated_box(name: str) -> None:
    from brottsforeb.render._charts import chart_layout, svg_chart

    repo = load_repo(EXAMPLES / name)
    layout = chart_layout(repo)
    assert layout.edges
    assert not _crossings(layout)
    for e in layout.edges:  # orthogonal lines only: every segment horizontal or vertical
        for (x1, y1), (x2, y2) in itertools.pairwise(e.points):
            assert x1 == x2 or y1 == y2
    svg = svg_chart(repo)
    for g in layout.groups:
        assert g.label and f">{g.label}</text>" in svg
    assert svg.count("<polygon") >= len(layout.edges)  # an arrowhead on every line
    assert "funktionen är sammankallande eller ledamot" in svg  # legend for the dashes
    assert "ingår i, tillsätts av eller rapporterar till" in svg
    # Readable at A4: the chart spans the text width (about 465 pt), box text ≥ 8.5 pt.
    from brottsforeb.render._charts import FONT

    assert FONT * 465 / layout.width >= 8.5


def test_org_chart_routes_around_rows_in_between(example) -> None:
    """An external body reporting to the kommunstyrelse skips rows: its line goes round."""
    from brottsforeb.render._charts import chart_layout

    root = example("torsby")
    path = root / "organ" / "lansnatverket.yaml"
    path.write_text(
        path.read_text(encoding="utf-8") + "rapporterar_till: kommunstyrelsen\n", encoding="utf-8"
    )
    layout = chart_layout(load_repo(root))
    assert any(e.target == "o_lansnatverket" and e.style == "solid" for e in layout.edges)
    assert not _crossings(layout)
    assert [g.label for g in layout.groups] == ["Samverkan utanför kommunen"]


def test_register_of_governing_documents(docs) -> None:
    """Every document of every type, with status, adoption, § and next review (#13)."""
    for ex in EXAMPLE_NAMES:
        repo = load_repo(EXAMPLES / ex)
        for kind in ("riktlinje", "organisation"):
            md = docs[(ex, kind)][0]
            assert "## Register över styrdokument" in md, (ex, kind)
            register = md.split("## Register över styrdokument", 1)[1]
            for d in repo.dokument.values():
                assert _cell(d.title) in register, (ex, kind, d.title)
    norsjo = docs[("norsjo", "organisation")][0].split("## Register över styrdokument")[1]
    # the seed says the programme governs but not who adopted it or when: nothing invented
    assert "(program) | Gällande |   |" in norsjo
    assert "| Kommunstyrelsen 2025-02-10 §\u00a012 | 2027-02-10 (revidering) |" in norsjo


def _cell(text: str) -> str:
    from brottsforeb._escape import cell

    return cell(text)


#: Model fields that reach no document on purpose, each with its reason.
NOT_IN_DOCUMENTS = {
    ("Frekvens", "per"): "through Frekvens.describe() ('två gånger per år')",
    ("Frekvens", "or_more"): "through Frekvens.describe() ('eller oftare vid behov')",
    ("Moten", "per"): "through Frekvens.describe(), which Moten inherits",
    ("Moten", "or_more"): "through Frekvens.describe(), which Moten inherits",
    ("Kommun", "exceptions"): "configures bfa validate (deliberate exceptions to Brå's advice)",
    ("Undantag", "rule"): "part of undantag: configuration of bfa validate",
    ("Undantag", "reason"): "part of undantag: configuration of bfa validate",
    ("Kommun", "language"): "the documents' language, not content",
    ("Organ", "recorded_from"): "bookkeeping for bfa check (meetings before it are not in moten/)",
    ("Atgardspunkt", "origin"): "identity of a carried action item (minutes, bfa check, protokoll)",
    **{
        ("Forslag", f): "shown in the tjänsteskrivelse built by forslag.py (bfa render forslag)"
        for f in ("case", "summary", "background", "documents", "prepared_by")
    },
    ("Kommun", "proposal"): "the förslag: block, read by forslag.py (bfa render forslag)",
    ("Medlem", "repository"): "where a member's own repository is; configuration",
    ("SamverkanLank", "path"): "where the collaboration's repository is (samverkan.py)",
    ("SamverkanLank", "git"): "where the collaboration's repository is (samverkan.py)",
    ("SamverkanLank", "clone"): "where the collaboration's repository is (samverkan.py)",
}


def _all_models() -> set[type]:
    import typing

    from brottsforeb.model import KINDS, Kommun
    from brottsforeb.model._base import BfaModel

    found: set[type] = set()

    def walk(cls: type) -> None:
        if cls in found:
            return
        found.add(cls)
        for f in cls.model_fields.values():  # type: ignore[attr-defined]
            for t in [f.annotation, *typing.get_args(f.annotation)]:
                for u in [t, *typing.get_args(t)]:
                    if isinstance(u, type) and issubclass(u, BfaModel):
                        walk(u)

    for kind in KINDS.values():
        walk(kind.model)
    walk(Kommun)
    return found


def test_every_model_field_reaches_a_document() -> None:
    """Every key a user can fill in is read by the code that builds the documents' views
    (render/), or is listed above with the reason it is not. A field added to a model
    without a place in a document fails here."""
    from brottsforeb.render import __file__ as render_init

    source = "\n".join(
        p.read_text(encoding="utf-8") for p in Path(render_init).parent.rglob("*.py")
    )
    missing = []
    for cls in sorted(_all_models(), key=lambda c: c.__name__):
        for name, f in cls.model_fields.items():  # type: ignore[attr-defined]
            if (cls.__name__, name) in NOT_IN_DOCUMENTS:
                continue
            if not re.search(r"\." + re.escape(name) + r"\b", source):
                missing.append(f"{cls.__name__}.{name} ({f.alias})")
    assert not missing, "fält som inget dokument visar: " + ", ".join(missing)


def test_user_keys_appear_in_rendered_documents(docs) -> None:
    """The keys the issue names, filled in the examples, are printed (#13)."""
    norsjo = docs[("norsjo", "organisation")][0]
    for fact in ("Västerbottens län", "2417", "Skellefteå", f"3{NBSP}945", "## Mål för"):
        assert fact in norsjo, fact
    lindesberg = docs[("lindesberg", "riktlinje")][0]
    assert "| Ersätter |" in lindesberg


def test_unconfirmed_values_are_visible(example) -> None:
    root = example("norsjo")
    path = root / "organ" / "styrgrupp.yaml"
    if not path.exists():
        path = sorted((root / "organ").glob("*.yaml"))[0]
    path.write_text("obekräftat: [möten]\n" + path.read_text(encoding="utf-8"), encoding="utf-8")
    doc = render(load_repo(root), "organisation")[0]
    assert f"organ/{path.stem}.yaml (obekräftat: möten)" in doc.example
    assert "ingen ännu bekräftat" in doc.markdown
