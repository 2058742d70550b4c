"""Meeting documents: kallelse and protokoll from meeting files, in md, pdf and docx, and the
.ics invitation of one meeting."""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

import docx
import pytest
from icalendar import Calendar

from brottsforeb import UsageError, load_repo
from brottsforeb.calendar import meeting_ics
from brottsforeb.render import render_meeting, to_docx, to_pdf

from .conftest import EXAMPLES, MINIMAL
from .test_render import pdf_text

#: One meeting of each example, and what its kallelse and protokoll must say.
MEETINGS = {
    "torsby": (
        ["lfr-styrgrupp", "2026-10-13"],
        ["Kallelse – Styrgrupp 2026-10-13", "13.00–15.00", "Kommunhuset", "Skolchef"],
        ["Minnesanteckningar – Styrgrupp 2026-10-13", "Arbetsmarknadschef"],
    ),
    "norsjo": (
        ["styrgrupp", "2026-10-07"],
        ["Kallelse – Styrgrupp 2026-10-07", "10.00–11.30", "Uppföljning av medborgarlöftena"],
        ["Styrgrupp 2026-10-07", "Uppföljning av medborgarlöftena"],
    ),
    "lindesberg": (
        ["styrgrupp", "2026-10-06"],
        ["Kallelse – Styrgrupp 2026-10-06", "09.00–10.30", "Kanslichef"],
        ["Styrgrupp 2026-10-06", "överlämnar den till kommunstyrelsen"],
    ),
}


def docx_text(data: bytes) -> str:
    d = docx.Document(io.BytesIO(data))
    parts = [p.text for p in d.paragraphs]
    parts += [c.text for t in d.tables for r in t.rows for c in r.cells]
    return " ".join(" ".join(parts).split())


@pytest.mark.parametrize("name", sorted(MEETINGS))
def test_each_example_has_kallelse_and_protokoll_in_md_pdf_docx(name: str) -> None:
    repo = load_repo(EXAMPLES / name)
    spec, kallelse_facts, protokoll_facts = MEETINGS[name]
    for kind, facts in (("kallelse", kallelse_facts), ("protokoll", protokoll_facts)):
        doc = render_meeting(repo, kind, spec)
        flat = " ".join(doc.markdown.replace("\\", "").split())
        texts = {
            "md": flat,
            "pdf": pdf_text(to_pdf(doc)),
            "docx": docx_text(to_docx(doc, repo)),
        }
        for fmt, text in texts.items():
            missing = [f for f in facts if f not in text]
            assert not missing, (name, kind, fmt, missing)
        assert "påhittade exempel" in flat  # the example meetings are invented, and say so


def test_kallelse_has_agenda_open_items_documents_and_substitutes() -> None:
    repo = load_repo(EXAMPLES / "torsby")
    md = render_meeting(repo, "kallelse", ["lfr-styrgrupp", "2026-10-13"]).markdown
    assert "## Dagordning" in md
    assert "1. **Operativ lägesbild** (lägesbild). Föredragande: Förebyggande samordnare" in md
    assert "- Operativ lägesbild, september 2026" in md  # a document to read before
    # Verksamhetschef IFO's ersättare is the IFO-chef (funktioner/verksamhetschef-ifo.yaml).
    assert "| Verksamhetschef IFO (Socialförvaltningen) | IFO-chef |" in md
    # The item from 2026-10-13 is still open at the next meeting, with its origin's date.
    nxt = render_meeting(repo, "kallelse", ["moten/2027/2027-03-16-lfr-styrgrupp.yaml"]).markdown
    assert (
        "| Ta fram förslag på insatser kring busstationen | Förebyggande samordnare "
        "| 2027-02-01 | 2026-10-13 |" in nxt
    )


def test_protokoll_follows_the_body_and_adds_justering() -> None:
    repo = load_repo(EXAMPLES / "lindesberg")
    doc = render_meeting(repo, "protokoll", ["kommunstyrelsen", "2026-06-16"])
    assert doc.title == "Protokoll – Kommunstyrelsen 2026-06-16"
    assert doc.name == "protokoll-2026-06-16-kommunstyrelsen"
    assert "## Justering" in doc.markdown
    assert "| Ordförande | Kommunstyrelsens ordförande | ________________ |" in doc.markdown
    styrgrupp = render_meeting(repo, "protokoll", ["styrgrupp", "2026-10-06"])
    assert styrgrupp.title.startswith("Minnesanteckningar – ")  # no form: minnesanteckningar
    assert "Justering" not in styrgrupp.markdown
    assert (
        "**Beslut:** Styrgruppen godkänner uppföljningen och överlämnar den till "
        "kommunstyrelsen." in styrgrupp.markdown
    )
    # Justering is decided by the body's setting, not by its name: without it, no lines.
    torsby = load_repo(EXAMPLES / "torsby")
    held = render_meeting(torsby, "protokoll", ["lfr-styrgrupp", "2026-03-17"]).markdown
    assert "## Avslutade åtgärdspunkter" in held
    assert "## Nästa möte\n\n2026-10-13" in held


