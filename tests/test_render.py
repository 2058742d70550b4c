"""bfa render: every document to Markdown and PDF, with the seeds' facts in the PDF text."""

from __future__ import annotations

import io
import os
import re
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from pypdf import PdfReader

from brottsforeb import RenderError, load_repo
from brottsforeb.render import DOCUMENTS, render, render_all, to_pdf

from .conftest import EXAMPLE_NAMES, EXAMPLES

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("BFA_UPDATE_GOLDEN") == "1"


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join((page.extract_text() or "").split()) for page in reader.pages)


@pytest.fixture(scope="module")
def pdfs() -> dict[tuple[str, str], str]:
    """Text of every document of every example, rendered to PDF once."""
    out = {}
    for name in EXAMPLE_NAMES:
        for doc in render_all(load_repo(EXAMPLES / name)):
            data = to_pdf(doc)
            assert data.startswith(b"%PDF-")
            out[(name, doc.name)] = pdf_text(data)
    return out


def test_every_example_renders_every_document(pdfs) -> None:
    for name in EXAMPLE_NAMES:
        kinds = {k for (ex, k) in pdfs if ex == name}
        assert {
            "riktlinje",
            "organisation",
            "atgardsplan",
            "lagesbild",
            "uppfoljning",
            "motesplan",
        } <= kinds, (name, kinds)
    assert ("torsby", "samverkansoverenskommelse") in pdfs
    assert ("norsjo", "medborgarloften") in pdfs


def _has(text: str, *facts: str) -> None:
    missing = [f for f in facts if f not in text]
    assert not missing, missing


def test_torsby_riktlinje_carries_the_seed(pdfs) -> None:
    t = pdfs[("torsby", "riktlinje")]
    _has(
        t,
        "Riktlinje för Torsby kommuns brottsförebyggande arbete",
        "Kommunstyrelsen",
        "2024-09-02",
        "§ 142",
        "minst vart fjärde år eller oftare vid behov",
        "Mimmi Adolfsson och Kicki Lech",
        "2023-10-23 § 134",
        # bodies with chair, convener, members, cadence, documentation
        "Lokala förebyggande rådet (LFR)",
        "Ordförande: Verksamhetschef IFO",
        "Sammankallande: Förebyggande samordnare",
        "Två gånger per år eller oftare vid behov",
        "Fyra gånger per år eller oftare vid behov",
        "Skolchef",
        "Miljö- och byggchef",
        "Gatuchef",
        "Kulturchef",
        "Arbetsmarknadschef",
        "Företrädare för Torsby Bostäder AB",
        "Kuratorer",
        "Fritidskonsulent",
        "minnesanteckningar som diarieförs i kommunstyrelsens diarium",
        "SSPF",
        "Individer mellan 10–20 år",
        "ANDTS",
        # cooperation outside
        "SuToHaMu",
        "Sunne kommun",
        "Hagfors kommun",
        "Munkfors kommun",
        "Länsnätverket",
        "Länsstyrelsen Värmland",
        "Åtta gånger per år",
        "Representant från Agera Värmland",
        # lägesbild frequencies, yearly follow-up
        "En operativ lägesbild tas fram tre gånger per år",
        "En strategisk lägesbild tas fram vartannat år eller oftare vid behov",
        "det vi vet, hör och ser",
        "sker hos kommunstyrelsen årligen",
        "kontinuerligt rapportera",
    )


def test_lindesberg_organisation_carries_the_seed(pdfs) -> None:
    t = pdfs[("lindesberg", "organisation")]
    _has(
        t,
        "Struktur för det brottsförebyggande arbetet i Lindesbergs kommun",
        "§ 58",
        "2024-04-30",
        "KS 2024/70",
        "3 år efter antagande",
        "Hela kommunkoncernen",
        "Kansliet",
        "Styrgrupp",
        "LindeBRÅ",
        "EST",
        "Chefen för lokalpolisområde Lindesberg",
        "Samtliga nämndordföranden",
        "Samtliga oppositionsråd",
        "ersättare: Kanslichef",
        "Representant från folkhälsoteamet",
        "Securitas",
        "Besök Linde AB",
        "Fastigheter i Linde AB",
        "En gång per vecka",
        "30 minuter per möte",
        "Microsoft Teams",
        "en gång på våren och en gång på hösten",
        "två gånger på våren och två gånger på hösten",
        "undertecknas av kommundirektör och kommunstyrelsens ordförande",
        "Kommunpolis och samordnare",
    )


