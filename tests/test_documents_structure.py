"""Documents as the seeds order them, and how a document is declared (#13, #17 item 5):
Torsby's ANDTS before SSPF, the Mermaid chart's legend, one registry of documents, and
render's output policy in the library. Each test failed before the change it names."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb.errors import UsageError
from brottsforeb.render import DOCUMENTS, document_kind, render, to_pdf
from brottsforeb.render._output import deliver

from .conftest import EXAMPLES

SEED_TORSBY = next(Path("/work/shared/seeds").glob("002_*.txt"), None)
SRC = Path(__file__).resolve().parents[1] / "src" / "brottsforeb"


def _headings(md: str) -> list[str]:
    return [line.lstrip("#").strip() for line in md.splitlines() if line.startswith("#")]


@pytest.mark.parametrize("name", ["riktlinje", "organisation"])
def test_torsby_has_andts_before_sspf_beside_the_lfr(name: str) -> None:
    """The seed (lines 24–25, 99–105): LFR with its groups, then ANDTS, then SSPF, all at
    one level; SSPF was modelled as a part of the LFR and came before ANDTS."""
    (doc,) = render(load_repo(EXAMPLES / "torsby"), name)
    heads = _headings(doc.markdown)
    lfr, andts, sspf = (
        heads.index(h) for h in ("Lokala förebyggande rådet (LFR)", "ANDTS", "SSPF")
    )
    assert lfr < andts < sspf, heads
    level = {
        line.split()[1]: line.split()[0]
        for line in doc.markdown.splitlines()
        if line.startswith("#") and line.split()[1] in ("ANDTS", "SSPF")
    }
    assert level["ANDTS"] == level["SSPF"] == "###"
    # SSPF's members are not in the seed: the document says they are example data.
    assert "organ/sspf.yaml (sammankallande, ledamöter)" in doc.markdown


def test_torsby_riktlinje_pdf_follows_the_seeds_order() -> None:
    (doc,) = render(load_repo(EXAMPLES / "torsby"), "riktlinje")
    text = " ".join(
        " ".join((p.extract_text() or "").split()) for p in PdfReader(io.BytesIO(to_pdf(doc))).pages
    )
    order = [
        "Operativ grupp",
        "ANDTS Arbetet med alkohol",
        "SSPF Samverkansgruppen SSPF",
        "Samverkan med andra aktörer",
    ]
    body = text[text.find("Operativ grupp Den operativa") :]  # after the contents page
    places = [body.find(x) for x in order]
    assert -1 not in places and places == sorted(places), places
    if SEED_TORSBY is not None:
        seed = SEED_TORSBY.read_text(encoding="utf-8")
        assert seed.index("\nANDTS\n") < seed.index("\nSSPF\n")


def test_a_section_can_stand_after_a_body_and_a_bad_reference_keeps_it() -> None:
    """``efter: organ`` places a section after that body; naming a body that is not
    described leaves the section after the organisation instead of dropping it."""
    repo = load_repo(EXAMPLES / "torsby")
    section = next(s for s in repo.dokument["riktlinje"].sections if s.heading == "ANDTS")
    section.after = "kommunstyrelsen"  # political bodies are not described
    (doc,) = render(repo, "riktlinje")
    heads = _headings(doc.markdown)
    assert heads.count("ANDTS") == 1 and heads.index("ANDTS") > heads.index("SSPF")


def test_mermaid_chart_has_a_legend_of_its_line_styles() -> None:
    for name in ("torsby", "lindesberg", "norsjo"):
        (doc,) = render(load_repo(EXAMPLES / name), "riktlinje")
        chart = doc.markdown.split("```mermaid", 1)[1].split("```", 1)[0]
        assert 'subgraph forklaring["Förklaring"]' in chart, name
        assert re.search(r'-->\|"ingår i, tillsätts av eller rapporterar till', chart), name
        if " -.- o_" in chart:
            assert re.search(r'-\.-\|"funktionen är sammankallande eller ledamot"\|', chart)


def test_every_document_is_one_registry_row_with_a_template_and_a_builder() -> None:
    templates = {p.name.removesuffix(".md.j2") for p in SRC.rglob("*.md.j2")}
    templates |= {
        p.name.removesuffix(".md.j2") for p in (SRC.parents[1] / "templates").glob("*.md.j2")
    }
    for name, kind in DOCUMENTS.items():
        assert name in templates, name
        assert kind.build.__module__.startswith("brottsforeb.render._documents."), name
        assert kind.source in ("newest", "each", "structure", "data"), name
        for alias in kind.aliases:
            assert document_kind(alias) is kind
        assert (kind.doc_type is None) == (kind.source in ("structure", "data")), name


def test_render_modules_stay_under_400_lines() -> None:
    for path in (SRC / "render").rglob("*.py"):
        assert len(path.read_text(encoding="utf-8").splitlines()) <= 400, path
    cli = (SRC / "cli" / "render.py").read_text(encoding="utf-8")
    for policy in ("write_output", "mkdir", "out.is_dir()", "MARKER"):
        assert policy not in cli, policy  # render's output policy lives in the library


def test_output_policy_in_the_library(tmp_path: Path) -> None:
    repo = load_repo(EXAMPLES / "torsby")
    docs = render(repo, "motesplan")
    assert deliver(repo, docs, ["md"], None, force=False).stdout == docs[0].markdown
    target = tmp_path / "plan.md"
    target.write_text("egen text", encoding="utf-8")
    from brottsforeb.errors import WriteRefusedError

    with pytest.raises(WriteRefusedError):
        deliver(repo, docs, ["md"], target, force=False)
    assert target.read_text(encoding="utf-8") == "egen text"
    seen: list[Path] = []
    got = deliver(repo, docs, ["md", "html"], tmp_path, force=False, report=seen.append)
    assert got.written == seen == [tmp_path / "motesplan.md", tmp_path / "motesplan.html"]
    with pytest.raises(UsageError):
        deliver(repo, docs, ["md", "pdf"], target, force=True)


def test_counts_agree_with_their_nouns(make_repo) -> None:
    """One helper (render/_format.antal) for every count in composed text: "1 möte",
    never "1 möten"; also in check's meeting messages ("har hållit 0 av 1 möte")."""
    import datetime as dt

    from brottsforeb.render._format import antal
    from brottsforeb.rules import check

    assert antal(1, "möte", "möten") == "1 möte"
    assert antal(0, "möte", "möten") == "0 möten"
    assert antal(3945, "fil", "filer") == "3\u00a0945 filer"
    body = "namn: Råd\ntyp: råd\nuppdrag: u\nsammankallande: samordnare\n"
    body += "inrättad: 2025-01-01\nmöten: {antal: 1, per: år}\n"
    root = make_repo({"organ/rad.yaml": body})
    msgs = [f.message for f in check(load_repo(root), dt.date(2026, 12, 20)) if "Råd " in f.message]
    assert any("har hållit 0 av 1 möte år 2026" in m for m in msgs), msgs
    assert not any(re.search(r"\b1 möten\b", m) for m in msgs), msgs