def test_protokoll_present_absent_substitutes_and_items(make_repo) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": textwrap.dedent(MINIMAL["organ/styrgrupp.yaml"])
            + "dokumentation: {form: protokoll, justering: true, justerare: [kommunpolis]}\n",
            "moten/2026/2026-03-10-styrgrupp.yaml": """
                organ: styrgrupp
                datum: 2026-03-10
                tid: 13.00–15.00
                länk: https://teams.example.org/möte/1
                sekreterare: samordnare
                närvarande: [kommundirektor, samordnare]
                frånvarande: [kommunpolis]
                ersättare:
                  - för: kommunpolis
                    av: Anna Andersson
                ärenden:
                  - rubrik: Lägesbild
                    typ: beslut
                    paragraf: § 3
                    föredragande: samordnare
                    beslut: Styrgruppen fastställer lägesbilden.
                    bilagor: [Lägesbild 2026]
                åtgärdspunkter:
                  - vad: Boka trygghetsvandring
                    vem: kommunpolis
                    senast: 2026-05-01
                  - vad: Skicka ut lägesbilden
                    vem: samordnare
                    klar: true
            """,
        }
    )
    repo = load_repo(root)
    md = render_meeting(repo, "protokoll", ["2026-03-10-styrgrupp"]).markdown
    for fact in (
        "# Protokoll – Styrgrupp 2026-03-10",
        "| Tid | 13.00–15.00 |",
        "| Sekreterare | Brottsförebyggande samordnare |",
        "**Frånvarande:**\n\n- Kommunpolis (Polisen)",
        "- Anna Andersson för Kommunpolis",
        "### § 3 Lägesbild",
        "**Beslut:** Styrgruppen fastställer lägesbilden.",
        "| Boka trygghetsvandring | Kommunpolis | 2026-05-01 |",
        "## Avslutade åtgärdspunkter\n\n- Skicka ut lägesbilden (Brottsförebyggande samordnare)",
        "| Justerare | Kommunpolis |",
        "| Sekreterare | Brottsförebyggande samordnare | ________________ |",
    ):
        assert fact in md, fact
    public = render_meeting(repo, "protokoll", ["2026-03-10-styrgrupp"], public=True).markdown
    assert "Anna Andersson" not in public and "teams.example.org" not in public
    kallelse = render_meeting(repo, "kallelse", ["styrgrupp", "2026-03-10"]).markdown
    assert "Anslut digitalt: <https://teams.example.org/möte/1>" in kallelse


def test_cancelled_meeting_says_so(make_repo) -> None:
    root = make_repo(
        {
            "moten/2026/2026-09-01-styrgrupp.yaml": (
                "organ: styrgrupp\ndatum: 2026-09-01\nstatus: inställt\n"
            ),
        }
    )
    repo = load_repo(root)
    md = render_meeting(repo, "kallelse", ["styrgrupp", "2026-09-01"]).markdown
    assert "**Mötet är inställt.**" in md and "| Status | Inställt |" in md
    ev = Calendar.from_ical(meeting_ics(repo, ["2026-09-01-styrgrupp"])).walk("VEVENT")[0]
    assert str(ev["status"]) == "CANCELLED"


def test_meeting_is_found_by_file_id_or_body_and_date(cli) -> None:
    root = EXAMPLES / "torsby"
    f = root / "moten" / "2026" / "2026-10-13-lfr-styrgrupp.yaml"
    by_file = cli("render", "kallelse", f)
    by_body = cli("render", "kallelse", "lfr-styrgrupp", "2026-10-13", root)
    by_order = cli("render", "kallelse", "2026-10-13", "Styrgrupp", root)
    by_id = cli("render", "kallelse", "2026-10-13-lfr-styrgrupp", root)
    assert by_file.exit_code == 0, by_file.output
    assert by_file.stdout == by_body.stdout == by_order.stdout == by_id.stdout
    assert "# Kallelse – Styrgrupp 2026-10-13" in by_file.stdout