def test_norsjo_carries_the_seed(pdfs) -> None:
    t = pdfs[("norsjo", "riktlinje")] + pdfs[("norsjo", "uppfoljning")]
    _has(
        t,
        "Folkhälsorådet",
        "Förebyggandegruppen",
        "Styrgrupp",
        "50 procent",
        "Samordnare för ANDT och brottsförebyggande arbete",
        "Region Västerbotten",
        "Chefen för hälsocentralen",
        "Integrationsstrateg",
        "Representanter från näringsliv och föreningar",
    )
    for indicator in (
        "Droger",
        "Trygghet",
        "Ökad kunskap om våld och genus",
        "Kränkning",
        "Psykisk hälsa",
    ):
        assert indicator in pdfs[("norsjo", "uppfoljning")]
    lofte = pdfs[("norsjo", "medborgarloften")]
    _has(
        lofte,
        "Ökad upplevd trygghet",
        "Minskad brottslighet",
        "dold brottslighet",
        "mer delaktiga",
        "Ökat samarbete mellan Polisen och Norsjö kommun",
    )


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_markdown(name: str) -> None:
    folder = GOLDEN / name
    for doc in render_all(load_repo(EXAMPLES / name)):
        path = folder / f"{doc.name}.md"
        if UPDATE:
            folder.mkdir(parents=True, exist_ok=True)
            path.write_text(doc.markdown, encoding="utf-8")
        assert path.exists(), f"saknar {path}: kör BFA_UPDATE_GOLDEN=1 pytest tests/test_render.py"
        assert doc.markdown == path.read_text(encoding="utf-8"), (
            f"{path} skiljer sig: granska diffen och kör BFA_UPDATE_GOLDEN=1 "
            "pytest tests/test_render.py"
        )


def test_rendering_is_deterministic() -> None:
    repo = load_repo(EXAMPLES / "torsby")
    a = [(d.markdown, to_pdf(d)) for d in render(repo, "riktlinje")]
    b = [(d.markdown, to_pdf(d)) for d in render(load_repo(EXAMPLES / "torsby"), "riktlinje")]
    assert a == b


HOSTILE = 'Torsby #read("/etc/passwd") $x^2$ *fet* <b>html</b> ]] \\ kommun'


def _plain(markdown: str) -> str:
    """The text a Markdown renderer shows (CommonMark + tables), tags stripped."""
    html = MarkdownIt("commonmark").enable("table").render(markdown)
    text = re.sub(r"<[^>]+>", "", html)
    return (
        text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")
    )


def test_hostile_name_renders_literally(example) -> None:
    root = example("torsby")
    bfa = root / "bfa.yaml"
    bfa.write_text(
        bfa.read_text(encoding="utf-8").replace(
            "namn: Torsby kommun", "namn: '" + HOSTILE.replace("'", "''") + "'"
        ),
        encoding="utf-8",
    )
    (root / "organ" / "sspf.yaml").write_text(
        (root / "organ" / "sspf.yaml")
        .read_text(encoding="utf-8")
        .replace("namn: SSPF", 'namn: "SSPF | x | _y_ [l](http://e) `c` # 1. - * + > ~"'),
        encoding="utf-8",
    )
    repo = load_repo(root)
    doc = render(repo, "organisation")[0]
    shown = _plain(doc.markdown)
    assert HOSTILE in shown
    assert "SSPF | x | _y_ [l](http://e) `c` # 1. - * + > ~" in shown
    assert "<b>" not in MarkdownIt("commonmark").render(doc.markdown)
    text = pdf_text(to_pdf(doc))
    assert HOSTILE in text
    assert "root:" not in text  # /etc/passwd was not read


def test_unknown_document_suggests(cli) -> None:
    result = cli("render", "riktlinj", EXAMPLES / "torsby")
    assert result.exit_code == 2
    assert "Menade du 'riktlinje'?" in result.stderr


