"""`bfa render forslag --base REV`: a reorganisation on a branch as a tjänsteskrivelse."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import git
import pytest
from pypdf import PdfReader

from brottsforeb.forslag import proposal

from .conftest import EXAMPLES

LEDNINGSGRUPP = """\
namn: Kommundirektörens ledningsgrupp
typ: styrgrupp
rapporterar_till: kommunstyrelsen
uppdrag: Är styrgrupp för det brottsförebyggande arbetet.
mandat: Beslutar om strategisk inriktning och prioriteringar.
ordförande: kommundirektor
sammankallande: forebyggande-samordnare
ledamöter: [kommundirektor, skolchef, verksamhetschef-ifo, forebyggande-samordnare]
möten: {antal: 4, per: år}
exempeldata: true
"""

FORSLAG = """
förslag:
  ärende: Ny organisation för det brottsförebyggande arbetet
  diarienummer: KS 2026/99
  datum: 2026-10-01
  handläggare: forebyggande-samordnare
  beslutas_av: kommunstyrelsen
  beslutsförslag:
    - Lokala förebyggande rådet med styrgrupp upphör 2026-12-31.
    - Kommundirektörens ledningsgrupp blir styrgrupp för det brottsförebyggande arbetet.
    - Riktlinje 2027 antas och ersätter riktlinjen från 2024.
  sammanfattning: Rådets styrgrupp och ledningsgruppen har i stort samma ledamöter.
  konsekvenser: Färre möten för förvaltningscheferna.
  beslutsunderlag: [Riktlinje för Torsby kommuns brottsförebyggande arbete 2027]