def test_meeting_typos_get_a_suggestion(cli) -> None:
    root = EXAMPLES / "torsby"
    result = cli("render", "kallelse", "lfr-styrgrup", "2026-10-13", root)
    assert result.exit_code == 2
    assert "Menade du 'lfr-styrgrupp'?" in result.output
    result = cli("render", "protokoll", "lfr-styrgrupp", "2026-10-14", root)
    assert result.exit_code == 2
    assert "inget möte 2026-10-14" in result.output and "Menade du 2026-10-13?" in result.output
    result = cli("render", "kallelse", root)
    assert result.exit_code == 2 and "Ange mötet" in result.output
    assert "Traceback" not in result.output
    with pytest.raises(UsageError) as err:
        render_meeting(load_repo(root), "kallelse", ["2026-10-13-lfr-styrgrup"])
    assert "Menade du '2026-10-13-lfr-styrgrupp'?" in (err.value.hint or "")


def test_render_meeting_docx_to_file(cli, tmp_path: Path) -> None:
    out = tmp_path / "p.docx"
    root = EXAMPLES / "lindesberg"
    result = cli(
        "render", "protokoll", "kommunstyrelsen", "2026-06-16", root, "-f", "docx", "-o", out
    )
    assert result.exit_code == 0, result.output
    d = docx.Document(str(out))
    assert d.paragraphs[0].style.name == "Heading 1"
    assert d.paragraphs[0].text == "Protokoll – Kommunstyrelsen 2026-06-16"
    justering = d.tables[-1]
    assert [c.text for c in justering.rows[0].cells] == ["Roll", "Namn", "Underskrift", "Datum"]


def test_meeting_invitation_has_attendees_with_email(make_repo, cli, tmp_path: Path) -> None:
    root = make_repo(
        {
            "funktioner/kommunpolis.yaml": """
                titel: Kommunpolis
                aktör: polisen
                ersättare: samordnare
                innehavare: {namn: Kim Polis, e_post: kim@polisen.example}
            """,
            "funktioner/samordnare.yaml": """
                titel: Brottsförebyggande samordnare
                aktör: testby-kommun
                ersättare: kommunpolis
                innehavare: {namn: Sam Ordnare, e_post: sam@testby.example}
            """,
            "moten/2026/2026-09-01-styrgrupp.yaml": """
                organ: styrgrupp
                datum: 2026-09-01
                tid: 09.00–11.00
                plats: Stadshuset
                ärenden:
                  - rubrik: Lägesbild
                    typ: information
            """,
        }
    )
    data = meeting_ics(load_repo(root), ["styrgrupp", "2026-09-01"])
    ev = next(c for c in Calendar.from_ical(data).walk("VEVENT"))
    attendees = [str(a) for a in ev.get("attendee", [])]
    attendees = attendees if isinstance(ev.get("attendee"), list) else [str(ev["attendee"])]
    assert attendees == ["mailto:kim@polisen.example"]
    assert str(ev["organizer"]) == "mailto:sam@testby.example"
    assert ev["dtstart"].dt.hour == 9 and str(ev["location"]) == "Stadshuset"
    assert "1. Lägesbild" in str(ev["description"])
    out = tmp_path / "m.ics"
    result = cli("calendar", root, "--meeting", "styrgrupp 2026-09-01", "-o", out)
    assert result.exit_code == 0, result.output
    assert out.read_bytes() == data
    result = cli("calendar", root, "--meeting", "styrgrup 2026-09-01")
    assert result.exit_code == 2 and "Menade du 'styrgrupp'?" in result.output


def test_the_meeting_link_is_clickable_in_every_format(make_repo) -> None:
    # Before: "Anslut digitalt: https://…" was text in the PDF, in Word and on the web page.
    from pypdf import PdfReader

    from brottsforeb.render import to_html

    url = "https://teams.example.se/l/meetup?a=1&b=2"
    root = make_repo(
        {
            "moten/2026/2026-09-01-styrgrupp.yaml": (
                f"organ: styrgrupp\ndatum: 2026-09-01\nlänk: {url}\n"
            ),
        }
    )
    repo = load_repo(root)
    doc = render_meeting(repo, "kallelse", ["styrgrupp", "2026-09-01"])
    assert f"Anslut digitalt: <{url}>" in doc.markdown
    assert f'href="{url.replace("&", "&amp;")}"' in to_html(doc)
    word = docx.Document(io.BytesIO(to_docx(doc, repo)))
    targets = [r.target_ref for r in word.part.rels.values() if r.is_external]
    assert url in targets
    pdf = PdfReader(io.BytesIO(to_pdf(doc)))
    uris = [
        a.get_object()["/A"]["/URI"]
        for page in pdf.pages
        for a in page.get("/Annots") or []
        if "/A" in a.get_object()
    ]
    assert url in uris