def test_swedish_spelling_accepted(cli) -> None:
    result = cli("render", "åtgärdsplan", EXAMPLES / "torsby")
    assert result.exit_code == 0
    assert result.stdout.startswith("# Åtgärdsplan för det brottsförebyggande arbetet")


def test_list(cli) -> None:
    result = cli("render", "--list")
    for name in DOCUMENTS:
        assert name in result.stdout


def test_render_pdf_to_file_and_refuse_foreign(cli, tmp_path: Path) -> None:
    out = tmp_path / "riktlinje.pdf"
    assert cli("render", "riktlinje", EXAMPLES / "torsby", "-f", "pdf", "-o", out).exit_code == 0
    assert "Riktlinje för Torsby" in pdf_text(out.read_bytes())
    # its own output is replaced freely
    assert cli("render", "riktlinje", EXAMPLES / "torsby", "-f", "pdf", "-o", out).exit_code == 0
    foreign = tmp_path / "annat.md"
    foreign.write_text("Mina anteckningar\n")
    result = cli("render", "riktlinje", EXAMPLES / "torsby", "-o", foreign)
    assert result.exit_code == 2 and foreign.read_text() == "Mina anteckningar\n"
    assert cli("render", "riktlinje", EXAMPLES / "torsby", "-o", foreign, "--force").exit_code == 0
    assert not list(tmp_path.glob("*.tmp"))


def test_render_all_and_check(cli, example, tmp_path: Path) -> None:
    root = example("lindesberg")
    out = root / "renderingar"
    assert cli("render", "--all", root, "-o", out).exit_code == 0
    assert (out / "riktlinje.md").exists() and (out / "motesplan.md").exists()
    result = cli("render", "--check", root)
    assert result.exit_code == 0 and "aktuella" in result.stdout
    est = root / "organ" / "est.yaml"
    est.write_text(
        est.read_text(encoding="utf-8").replace("längd_minuter: 30", "längd_minuter: 45")
    )
    result = cli("render", "--check", root)
    assert result.exit_code == 1
    assert "inaktuell" in result.stdout and "organisation.md" in result.stdout


def test_municipality_template_override(example, cli) -> None:
    root = example("torsby")
    (root / "templates").mkdir()
    (root / "templates" / "motesplan.md.j2").write_text(
        "# Egen mötesplan för {{ kommun }}\n\n{{ okänt_fält }}\n", encoding="utf-8"
    )
    result = cli("render", "motesplan", root)
    assert result.exit_code == 2
    assert "motesplan" in result.stderr and "okänt_fält" in result.stderr
    assert "Traceback" not in result.output
    (root / "templates" / "motesplan.md.j2").write_text(
        "# Egen mötesplan för {{ kommun }}\n", encoding="utf-8"
    )
    assert cli("render", "motesplan", root).stdout.startswith("# Egen mötesplan för Torsby")


@pytest.mark.parametrize(
    ("attack", "attribute"),
    [
        ("{{ ''.__class__.__mro__[1].__subclasses__() }}", "__class__"),
        ("{{ cycler.__init__.__globals__.os.popen('id').read() }}", "__init__"),
        ("{{ lipsum.__globals__ }}", "__globals__"),
    ],
)
def test_template_cannot_reach_python(example, attack: str, attribute: str) -> None:
    root = example("torsby")
    (root / "templates").mkdir()
    (root / "templates" / "motesplan.md.j2").write_text(attack + "\n", encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        render(load_repo(root), "motesplan")
    # said in Swedish (before: "… är trasig: access to attribute '__init__' of 'type'
    # object is unsafe."), naming what was refused
    said = str(caught.value)
    assert "is undefined" not in said and "unsafe" not in said, said
    assert f"'{attribute}'" in said or "'lipsum'" in said, said


def test_public_leaves_out_people(cli) -> None:
    normal = cli("render", "riktlinje", EXAMPLES / "norsjo").stdout
    public = cli("render", "riktlinje", EXAMPLES / "norsjo", "--public").stdout
    assert "Offentlig version" in public and "Offentlig version" not in normal