def test_overview_counts_agree(cli) -> None:
    r = cli("overview", EXAMPLES / "torsby", "--format", "md", "--today", "2026-11-01")
    assert r.exit_code == 0, r.output
    assert not re.search(r"\b1 (frister|filer)\b", r.output)
    assert re.search(r"\b(\d+ frister|1 frist) är försenade", r.output)


def test_draft_names_an_unreadable_function_instead_of_its_id(cli, example, tmp_path) -> None:
    """#13: `render --draft` on a repository with an unparsable funktioner/skolchef.yaml
    printed "- skolchef" in the member list; the banner on page 1 lists the error."""
    root = example("torsby")
    (root / "funktioner/skolchef.yaml").write_text("titel: [oj\n", encoding="utf-8")
    r = cli("render", "riktlinje", root)
    assert r.exit_code == 1 and "skolchef.yaml" in r.output
    r = cli("render", "riktlinje", root, "--draft")
    assert r.exit_code == 0, r.output
    assert "\n- skolchef\n" not in r.stdout
    assert "- skolchef (uppgifterna saknas: funktioner/skolchef.yaml kunde inte läsas)" in r.stdout
    assert "**Utkast från ett förråd med fel.**" in r.stdout.split("<!-- bfa:brödtext -->")[0]
    assert ".." not in r.stdout.split("\n")[2]  # the error's own full stop is not doubled
    pdf = tmp_path / "r.pdf"
    r = cli("render", "riktlinje", root, "--draft", "-f", "pdf", "-o", pdf)
    first = PdfReader(str(pdf)).pages[0].extract_text() or ""
    assert "Utkast från ett förråd med fel" in first and "skolchef.yaml" in first


