"""`render --all` (F9, A49) and a kommunstyrelse acting as styrgrupp in the documents (F11)."""

from __future__ import annotations

import re
from pathlib import Path

from brottsforeb import load_repo
from brottsforeb.render import render, render_all


def test_all_writes_every_lagesbild(example, cli, tmp_path: Path) -> None:
    """F9: Torsby has three lägesbilder; --all wrote only the strategic one."""
    root = example("torsby")
    repo = load_repo(root)
    assert len(repo.lagesbilder) == 3
    names = [d.name for d in render_all(repo)]
    assert "lagesbild" in names
    others = sorted(n for n in names if n.startswith("lagesbild-"))
    assert others == ["lagesbild-operativ-2026-1", "lagesbild-operativ-2026-2"]
    out = tmp_path / "ut"
    r = cli("render", "--all", root, "-o", out)
    assert r.exit_code == 0, r.output
    texts = {p.name: p.read_text(encoding="utf-8") for p in out.glob("lagesbild*.md")}
    assert len(texts) == 3 and len(set(texts.values())) == 3
    for lid in ("operativ-2026-1", "operativ-2026-2"):
        assert repo.lagesbilder[lid].title in texts[f"lagesbild-{lid}.md"]
    assert cli("render", "--check", root, "-o", out).exit_code in (0, 1)


def test_all_refuses_every_foreign_file_before_writing_any(example, cli, tmp_path: Path) -> None:
    """A49: --all refused a foreign file only when it got to it, after writing eleven others."""
    root = example("norsjo")
    out = tmp_path / "ut"
    out.mkdir()
    (out / "index.html").write_text("MIN EGEN INDEX", encoding="utf-8")
    (out / "uppfoljning.md").write_text("EGEN", encoding="utf-8")
    r = cli("render", "--all", root, "-f", "html", "-f", "md", "-o", out)
    assert r.exit_code != 0
    assert "index.html" in r.output and "uppfoljning.md" in r.output
    assert "Inget har skrivits" in r.output
    assert sorted(p.name for p in out.iterdir()) == ["index.html", "uppfoljning.md"]
    assert (out / "index.html").read_text(encoding="utf-8") == "MIN EGEN INDEX"
    r = cli("render", "--all", root, "-f", "html", "-f", "md", "-o", out, "--force")
    assert r.exit_code == 0, r.output


KS = """
    namn: Kommunstyrelsen
    typ: nämnd
    uppdrag: Leder det brottsförebyggande arbetet och är styrgrupp för arbetet.
    ledamöter_i_roll:
      - roll: styrgrupp
        ledamöter: [samordnare, kommundirektor]
        beskrivning: Kommunstyrelsen är styrgrupp för det brottsförebyggande arbetet.
"""


def test_kommunstyrelsen_as_styrgrupp_is_shown_in_that_role(make_repo) -> None:
    """F11: a kommunstyrelse acting as styrgrupp (ledamöter_i_roll) was absent from the
    riktlinje and the organisation, text and chart."""
    root = make_repo({"organ/styrgrupp.yaml": None, "organ/kommunstyrelsen.yaml": KS})
    repo = load_repo(root)
    for name in ("riktlinje", "organisation"):
        (doc,) = render(repo, name)
        text = doc.markdown
        assert "Kommunstyrelsen som styrgrupp" in text, name
        assert "När kommunstyrelsen är styrgrupp deltar även" in text, name  # N11: not "organet"
        # the role's description may be a fragment: it stands under its own label
        assert ". Om rollen: Kommunstyrelsen är styrgrupp för det brottsförebyggande" in text
        assert "Kommunstyrelsen #40;även styrgrupp#41;" in text, name  # the Mermaid chart
        svg = " ".join(doc.figures.values())
        assert "styrgrupp" in svg, name


