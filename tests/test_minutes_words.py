"""bfa minutes as a board member reads it: the models' own labels, revisions in words.

#13: keys are named by the vocabulary docs/vokabular.md is generated from (one source),
and the range is named by what a reader knows (a tag, a date and a subject), never by a
hash; "arbetskopian" only when something is not committed.
"""

from __future__ import annotations

import copy
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import git
import pytest
from pydantic import BaseModel

from brottsforeb import load_repo
from brottsforeb.history import field_changes, minutes
from brottsforeb.history._sentences import TURNED
from brottsforeb.model import KINDS, Kommun
from brottsforeb.model._walk import _plan, field_label, inner_model

from .conftest import EXAMPLE_NAMES, EXAMPLES, MINIMAL, ROOT, write_repo

HEX = re.compile(r"\b[0-9a-f]{7,40}\b")


def commit(repo: git.Repo, message: str, author: str = "Samordnaren") -> str:
    repo.git.add(A=True)
    actor = git.Actor(author, f"{author.lower()}@example.se")
    return repo.index.commit(message, author=actor, committer=actor).hexsha


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, git.Repo]:
    root = write_repo(tmp_path / "kommun", dict(MINIMAL))
    repo = git.Repo.init(root)
    commit(repo, "Första versionen")
    return root, repo


def _models() -> Iterator[tuple[str, type[BaseModel]]]:
    yield "bfa.yaml", Kommun
    for kind in KINDS.values():
        yield kind.folder, kind.model


def _fields(model: type[BaseModel], prefix: str = "", depth: int = 0) -> Iterator[tuple]:
    for _name, alias, _ann, _ref in _plan(model):
        yield model, alias, f"{prefix}{alias}"
        inner = inner_model(model, alias)
        if inner is not None and depth < 3:
            yield from _fields(inner, f"{prefix}{alias}.", depth + 1)


def test_every_field_has_a_swedish_label_and_the_vocabulary_shows_it() -> None:
    vocabulary = (ROOT / "docs" / "vokabular.md").read_text(encoding="utf-8")
    for folder, model in _models():
        for owner, alias, path in _fields(model):
            label = field_label(owner, alias)
            assert label and "_" not in label and "." not in label, (folder, path, label)
            # the generated vocabulary shows the key with the label minutes uses
            assert f"| `{path}` | {label} |" in vocabulary, (folder, path, label)


def _leaves(data: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[str, ...]]:
    if isinstance(data, dict):
        for key, value in data.items():
            yield from _leaves(value, (*path, str(key)))
    elif not isinstance(data, list) and path:
        yield path


def _changed(value: Any) -> Any:
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    return f"{value} (ändrat)"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_minutes_names_every_changed_value_by_its_label(name: str) -> None:
    """Every scalar the examples hold, changed: the sentence names it by the label chain
    the models give (the same words as docs/vokabular.md), never by its key path."""
    repo = load_repo(EXAMPLES / name)
    seen = 0
    for entry in repo.iter_entries():
        data = entry.parsed.data
        if not isinstance(data, dict):
            continue
        model = Kommun if entry.kind == "bfa" else KINDS[entry.kind].model
        for path in _leaves(data):
            new = copy.deepcopy(data)
            target = new
            for key in path[:-1]:
                target = target[key]
            target[path[-1]] = _changed(target[path[-1]])
            [(key, sentence)] = field_changes(repo, data, new, model)
            assert key == ".".join(path)
            owner: type[BaseModel] | None = model
            labels = []
            for part in path:
                assert owner is not None
                labels.append(field_label(owner, part))
                owner = inner_model(owner, part)
            if len(path) == 1 and path[0] in TURNED:  # yes/no: what happened ("blev vakant")
                assert sentence in TURNED[path[0]], (path, sentence)
                seen += 1
                continue
            assert sentence.startswith(", ".join(labels) + " "), (path, sentence)
            if len(path) > 1 or "_" in path[0]:
                assert ".".join(path) not in sentence and "_" not in sentence.split(" ")[0]
            seen += 1
    assert seen > 40


def test_cadence_and_labels_in_minutes_come_from_the_models(history) -> None:
    root, repo = history
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(styr.read_text().replace("möten: {antal: 2, per: år}\n", ""))
    commit(repo, "Styrgruppen utan mötesfrekvens")
    from brottsforeb.model import Organ
    from brottsforeb.model.organ import Moten

    got = [c.sentence for c in minutes(root, "HEAD~1", "HEAD").changes]
    # before: "möten togs bort (var antal: 2, per: år)": keys instead of words
    assert got == [f"Styrgrupp: {field_label(Organ, 'möten')} togs bort (var två gånger per år)"]
    styr.write_text(styr.read_text() + "möten: {antal: 3, per: år, oftare_vid_behov: true}\n")
    commit(repo, "Tre möten")
    got = [c.sentence for c in minutes(root, "HEAD~1", "HEAD").changes]
    assert got == ["Styrgrupp: mötesfrekvens angavs till tre gånger per år eller oftare vid behov"]
    assert field_label(Moten, "antal") == "antal gånger per period"


