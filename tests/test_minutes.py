"""bfa minutes and bfa log on real git repositories with scripted histories."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import git
import pytest

from brottsforeb import HistoryError
from brottsforeb.history import minutes

from .conftest import EXAMPLES, MINIMAL, write_repo


def commit(repo: git.Repo, message: str, author: str = "Samordnaren") -> str:
    repo.git.add(A=True)
    actor = git.Actor(author, f"{author.lower()}@example.se")
    return repo.index.commit(message, author=actor, committer=actor).hexsha


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, git.Repo]:
    root = tmp_path / "kommun"
    root.mkdir()
    write_repo(root, dict(MINIMAL))
    repo = git.Repo.init(root)
    commit(repo, "Första versionen")
    repo.create_tag("ks-2025-01")
    return root, repo


def sentences(root: Path, since: str | None = None, until: str | None = None) -> list[str]:
    return [c.sentence for c in minutes(root, since, until).changes]


def test_member_added_body_removed_and_attributed(history) -> None:
    root, repo = history
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(
        path.read_text().replace(
            "ledamöter: [kommundirektor, kommunpolis, samordnare]",
            "ledamöter: [kommundirektor, kommunpolis, samordnare, kommunpolis-2]",
        )
    )
    write_repo(root, {"funktioner/kommunpolis-2.yaml": "titel: Polisområdeschef\n"})
    sha = commit(repo, "Polisområdeschefen in i styrgruppen", author="Kicki")
    (root / "organ" / "arbetsgrupp.yaml").unlink()
    commit(repo, "Arbetsgruppen avslutas", author="Mimmi")
    m = minutes(root, "ks-2025-01", "HEAD")
    by = {c.sentence: c for c in m.changes}
    assert "Styrgrupp: Polisområdeschef tillkom som ledamot" in by
    assert by["Styrgrupp: Polisområdeschef tillkom som ledamot"].commits[0].sha == sha
    assert by["Styrgrupp: Polisområdeschef tillkom som ledamot"].commits[0].author == "Kicki"
    assert "Arbetsgrupp: togs bort" in by
    assert by["Arbetsgrupp: togs bort"].commits[0].message == "Arbetsgruppen avslutas"
    # the name first, the id after it (F3): the id does not read as part of the name
    assert "Funktion Polisområdeschef (kommunpolis-2): tillkom" in by


def test_default_since_is_latest_tag_and_until_is_worktree(history) -> None:
    root, _repo = history
    atgard = root / "atgarder" / "belysning.yaml"
    atgard.write_text(atgard.read_text().replace("status: pågående", "status: genomförd"))
    m = minutes(root)
    assert m.since == "ks-2025-01" and m.until == "arbetskopian"
    change = next(c for c in m.changes if "genomfördes" in c.sentence)
    assert change.sentence == "Åtgärd Belysning: genomfördes (förut pågående)"
    assert change.commits[0].message == "ej incheckat"


def test_document_readopted_and_rename(history) -> None:
    root, repo = history
    plan = root / "dokument" / "atgardsplan.yaml"
    plan.write_text(plan.read_text().replace("datum: 2025-01-15", "datum: 2026-02-10"))
    commit(repo, "Åtgärdsplanen antogs på nytt")
    repo.git.mv("organ/beredningsgrupp.yaml", "organ/lokala-bra.yaml")
    for f in ("organ/arbetsgrupp.yaml",):
        p = root / f
        p.write_text(
            p.read_text().replace("tillsätts_av: beredningsgrupp", "tillsätts_av: lokala-bra")
        )
    commit(repo, "Beredningsgruppen heter nu lokala BRÅ")
    got = sentences(root, "ks-2025-01", "HEAD")
    assert "Åtgärdsplan: datum ändrades från 2025-01-15 till 2026-02-10" in got
    assert "Beredningsgrupp: bytte id från beredningsgrupp till lokala-bra" in got
    assert "Beredningsgrupp: togs bort" not in got


def test_broken_then_fixed_file_is_reported_not_fatal(history) -> None:
    root, repo = history
    path = root / "organ" / "styrgrupp.yaml"
    good = path.read_text()
    path.write_text(good + "trasig: [\n")
    broken = commit(repo, "Råkade förstöra filen")
    assert "Styrgrupp: filen kunde inte läsas" in sentences(root, "ks-2025-01", broken)
    m = minutes(root, "ks-2025-01", broken)
    assert any("organ/styrgrupp.yaml" in p for p in m.problems)
    path.write_text(good.replace("mandat: Beslutar om inriktningen.", "mandat: Beslutar."))
    commit(repo, "Lagade filen")
    assert sentences(root, broken, "HEAD") == ["Styrgrupp: filen går att läsa igen"]
    assert sentences(root, "ks-2025-01", "HEAD") == [
        "Styrgrupp: mandat ändrades från \u201dBeslutar om inriktningen.\u201d till Beslutar."
    ]


def test_merge_commits(history) -> None:
    root, repo = history
    main = repo.active_branch
    branch = repo.create_head("kicki")
    branch.checkout()
    (root / "organ" / "styrgrupp.yaml").write_text(
        (root / "organ" / "styrgrupp.yaml").read_text().replace("antal: 2", "antal: 3")
    )
    commit(repo, "Tre möten per år", author="Kicki")
    main.checkout()
    ind = root / "indikatorer" / "klotter.yaml"
    ind.write_text(
        ind.read_text() + "          - {år: 2025, värde: 31}\n".replace("          ", "  ")
    )
    commit(repo, "Nytt värde 2025", author="Mimmi")
    repo.git.merge("kicki", "--no-ff", "-m", "Sammanfogning")
    got = minutes(root, "ks-2025-01", "HEAD").changes
    texts = {c.sentence: c for c in got}
    antal = "Styrgrupp: mötesfrekvens, antal gånger per period ändrades från 2 till 3"
    assert antal in texts
    assert [c.author for c in texts[antal].commits] == ["Kicki"]  # the change, not the merge
    assert any(c.kind == "indikatorer" for c in got)


def test_cli_markdown_json_and_errors(cli, history, tmp_path: Path) -> None:
    root, repo = history
    (root / "organ" / "arbetsgrupp.yaml").unlink()
    commit(repo, "Bort med arbetsgruppen")
    md = cli("minutes", root, "--since", "ks-2025-01", "--until", "HEAD", "-f", "md").stdout
    assert md.startswith("# Ändringar") and "## Organ" in md and "Arbetsgrupp: togs bort" in md
    doc = json.loads(cli("minutes", root, "--since", "HEAD~1", "-f", "json").stdout)
    assert doc["changes"][0]["text"] == "Arbetsgrupp: togs bort"
    assert doc["changes"][0]["commits"][0]["author"] == "Samordnaren"
    bad = cli("minutes", root, "--since", "finns-inte")
    assert bad.exit_code == 2 and "finns inte" in bad.stderr
    plain = tmp_path / "utan-git"
    shutil.copytree(EXAMPLES / "norsjo", plain)
    result = cli("minutes", plain)
    assert result.exit_code == 2 and "git" in result.stderr


def test_shallow_clone_is_explained(history, tmp_path: Path) -> None:
    root, repo = history
    (root / "organ" / "arbetsgrupp.yaml").unlink()
    commit(repo, "Två")
    clone = tmp_path / "ytlig"
    git.Repo.clone_from(f"file://{root}", clone, depth=1)
    with pytest.raises(HistoryError, match="ytlig kloning") as exc:
        minutes(clone)
    assert "fetch-depth: 0" in (exc.value.hint or "")


def test_torsby_copy_body_removed_and_date_changed(cli, tmp_path: Path) -> None:
    root = tmp_path / "torsby"
    shutil.copytree(EXAMPLES / "torsby", root)
    repo = git.Repo.init(root)
    commit(repo, "Torsby")
    (root / "organ" / "sspf.yaml").unlink()
    commit(repo, "SSPF läggs ner")
    out = cli("minutes", root, "--since", "HEAD~1", "--until", "HEAD").stdout
    assert "SSPF: togs bort" in out
    rl = root / "dokument" / "riktlinje.yaml"
    rl.write_text(rl.read_text().replace("datum: 2024-09-02", "datum: 2025-01-15"))
    commit(repo, "Riktlinjen reviderad", author="Mimmi Adolfsson")
    out = cli("minutes", root, "--since", "HEAD~1", "--until", "HEAD").stdout
    assert "datum ändrades från 2024-09-02 till 2025-01-15" in out
    assert "Mimmi Adolfsson" in out


def test_log(cli, history) -> None:
    root, repo = history
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(path.read_text().replace("antal: 2", "antal: 4"))
    commit(repo, "Fler möten", author="Kicki")
    out = cli("log", "organ/styrgrupp", root).stdout
    lines = out.splitlines()
    assert "Kicki: Fler möten" in lines[0]
    assert "mötesfrekvens, antal gånger per period ändrades från 2 till 4" in out
    assert "Första versionen" in out
    assert cli("log", "finns-inte", root).exit_code == 2
    # the library writes the lines (library first); the CLI prints them as they are
    from brottsforeb.history import entity_log, log_lines

    lines = [text for text, _kind in log_lines(entity_log(root, "organ/styrgrupp"))]
    assert [line for line in out.splitlines() if line.strip()] == lines
    assert lines[-1] == "  • Styrgrupp: tillkom"


MEETING = """
organ: styrgrupp
datum: 2025-03-10
åtgärdspunkter:
  - vad: Ta fram förslag på belysning
    vem: samordnare
    senast: 2025-05-01
  - vad: Boka trygghetsvandring
    vem: samordnare