def test_example_banner_names_the_real_meeting_path() -> None:
    """F4: the banner named moten/2025-09-09-beredningsgrupp.yaml without its year folder."""
    (doc,) = render(load_repo(EXAMPLES / "lindesberg"), "motesplan")
    files = [s.split(" ")[0] for s in doc.example if s.startswith("moten/")]
    assert files and all(re.match(r"moten/\d{4}/", f) for f in files), files
    for f in files:
        assert (EXAMPLES / "lindesberg" / f).is_file(), f


def test_holder_in_running_text_is_in_parentheses(make_repo) -> None:
    """F6: "sammanställd av samordnare, Anna Exempelsson och kommunpolis" read as three
    parties; in running text the holder stands in parentheses."""
    from brottsforeb.render._views import Ctx

    repo = load_repo(EXAMPLES / "norsjo")
    fid = next(k for k, f in repo.funktioner.items() if f.holder)
    ctx = Ctx(repo)
    title, holder = repo.funktioner[fid].title, repo.funktioner[fid].holder
    assert holder is not None
    assert ctx.funktion(fid, in_text=True) == f"{title} ({holder.name})"
    assert ctx.funktion(fid) == f"{title}, {holder.name}"  # member lists keep the comma


def test_org_chart_floats_so_the_first_page_is_filled() -> None:
    """Torsby's organisation: the chart did not fit under the title block and moved to
    page 2, leaving page 1 mostly empty; it now floats and the text fills page 1."""
    (doc,) = render(load_repo(EXAMPLES / "torsby"), "organisation")
    pages = [p.extract_text() or "" for p in PdfReader(io.BytesIO(to_pdf(doc))).pages]
    assert "Operativ grupp" in pages[0] and len(pages[0]) > 1500, pages[0]
    # Never above the title: a float at the top of page 1 went before it (Norsjö).
    (doc,) = render(load_repo(EXAMPLES / "norsjo"), "organisation")
    first = PdfReader(io.BytesIO(to_pdf(doc))).pages[0].extract_text() or ""
    assert first.index("Struktur för det") < first.index("Kommunfullmäktige"), first


def test_a_body_without_parent_stands_below_the_leading_body() -> None:
    """SSPF (no ingår_i) was drawn in the top row beside Kommunfullmäktige."""
    from brottsforeb.render._charts import chart_layout

    lay = chart_layout(load_repo(EXAMPLES / "torsby"))
    assert lay.boxes["o_sspf"].y == lay.boxes["o_lfr"].y > lay.boxes["o_kommunstyrelsen"].y
    assert not any("o_sspf" in (e.source, e.target) for e in lay.edges)