def test_long_text_quotes_only_the_changed_words(history) -> None:
    root, repo = history
    text = " ".join(f"Mening nummer {i} om det brottsförebyggande arbetet." for i in range(30))
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(styr.read_text().replace("Förankrar och ger mandat.", text))
    commit(repo, "Långt uppdrag")
    styr.write_text(styr.read_text().replace("nummer 17 om", "nummer sjutton om"))
    commit(repo, "Ett ord")
    [sentence] = [c.sentence for c in minutes(root, "HEAD~1", "HEAD").changes]
    assert sentence == (
        "Styrgrupp: uppdrag ändrades: \u201dMening nummer 17 om\u201d blev "
        "\u201dMening nummer sjutton om\u201d"
    )


def test_list_of_texts_says_what_was_added_and_removed(history) -> None:
    root, repo = history
    fn = root / "funktioner" / "samordnare.yaml"
    fn.write_text(fn.read_text() + "uppgifter: [Samordna arbetet, Ta fram lägesbilden]\n")
    commit(repo, "Uppgifter")
    fn.write_text(fn.read_text().replace("Ta fram lägesbilden", "Följa upp åtgärdsplanen"))
    commit(repo, "Ny uppgift")
    got = [c.sentence for c in minutes(root, "HEAD~1", "HEAD").changes]
    # before: "Ta fram lägesbilden är inte längre uppgift"
    assert got == [
        "Funktion Brottsförebyggande samordnare: \u201dFölja upp åtgärdsplanen\u201d lades "
        "till i uppgifter",
        "Funktion Brottsförebyggande samordnare: \u201dTa fram lägesbilden\u201d togs bort ur "
        "uppgifter",
    ]


# -- the range in words ---------------------------------------------------------------


def test_clean_tree_is_the_latest_commit_not_the_working_copy(cli, history) -> None:
    root, repo = history
    first = repo.head.commit
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(styr.read_text().replace("antal: 2", "antal: 3"))
    commit(repo, "Tre möten per år", author="Kicki")
    out = cli("minutes", root, "--since", first.hexsha).stdout
    day = first.authored_datetime.date().isoformat()
    # before: "Ändringar från 0c1d2e3f4a till arbetskopian" with nothing uncommitted
    assert out.splitlines()[0] == (
        f"Ändringar från incheckningen ({day}, \u201dFörsta versionen\u201d) till senaste "
        f"incheckningen ({day}, \u201dTre möten per år\u201d)."
    )
    assert "arbetskopian" not in out
    assert not HEX.search(out), out
    md = cli("minutes", root, "--since", "HEAD~1", "-f", "md").stdout
    assert not HEX.search(md) and "arbetskopian" not in md
    assert "Kicki" in md


def test_uncommitted_changes_are_the_working_copy(cli, history) -> None:
    root, repo = history
    repo.create_tag("ks-2025-01-20")
    atgard = root / "atgarder" / "belysning.yaml"
    atgard.write_text(atgard.read_text().replace("status: pågående", "status: genomförd"))
    out = cli("minutes", root).stdout
    assert out.splitlines()[0].startswith("Ändringar från ks-2025-01-20 (")
    assert "till arbetskopian: senaste incheckningen (" in out
    assert "ändringar som ännu inte är incheckade" in out
    assert not HEX.search(out)


def test_an_untracked_file_outside_the_data_is_not_an_uncommitted_change(cli, history) -> None:
    root, _repo = history
    (root / "utdata").mkdir()
    (root / "utdata" / "riktlinje.md").write_text("utdata\n")
    out = cli("minutes", root, "--since", "HEAD").stdout
    assert "senaste incheckningen" in out and "arbetskopian" not in out


def test_until_an_older_commit_is_not_called_the_latest(cli, history) -> None:
    root, repo = history
    styr = root / "organ" / "styrgrupp.yaml"
    styr.write_text(styr.read_text().replace("antal: 2", "antal: 3"))
    commit(repo, "Tre")
    styr.write_text(styr.read_text().replace("antal: 3", "antal: 4"))
    commit(repo, "Fyra")
    out = cli("minutes", root, "--since", "HEAD~2", "--until", "HEAD~1").stdout
    assert "till incheckningen (" in out and "senaste" not in out


# -- writing a file: bfa's own output only -----------------------------------------------