"""


def test_board_reads_minutes_names_labels_items_attribution(cli, history) -> None:
    """#13: full revision names, Swedish labels, which action item changed and how, and
    each change attributed to the commit that made it, not every commit of the file."""
    root, repo = history
    repo.create_tag("riktlinje-2024-09-02")
    write_repo(root, {"moten/2025/2025-03-10-styrgrupp.yaml": MEETING})
    commit(repo, "Styrgruppens möte")
    repo.create_tag("ks-2026-04-21")
    meeting = root / "moten" / "2025" / "2025-03-10-styrgrupp.yaml"
    meeting.write_text(
        meeting.read_text().replace(
            "    senast: 2025-05-01\n", "    senast: 2025-05-01\n    klar: true\n"
        )
    )
    done = commit(repo, "Belysningsförslaget klart", author="Kicki")
    meeting.write_text(
        meeting.read_text().replace("datum: 2025-03-10", "plats: Stadshuset\ndatum: 2025-03-10")
    )
    place = commit(repo, "Plats för mötet", author="Mimmi")
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(styr.read_text().replace("antal: 2", "antal: 3"))
    commit(repo, "Tre möten")
    md = cli("minutes", root, "--since", "ks-2026-04-21", "--until", "HEAD", "-f", "md").stdout
    assert "Ändringar från ks-2026-04-21 (" in md and "till senaste incheckningen (" in md
    assert "möten.antal" not in md
    assert "Styrgrupp: mötesfrekvens, antal gånger per period ändrades från 2 till 3" in md
    m = minutes(root, "ks-2026-04-21", "HEAD")
    by = {c.sentence: c for c in m.changes}
    item = next(s for s in by if "markerades som klar" in s)
    assert "Ta fram förslag på belysning" in item and "poster" not in item
    assert [c.sha for c in by[item].commits] == [done]
    where = next(s for s in by if "plats" in s)
    assert [c.sha for c in by[where].commits] == [place]
    human = cli("minutes", root, "--since", "riktlinje-2024-09-02", "--until", "HEAD").stdout
    assert "riktlinje-2024-09-02" in human


def test_reversed_range_is_explained(cli, history) -> None:
    root, repo = history
    (root / "organ" / "arbetsgrupp.yaml").unlink()
    commit(repo, "Bort med arbetsgruppen")
    result = cli("minutes", root, "--since", "HEAD", "--until", "ks-2025-01", "-f", "md")
    assert result.exit_code == 2
    assert "senare revision" in result.stderr and "Byt plats" in result.stderr
    assert result.stdout == ""


def test_label_does_not_repeat_id_and_title(history) -> None:
    root, repo = history
    lb = root / "lagesbilder" / "lb.yaml"
    text = lb.read_text().replace("titel: Lägesbild", "titel: Strategisk lägesbild 2026")
    lb.unlink()
    (root / "lagesbilder" / "strategisk-2026.yaml").write_text(text)
    for f in ("atgarder/belysning.yaml", "dokument/samverkan.yaml"):
        p = root / f
        if p.exists():
            p.write_text(p.read_text().replace("lb/", "strategisk-2026/"))
    commit(repo, "Ny lägesbild")
    got = sentences(root, "ks-2025-01", "HEAD")
    assert not [s for s in got if "strategisk-2026 Strategisk" in s or "Lägesbild Strategisk" in s]
    assert any(s.startswith("Strategisk lägesbild 2026:") for s in got)


def test_an_unknown_revision_names_the_branches_and_tags_there_are(history) -> None:
    # F16: "Revisionen 'ks-2025-1' finns inte" left the user to guess what does exist.
    root, repo = history
    with pytest.raises(HistoryError) as caught:
        minutes(root, "ks-2025-1", "HEAD")
    branch = repo.active_branch.name
    assert "Menade du 'ks-2025-01'?" in caught.value.hint
    assert f"Finns: {', '.join(sorted([branch, 'ks-2025-01']))}." in caught.value.hint


def test_a_vacancy_reads_as_what_happened(history) -> None:
    # Before: "Funktion Kommunpolis: vakant angavs till ja" (F14).
    root, repo = history
    path = root / "funktioner" / "kommunpolis.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text + "vakant: true\n", encoding="utf-8")
    commit(repo, "Kommunpolisen slutar")
    assert any(s.endswith(": blev vakant") for s in sentences(root, "HEAD~1", "HEAD"))
    path.write_text(text + "vakant: false\n", encoding="utf-8")
    commit(repo, "Ny kommunpolis")
    assert any(s.endswith(": är inte längre vakant") for s in sentences(root, "HEAD~1", "HEAD"))
    # absent and false say the same: over both commits nothing changed for a reader
    assert not [s for s in sentences(root, "HEAD~2", "HEAD") if "vakant" in s]


def test_writing_out_a_default_is_no_change(history) -> None:
    # 'inställt: false' or 'extern: false' written where nothing was: the same meeting, the
    # same body. Before: "extern angavs till nej".
    root, repo = history
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(styr.read_text(encoding="utf-8") + "extern: false\n", encoding="utf-8")
    commit(repo, "Skrev ut standardvärdet")
    assert sentences(root, "HEAD~1", "HEAD") == []


def test_a_meeting_that_comes_in_says_whether_it_was_held(cli, history) -> None:
    # N5: a planned meeting and a held one both read "Mötet i Styrgrupp …: tillkom", so an
    # appendix to a protokoll could not tell a meeting that took place from one booked.
    root, repo = history
    write_repo(
        root,
        {
            "moten/2025/2025-03-10-styrgrupp.yaml": MEETING,  # no status, notes: held
            "moten/2025/2025-04-10-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-04-10\n"
            "status: hållet\n",
            "moten/2099/2099-05-10-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2099-05-10\n"
            "status: planerat\n",
            "moten/2025/2025-06-10-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-06-10\n",
            "moten/2025/2025-07-10-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-07-10\n"
            "inställt: true\n",
        },
    )
    commit(repo, "Mötena")
    got = {s.rsplit(": ", 1)[0][-10:]: s.rsplit(": ", 1)[1] for s in sentences(root, "HEAD~1")}
    assert got == {
        "2025-03-10": "hölls",
        "2025-04-10": "hölls",
        "2099-05-10": "planerades",
        "2025-06-10": "planerades",  # nothing recorded: booked, whatever the date
        "2025-07-10": "ställdes in",
    }, got
    # bfa log reads the same diff
    out = cli("log", "2099-05-10-styrgrupp", root).stdout
    assert "Mötet i Styrgrupp 2099-05-10: planerades" in out, out
    # other files still come in as "tillkom"
    write_repo(root, {"funktioner/kommunpolis-2.yaml": "titel: Polisområdeschef\n"})
    commit(repo, "Ny funktion")
    assert sentences(root, "HEAD~1") == ["Funktion Polisområdeschef (kommunpolis-2): tillkom"]


def test_a_changed_text_of_several_words_is_quoted_so_its_end_shows(history) -> None:
    # N5: "mandat ändrades från FYLL I: vad styrgruppen får besluta om till Beslutar om
    # inriktning …": where does "från" end? A text of several words is quoted; an entity
    # shown by its name, a number, a date and a cadence are not.
    root, repo = history
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(
        styr.read_text().replace(
            "mandat: Beslutar om inriktningen.",
            "mandat: 'FYLL I: vad styrgruppen får besluta om'",
        )
    )
    commit(repo, "Mall")
    styr.write_text(
        styr.read_text()
        .replace(
            "mandat: 'FYLL I: vad styrgruppen får besluta om'",
            "mandat: Beslutar om inriktning till kommunstyrelsen",
        )
        .replace("antal: 2", "antal: 3")
    )
    commit(repo, "Mandatet")
    got = sentences(root, "HEAD~1")
    assert (
        "Styrgrupp: mandat ändrades från \u201dFYLL I: vad styrgruppen får besluta om\u201d "
        "till \u201dBeslutar om inriktning till kommunstyrelsen\u201d" in got
    ), got
    assert "Styrgrupp: mötesfrekvens, antal gånger per period ändrades från 2 till 3" in got
    # a reference reads as the entity's name, unquoted; a one-word text stays as it is
    atg = next((root / "atgarder").glob("*.yaml"))
    text = atg.read_text()
    atg.write_text(text.replace("status: pågående", "status: genomförd"))
    commit(repo, "Klar")
    assert [s for s in sentences(root, "HEAD~1") if "genomfördes" in s] == [
        "Åtgärd Belysning: genomfördes (förut pågående)"
    ]
    # a text that comes in or goes is quoted the same way
    styr.write_text(
        styr.read_text().replace("mandat: Beslutar om inriktning till kommunstyrelsen\n", "")
    )
    commit(repo, "Utan mandat")
    assert sentences(root, "HEAD~1") == [
        "Styrgrupp: mandat togs bort (var \u201dBeslutar om inriktning till kommunstyrelsen\u201d)"
    ]