def test_an_expired_agreement_is_not_called_gallande(example) -> None:
    """N4: an agreement whose gäller_till had passed (check: DOK-GILTIGHET) was "Gällande"
    in the register and its own title block, and listed as current written cooperation."""
    import datetime as dt

    root = example("torsby")
    path = root / "dokument" / "sutohamu-samverkansavtal.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("gäller_till: 2027-04-30", "gäller_till: 2024-12-31"), "utf-8")
    repo = load_repo(root)
    title = repo.dokument["sutohamu-samverkansavtal"].title
    day = dt.date(2026, 1, 15)
    (rik,) = render(repo, "riktlinje", today=day)
    row = next(line for line in rik.markdown.splitlines() if title in line and "|" in line)
    assert "Utgånget – gällde till och med 2024-12-31" in row
    assert "Gällande" not in row
    (agreement,) = render(repo, "samverkansoverenskommelse", today=day)
    assert "| Status | Utgånget – gällde till och med 2024-12-31 |" in agreement.markdown
    # without a day to judge by, the end date is said, never "Gällande"
    (undated,) = render(repo, "samverkansoverenskommelse")
    assert "| Status | Gäller till och med 2024-12-31 |" in undated.markdown


def test_a_vacant_coordinator_is_said_to_be_vacant(example) -> None:
    """N6: the riktlinje said the coordination function "är Förebyggande samordnare" when
    the post was vacant."""
    root = example("torsby")
    repo = load_repo(root)
    fid = repo.kommun.coordination
    path = root / repo.entry("funktioner", fid).file
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^innehavare:\n(?:  .*\n)*", "", text, flags=re.M)
    path.write_text(text.rstrip("\n") + "\nvakant: true\n", encoding="utf-8")
    (doc,) = render(load_repo(root), "riktlinje")
    assert "Funktionen är för närvarande vakant." in doc.markdown


def test_a_riktlinje_from_before_the_law_does_not_quote_it(make_repo) -> None:
    # N11: a riktlinje adopted by KF in 2019 opened with "Sedan 1 juli 2023 regleras …",
    # words its decision could not contain; and "Den antas av" had nothing to refer to.
    root = make_repo(
        {
            "dokument/riktlinje.yaml": "typ: riktlinje\ntitel: Riktlinje\n"
            "antagen_av: kommunfullmaktige\ndatum: 2019-11-25\n"
        }
    )
    (doc,) = render(load_repo(root), "riktlinje")
    assert "Riktlinjen antogs 2019-11-25, innan Lag (2023:196)" in doc.markdown
    assert "Sedan 1 juli 2023 regleras" not in doc.markdown
    assert "\nRiktlinjen antas av kommunfullmäktige." in doc.markdown


def test_the_riktlinjes_agreements_say_how_long_they_hold(example) -> None:
    # N2: an expired löfte stood among the current agreements with nothing to tell it apart.
    repo = load_repo(example("norsjo"))
    (doc,) = render(repo, "riktlinje")
    assert "(Polisen, Norsjö kommun; gäller till och med 2026-12-31)" in doc.markdown


def test_a_years_uppfoljning_shows_that_year_and_before_only(example) -> None:
    """The report for 2020 listed the values of 2022–2025, a trend to 2025 ("Senaste
    förändring: bättre") and the measures begun in 2025 with their statuses of today; the
    report for 2026 counted a measure finished in 2025 among the year's measures."""
    repo = load_repo(example("torsby"))
    (old,) = render(repo, "uppfoljning", year=2020)
    text = old.markdown
    assert "2025" not in text.split("## Möten")[0].split("<!-- bfa:brödtext -->")[1], text
    assert "Senaste förändring" not in text
    assert text.count("Inga mätvärden är registrerade för 2020 eller tidigare.") == 2
    assert (
        "Ingen åtgärd pågick 2020: alla åtgärder i förrådet började senare eller avslutades "
        "tidigare." in text
    )
    (mid,) = render(repo, "uppfoljning", year=2023)
    assert "| 2023 | 6\u00a0% |" in mid.markdown and "| 2024 |" not in mid.markdown
    (now,) = render(repo, "uppfoljning", year=2026)
    section = now.markdown.split("## Åtgärder 2026 efter status", 1)[1].split("\n## ", 1)[0]
    assert "1 åtgärd som avslutades före 2026 är inte med." in section, section
    assert "Förbättrad belysning i centrum" not in section  # genomförd 2025-12-31