def test_minutes_do_not_overwrite_a_file_that_merely_says_andringar(cli, history, tmp_path) -> None:
    root, repo = history
    (root / "organ" / "arbetsgrupp.yaml").unlink()
    commit(repo, "Bort med arbetsgruppen")
    mine = tmp_path / "mina-anteckningar.md"
    mine.write_text("# Ändringar jag vill föreslå\n\nMitt eget arbete.\n", encoding="utf-8")
    # before: the marker was the word "Ändringar", so this file was replaced silently
    result = cli("minutes", root, "--since", "HEAD~1", "-o", mine)
    assert result.exit_code == 2 and "inte skriven av bfa" in result.stderr
    assert mine.read_text(encoding="utf-8").endswith("Mitt eget arbete.\n")
    out = tmp_path / "andringar.md"
    assert cli("minutes", root, "--since", "HEAD~1", "-o", out).exit_code == 0
    assert "Arbetsgrupp: togs bort" in out.read_text(encoding="utf-8")
    assert cli("minutes", root, "--since", "HEAD~1", "-o", out).exit_code == 0  # its own
    js = tmp_path / "andringar.json"
    assert cli("minutes", root, "--since", "HEAD~1", "-f", "json", "-o", js).exit_code == 0
    assert cli("minutes", root, "--since", "HEAD~1", "-f", "json", "-o", js).exit_code == 0
    foreign = tmp_path / "data.json"
    foreign.write_text('{"since": "min egen fil"}\n', encoding="utf-8")
    assert cli("minutes", root, "--since", "HEAD~1", "-f", "json", "-o", foreign).exit_code == 2
    assert cli("minutes", root, "--since", "HEAD~1", "-o", mine, "--force").exit_code == 0


def test_example_history_reads_as_sentences(cli, tmp_path: Path) -> None:
    """Each example, committed, then changed as a coordinator would: no key paths, no
    ids, no hashes, no sentence twice."""
    for name in EXAMPLE_NAMES:
        root = tmp_path / name
        shutil.copytree(EXAMPLES / name, root)
        repo = git.Repo.init(root)
        commit(repo, f"{name} som förrådet ser ut i dag")
        for path in sorted((root / "organ").glob("*.yaml"))[:2]:
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("antal: ", "antal: 1") if "antal: " in text else text)
        commit(repo, "Fler möten")
        out = cli("minutes", root, "--since", "HEAD~1").stdout
        lines = [line for line in out.splitlines() if line.startswith("  • ")]
        assert len(lines) == len(set(lines)), out
        assert not HEX.search(out) and "möten.antal" not in out, out
        keys = {alias for _f, m in _models() for _m, alias, _p in _fields(m) if "_" in alias}
        assert not [k for k in keys if k in out], out


def test_every_status_of_every_kind_reads_as_what_happened() -> None:
    # "Åtgärd Belysning: status ändrades från pågående till genomförd": a board reads
    # "genomfördes (förut pågående)". Every value of every model's status has its words,
    # so a status added to a model cannot fall back to the mechanical sentence unseen.
    from typing import get_args

    from brottsforeb.history._sentences import STATUS_TURNED, status_turned
    from brottsforeb.model import KINDS

    with_status = {k.model for k in KINDS.values() if "status" in k.model.model_fields}
    assert with_status == set(STATUS_TURNED), with_status ^ set(STATUS_TURNED)
    for model, phrases in STATUS_TURNED.items():
        values = {
            v
            for a in get_args(model.model_fields["status"].annotation)
            for v in (get_args(a) or [a])
        }
        values.discard(type(None))
        assert values == set(phrases), (model.__name__, values ^ set(phrases))
    atgard = next(m for m in STATUS_TURNED if m.__name__ == "Atgard")
    assert status_turned(atgard, "pågående", "genomförd") == "genomfördes (förut pågående)"
    dokument = next(m for m in STATUS_TURNED if m.__name__ == "Dokument")
    assert status_turned(dokument, "gällande", "ska_upphävas") == "ska upphävas (förut gällande)"


def test_entities_that_changed_alike_in_the_same_commits_share_one_line(history) -> None:
    # Ten meetings marked held in one commit were ten lines; alike changes made together
    # are one line naming every entity. JSON keeps one change per entity; changes made in
    # other commits, or saying other things, stay their own lines.
    from brottsforeb.history import to_json, to_markdown

    root, repo = history
    for i, title in enumerate(["Alfa", "Beta", "Gamma"]):
        (root / "atgarder" / f"a{i}.yaml").write_text(
            f"titel: {title}\nbeskrivning: B.\nansvarig: samordnare\nstatus: pågående\n"
            "problem: [problem-1]\n",
            encoding="utf-8",
        )
    start = commit(repo, "Tre åtgärder")
    for i in range(3):
        path = root / "atgarder" / f"a{i}.yaml"
        path.write_text(path.read_text("utf-8").replace("pågående", "genomförd"), "utf-8")
    commit(repo, "Alla klara", author="Anna")
    path = root / "atgarder" / "a0.yaml"
    path.write_text(path.read_text("utf-8").replace("B.", "Ny beskrivning."), "utf-8")
    commit(repo, "Ny text", author="Bo")
    m = minutes(root, start, "HEAD")
    text = to_markdown(m)
    assert (
        "- Åtgärd a0, Åtgärd a1 och Åtgärd a2: genomfördes (förut pågående)  \n  *Anna 2026" in text
    ), text
    assert text.count("genomfördes") == 1
    # a change in another commit keeps its own line and its own author
    assert "- Åtgärd a0: beskrivning ändrades från B. till ”Ny beskrivning.”  \n  *Bo " in text
    doc = __import__("json").loads(to_json(m))
    assert sum("genomfördes" in c["text"] for c in doc["changes"]) == 3