def test_a_carried_point_is_not_new_in_the_protokoll(make_repo) -> None:
    # N7: a point carried over with från: was listed under "Nya åtgärdspunkter" at every
    # later meeting (bfa new mote carries every open point).
    root = make_repo(
        {
            "moten/2026/2026-02-10-styrgrupp.yaml": (
                "organ: styrgrupp\ndatum: 2026-02-10\nstatus: hållet\nåtgärdspunkter:\n"
                "  - {vad: Ta fram underlag om kameror, vem: kommunpolis, senast: 2026-04-01}\n"
            ),
            "moten/2026/2026-05-12-styrgrupp.yaml": (
                "organ: styrgrupp\ndatum: 2026-05-12\nstatus: hållet\nåtgärdspunkter:\n"
                "  - {vad: Ta fram underlag om kameror, vem: kommunpolis, senast: 2026-04-01,\n"
                "     från: 2026-02-10-styrgrupp}\n"
                "  - {vad: Boka trygghetsvandring, vem: samordnare}\n"
            ),
        }
    )
    md = render_meeting(load_repo(root), "protokoll", ["styrgrupp", "2026-05-12"]).markdown
    new, _, carried = md.partition("## Kvarstående åtgärdspunkter från tidigare möten")
    assert "Boka trygghetsvandring" in new and "kameror" not in new.split("## Nya")[1]
    assert "| Ta fram underlag om kameror | Kommunpolis | 2026-04-01 | 2026-02-10 |" in carried


def test_a_protokoll_does_not_name_a_holder_who_came_later(make_repo) -> None:
    # N6: after "bfa set funktioner/samordnare innehavare.namn 'Maria Lund'" the February
    # protocol said Maria Lund was present, months before she was hired. With 'sedan'
    # the meeting documents name a holder only from that day on.
    meeting = (
        "organ: styrgrupp\ndatum: {day}\nstatus: hållet\nnärvarande: [samordnare]\n"
        "åtgärdspunkter:\n  - {{vad: Boka lokal, vem: samordnare}}\n"
    )
    root = make_repo(
        {
            "funktioner/samordnare.yaml": "titel: Samordnare\nersättare: kommunpolis\n"
            "innehavare: {namn: Maria Lund, sedan: 2026-11-01}\n",
            "moten/2026/2026-02-10-styrgrupp.yaml": meeting.format(day="2026-02-10"),
            "moten/2026/2026-11-10-styrgrupp.yaml": meeting.format(day="2026-11-10"),
        }
    )
    repo = load_repo(root)
    before = render_meeting(repo, "protokoll", ["styrgrupp", "2026-02-10"]).markdown
    after = render_meeting(repo, "protokoll", ["styrgrupp", "2026-11-10"]).markdown
    assert "Maria Lund" not in before and "Samordnare" in before
    assert "Samordnare, Maria Lund" in after or "Samordnare (Maria Lund)" in after


def test_an_invitation_says_who_it_does_not_reach(make_repo, cli, tmp_path: Path) -> None:
    # N15: an invitation with 0 of 7 members as attendees was written without a word.
    root = make_repo(
        {"moten/2026/2026-12-08-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2026-12-08\n"}
    )
    out = tmp_path / "m.ics"
    r = cli("calendar", root, "--meeting", "styrgrupp 2026-12-08", "-o", out)
    assert r.exit_code == 0, r.output
    assert "obs: 3 av 3 kallade saknar e-post och kommer inte med som deltagare:" in r.stderr
    assert "Kommundirektör" in r.stderr and out.exists()


def test_a_new_holders_name_beside_the_old_address_is_pointed_out(make_repo, cli) -> None:
    # N15: after a new name, replies went to the former holder's mailbox, in silence.
    root = make_repo(
        {
            "funktioner/samordnare.yaml": "titel: Samordnare\nersättare: kommunpolis\n"
            "innehavare: {namn: Karin Sjöberg, e_post: karin@kommun.se}\n"
        }
    )
    r = cli("set", "funktioner/samordnare", "innehavare.namn", "Maria Lund", root)
    assert r.exit_code == 0, r.output
    assert "e_post står kvar från förut" in r.output