def test_render_check_notices_a_missing_folder_and_a_deleted_rendering(cli, example) -> None:
    """A14: `--check -o /finns-inte` said "Inga renderingar att kontrollera" and exited 0;
    a rendering deleted from renderingar/ went unnoticed."""
    root = example("torsby")
    r = cli("render", "--check", root, "-o", root / "finns-inte")
    assert r.exit_code == 2 and "finns inte" in r.output
    out = root / "renderingar"
    assert cli("render", "--all", root, "-o", out).exit_code == 0
    assert cli("render", "--check", root).exit_code == 0
    (out / "motesplan.md").unlink()
    r = cli("render", "--check", root)
    assert r.exit_code == 1 and "saknas:" in r.stdout and "motesplan.md" in r.stdout


def test_public_chart_labels_are_scrubbed_in_every_format(example) -> None:
    """A27: a body named after a person reached the SVG chart (wrapped over two <text>
    lines, so scrubbing the finished SVG missed it) in PDF, HTML and Word."""
    from brottsforeb.render import to_docx, to_html

    root = example("norsjo")
    repo = load_repo(root)
    holder = next(f.holder.name for f in repo.funktioner.values() if f.holder)
    path = next(p for p in sorted((root / "organ").glob("*.yaml")) if "styrgrupp" in p.name)
    text = path.read_text(encoding="utf-8")
    text = re.sub(
        r"^namn: (.*)$", lambda m: f"namn: {m.group(1)} hos {holder}", text, count=1, flags=re.M
    )
    path.write_text(text, encoding="utf-8")
    repo = load_repo(root)
    assert any(holder in o.name for o in repo.organ.values())
    (doc,) = render(repo, "organisation", public=True)
    first, last = holder.split()[0], holder.split()[-1]
    for figure in doc.figures.values():
        assert first not in figure and last not in figure
    assert last not in doc.markdown
    assert last not in to_html(doc)
    assert last.encode() not in to_docx(doc, repo)
    pdf = " ".join(p.extract_text() or "" for p in PdfReader(io.BytesIO(to_pdf(doc))).pages)
    assert last not in pdf


def test_other_sections_are_chapters_after_the_organisation(example) -> None:
    """F10: a riktlinje's own sections (not Inledning, Syfte, Kunskapsbaserat arbetssätt,
    not placed with `efter`) were ### inside "Organisation"; they are ## after it."""
    root = example("torsby")
    path = root / "dokument" / "riktlinje.yaml"
    text = path.read_text(encoding="utf-8").rstrip("\n")
    path.write_text(text + "\n  - rubrik: Budget\n    text: Arbetet ryms i ram.\n", "utf-8")
    (doc,) = render(load_repo(root), "riktlinje")
    assert "\n## Budget\n" in doc.markdown
    assert doc.markdown.index("\n## Budget\n") > doc.markdown.index("Organisationsschema")


def test_function_titles_in_a_list_share_one_case() -> None:
    """F12: "trygghetssamordnare, Erik Exempelsson och Analytiker"."""
    from brottsforeb.render._format import mitt_lista

    got = mitt_lista(["Trygghetssamordnare (Erik Exempelsson)", "Analytiker", "Fritidsledare"])
    assert got == "trygghetssamordnare (Erik Exempelsson), analytiker och fritidsledare"
    assert mitt_lista(["Kommunstyrelsen", "Polismyndigheten"]) == (
        "kommunstyrelsen och Polismyndigheten"
    )


def test_key_functions_heading_names_what_is_shown() -> None:
    """F13: "Kommunpolis och samordnare" over a section that showed only the samordnare."""
    for name in ("torsby", "lindesberg", "norsjo"):
        (doc,) = render(load_repo(EXAMPLES / name), "organisation")
        md = doc.markdown
        if "## Kommunpolis och samordnare" in md:
            part = md.split("## Kommunpolis och samordnare", 1)[1].split("\n## ", 1)[0]
            assert "### Kommunpolis" in part, name
    (doc,) = render(load_repo(EXAMPLES / "torsby"), "organisation")
    assert "## Samordnare\n" in doc.markdown  # Torsby's kommunpolis has no tasks listed