"""


@pytest.fixture
def branch(tmp_path: Path) -> Path:
    """Torsby committed on main, and a branch `ny-organisation` (checked out, uncommitted
    changes on top) that replaces the LFR with the kommundirektörens ledningsgrupp."""
    root = tmp_path / "torsby"
    shutil.copytree(EXAMPLES / "torsby", root)
    repo = git.Repo.init(root, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Torsby som i riktlinjen 2024")
    repo.git.checkout("-b", "ny-organisation")
    (root / "organ/lfr.yaml").unlink()
    (root / "organ/lfr-styrgrupp.yaml").unlink()
    op = root / "organ/lfr-operativ-grupp.yaml"
    text = op.read_text(encoding="utf-8").replace("ingår_i: lfr\n", "")
    op.write_text(
        text.replace("rapporterar_till: lfr-styrgrupp", "rapporterar_till: ledningsgrupp")
    )
    sspf = root / "organ/sspf.yaml"
    sspf.write_text(
        sspf.read_text(encoding="utf-8").replace("typ:", "ingår_i: ledningsgrupp\ntyp:", 1)
    )
    (root / "organ/ledningsgrupp.yaml").write_text(LEDNINGSGRUPP, encoding="utf-8")
    old = (root / "dokument/riktlinje.yaml").read_text(encoding="utf-8")
    (root / "dokument/riktlinje.yaml").unlink()
    new = old.replace(
        "titel: Riktlinje för Torsby kommuns brottsförebyggande arbete",
        "titel: Riktlinje för Torsby kommuns brottsförebyggande arbete 2027\n"
        "ersätter: riktlinje\nexempeldata: true",
    )
    (root / "dokument/riktlinje-2027.yaml").write_text(new, encoding="utf-8")
    with (root / "bfa.yaml").open("a", encoding="utf-8") as fh:
        fh.write(textwrap.dedent(FORSLAG))
    return root


def _check_content(text: str) -> None:
    # the decision asked for, from the branch's bfa.yaml
    assert "1. Lokala förebyggande rådet med styrgrupp upphör 2026-12-31." in text
    assert "2. Kommundirektörens ledningsgrupp blir styrgrupp" in text
    # the two organisations side by side
    assert "| Nuvarande organisation | Föreslagen organisation |" in text
    assert "| Lokala förebyggande rådet (under Kommunstyrelsen) | – |" in text
    assert "| Styrgrupp (under Lokala förebyggande rådet) | – |" in text
    assert "| – | Kommundirektörens ledningsgrupp (under Kommunstyrelsen) |" in text
    assert "| SSPF | SSPF (under Kommundirektörens ledningsgrupp) |" in text
    assert 'subgraph nu["Nuvarande organisation"]' in text
    assert 'subgraph ny["Föreslagen organisation"]' in text
    # every change as a sentence, from the minutes machinery
    assert "- Lokala förebyggande rådet: togs bort" in text
    assert "- Styrgrupp: togs bort" in text
    assert "- Kommundirektörens ledningsgrupp: tillkom" in text
    assert "ändrades från lfr-styrgrupp till Kommundirektörens ledningsgrupp" in text
    # the proposal's own text is not reported as a change of the organisation
    assert "förslag angavs" not in text
    # the document that lapses and the one that replaces it
    assert (
        "| Riktlinje för Torsby kommuns brottsförebyggande arbete | upphör (tas bort i "
        "förslaget) | Riktlinje för Torsby kommuns brottsförebyggande arbete 2027 |" in text
    )
    assert "exempeldata" in text


def test_markdown_of_the_working_tree_against_main(cli, branch: Path) -> None:
    r = cli("render", "forslag", branch, "--base", "main")
    assert r.exit_code == 0, r.output
    _check_content(r.output)
    assert r.output.startswith("# Tjänsteskrivelse: Ny organisation för det brottsförebyggande")
    for heading in ("Förslag till beslut", "Sammanfattning", "Ärendet", "Konsekvenser"):
        assert f"## {heading}" in r.output
    assert "| Diarienummer | KS 2026/99 |" in r.output


def test_head_revision_and_swedish_alias(cli, branch: Path) -> None:
    repo = git.Repo(branch)
    repo.git.add(A=True)
    repo.index.commit("Förslag: ledningsgruppen blir styrgrupp")
    repo.git.checkout("main")  # the working tree is today's organisation again
    r = cli("render", "förslag", branch, "--base", "main", "--head", "ny-organisation")
    assert r.exit_code == 0, r.output
    _check_content(r.output)
    assert proposal(branch, "main").sentences == []  # main against its own working tree


def test_pdf_has_both_charts_and_the_changes(cli, branch: Path, tmp_path: Path) -> None:
    out = tmp_path / "forslag.pdf"
    r = cli("render", "forslag", branch, "--base", "main", "-f", "pdf", "-o", out)
    assert r.exit_code == 0, r.output
    text = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(out).pages)
    text = re.sub(r"(?<=\w)- (?=\w)", "", text)  # words hyphenated in the table's cells
    assert "Tjänsteskrivelse: Ny organisation" in text
    assert "Nuvarande organisation Föreslagen organisation" in text
    assert "Lokala förebyggande rådet (under Kommunstyrelsen) –" in text
    assert "– Kommundirektörens ledningsgrupp (under Kommunstyrelsen)" in text
    assert "Lokala förebyggande rådet: togs bort" in text
    assert "Kommundirektörens ledningsgrupp: tillkom" in text
    assert "Riktlinje för Torsby kommuns brottsförebyggande arbete 2027" in text
    assert "Förslag till beslut" in text and "Konsekvenser" in text
    # N8: the title block once; the charts in "Ärendet", before "Konsekvenser"
    assert text.count("Diarienummer") == 1, text
    assert text.index("Nuvarande organisation Föreslagen organisation") < text.index("Konsekvenser")


def test_a_branch_is_named_as_the_user_named_it(cli, branch: Path) -> None:
    # N8: "HEAD → ny-organisat": a branch name was cut like a commit id
    repo = git.Repo(branch)
    repo.git.add(A=True)
    repo.index.commit("Förslag")
    repo.git.checkout("main")
    r = cli("render", "forslag", branch, "--base", "main", "--head", "ny-organisation")
    assert "| Jämförelse | main → ny-organisation |" in r.output, r.output


def test_bad_revisions_and_missing_base(cli, branch: Path) -> None:
    r = cli("render", "forslag", branch)
    assert r.exit_code == 2 and "--base" in r.output
    r = cli("render", "forslag", branch, "--base", "finns-inte")
    assert r.exit_code == 2 and "Revisionen 'finns-inte' finns inte" in r.output


def test_the_guide_steps(cli, tmp_path: Path) -> None:
    """docs/guide.md, "Omorganisation": branch, git rm, bfa new, bfa set, bfa render forslag."""
    root = tmp_path / "torsby"
    shutil.copytree(EXAMPLES / "torsby", root)
    repo = git.Repo.init(root, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Torsby")
    repo.git.switch("-c", "ny-organisation")
    repo.git.rm("organ/lfr.yaml", "organ/lfr-styrgrupp.yaml")
    r = cli("new", "organ", "Kommundirektörens ledningsgrupp", root, "--typ", "styrgrupp")
    assert r.exit_code == 0, r.output
    r = cli(
        "set",
        "-C",
        root,
        "organ/lfr-operativ-grupp",
        "rapporterar_till",
        "kommundirektorens-ledningsgrupp",
    )
    assert r.exit_code == 0, r.output
    r = cli(
        "set", "-C", root, "kommundirektorens-ledningsgrupp", "rapporterar_till", "kommunstyrelsen"
    )
    assert r.exit_code == 0, r.output
    r = cli("render", "forslag", root, "--base", "main")
    assert r.exit_code == 0, r.output
    assert "- Kommundirektörens ledningsgrupp: tillkom" in r.output
    assert "- Lokala förebyggande rådet: togs bort" in r.output
    assert "| – | Kommundirektörens ledningsgrupp (under Kommunstyrelsen) |" in r.output


def test_a_body_that_only_changes_id_keeps_its_row(branch: Path) -> None:
    from brottsforeb.forslag import _in_force, _side_by_side

    p = proposal(branch, "main")
    assert p.renamed == {}  # in the fixture the operative group keeps its id
    old, new = _in_force(p.old, proposed=False), _in_force(p.new, proposed=True)
    op = branch / "organ/lfr-operativ-grupp.yaml"
    op.rename(branch / "organ/operativ-grupp.yaml")
    p = proposal(branch, "main")
    assert p.renamed == {"operativ-grupp": "lfr-operativ-grupp"}
    old, new = _in_force(p.old, proposed=False), _in_force(p.new, proposed=True)
    rows = _side_by_side(old, new, p.renamed)
    assert (
        "Operativ grupp (under Lokala förebyggande rådet)",
        "Operativ grupp (under Kommundirektörens ledningsgrupp)",
    ) in rows


def test_lifecycle_keys_instead_of_deleting(cli, tmp_path: Path) -> None:
    """The branch keeps the LFR's files with `status: avvecklat` and `ersätts_av`, and marks
    the old riktlinje `status: ersatt` with `ersatt_av` (#14's lifecycle vocabulary)."""
    root = tmp_path / "torsby"
    shutil.copytree(EXAMPLES / "torsby", root)
    repo = git.Repo.init(root, initial_branch="main")
    repo.git.add(A=True)
    repo.index.commit("Torsby")
    repo.git.switch("-c", "ny-organisation")
    (root / "organ/ledningsgrupp.yaml").write_text(LEDNINGSGRUPP, encoding="utf-8")
    for name in ("lfr", "lfr-styrgrupp"):
        path = root / f"organ/{name}.yaml"
        path.write_text(
            path.read_text(encoding="utf-8") + "status: avvecklat\nersätts_av: ledningsgrupp\n",
            encoding="utf-8",
        )
    for name in ("lfr-operativ-grupp", "sspf"):
        path = root / f"organ/{name}.yaml"
        text = path.read_text(encoding="utf-8").replace("ingår_i: lfr", "ingår_i: ledningsgrupp")
        if "ingår_i" not in text:  # SSPF stands beside the LFR, not in it
            text = text.replace("typ:", "ingår_i: ledningsgrupp\ntyp:", 1)
        path.write_text(text.replace("till: lfr-styrgrupp", "till: ledningsgrupp"), "utf-8")
    old = root / "dokument/riktlinje.yaml"
    text = old.read_text(encoding="utf-8")
    (root / "dokument/riktlinje-2027.yaml").write_text(
        text.replace(
            "titel: Riktlinje för Torsby kommuns brottsförebyggande arbete",
            "titel: Riktlinje 2027 för Torsby kommuns brottsförebyggande arbete\nexempeldata: true",
        ),
        encoding="utf-8",
    )
    old.write_text(text + "status: ersatt\nersatt_av: riktlinje-2027\n", encoding="utf-8")
    r = cli("render", "forslag", root, "--base", "main")
    assert r.exit_code == 0, r.output
    assert "| Lokala förebyggande rådet (under Kommunstyrelsen) | – |" in r.output
    assert "| – | Kommundirektörens ledningsgrupp (under Kommunstyrelsen) |" in r.output
    assert "| SSPF | SSPF (under Kommundirektörens" in r.output
    # what happened, in words (before: "status angavs till avvecklat")
    assert "- Lokala förebyggande rådet: avvecklades" in r.output.splitlines(), r.output
    assert (
        "| Riktlinje för Torsby kommuns brottsförebyggande arbete | ersätts | Riktlinje 2027 "
        "för Torsby kommuns brottsförebyggande arbete |" in r.output
    )
