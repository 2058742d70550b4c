"""A revision in git history is read like the working tree (#16, A23).

Every shape of file that `bfa validate` reports in the working tree (an upper-case
ending, a nested folder, a root-level data file, a text file in a data folder, links
inside, outside, broken and in a loop, a file name with a newline) is committed, and the
Repo read from the commit must carry the same findings, in the same words, as the Repo
read from the disk; a submodule is reported, not skipped. `bfa minutes` names them with
their file, never with a line 0, and a file name cannot forge a line of its output.
"""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import git
import pytest

from brottsforeb import load_repo
from brottsforeb.history import load_at, open_git

from .conftest import MINIMAL, write_repo
from .test_minutes_hostile import _bfa as _run

ORGAN = "namn: Ny arbetsgrupp\ntyp: arbetsgrupp\n"


def _bfa(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """bfa as its own process on ``root`` (the one helper test_minutes_hostile has)."""
    return _run([*args, str(root)], dict(os.environ))


def _fil(repo) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return {(f.rule, f.file, f.message) for f in repo.findings if f.rule.startswith("FIL-")}


def _started(tmp_path: Path, extra: dict[str, str | None] | None = None) -> tuple[Path, git.Repo]:
    """A repository of MINIMAL (and ``extra``) with its first commit."""
    root = tmp_path / "r"
    root.mkdir()
    write_repo(root, dict(MINIMAL) | (extra or {}))
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("start")
    return root, repo


@pytest.fixture
def shapes(tmp_path: Path) -> Path:
    """A repository whose last commit holds every file shape the loader does not read."""
    root, repo = _started(tmp_path)
    (root / "organ" / "UPPER.YAML").write_text(ORGAN, encoding="utf-8")
    (root / "organ" / "sub").mkdir()
    (root / "organ" / "sub" / "djup.yaml").write_text(ORGAN, encoding="utf-8")
    (root / "organ" / "notes.txt").write_text("anteckning\n", encoding="utf-8")
    (root / "organ.yaml").write_text(ORGAN, encoding="utf-8")
    (root / "organ" / "x\n  • Styrgrupp: avvecklades.yaml").write_text(ORGAN, encoding="utf-8")
    (root / "funktioner" / "delad.yaml").write_text("titel: Delad\n", encoding="utf-8")
    # a link through a link (E10): validate followed it, history called it broken
    (root / "_delat").mkdir()
    (root / "_delat" / "ny.yaml").write_text("titel: Ny\n", encoding="utf-8")
    os.symlink("_delat", root / "_lank")
    os.symlink("../_lank/ny.yaml", root / "funktioner" / "lank-inne.yaml")
    # a link to a data file that is read anyway: one entity under two ids (E10)
    os.symlink("delad.yaml", root / "funktioner" / "dubbel.yaml")
    # folder links out of the repository, in a data folder and as a misspelt data folder
    os.symlink("/tmp", root / "organ" / "mapp-ute")
    os.symlink("../utanfor", root / "atgarder2")
    os.symlink("/etc/passwd", root / "organ" / "lank-ute.yaml")
    os.symlink("saknas.yaml", root / "organ" / "lank-trasig.yaml")
    os.symlink("slinga-b.yaml", root / "organ" / "slinga-a.yaml")
    os.symlink("slinga-a.yaml", root / "organ" / "slinga-b.yaml")
    repo.git.add(A=True)
    repo.index.commit("former som inte läses")
    return root


def test_a_revision_has_the_working_trees_file_findings(shapes: Path) -> None:
    disk = load_repo(shapes)
    at_head = load_at(open_git(shapes), shapes, "HEAD")
    expected = _fil(disk)
    rules = {r for r, _, _ in expected}
    # the shapes are there to be seen, all of them
    assert {"FIL-ANDELSE", "FIL-PLATS", "FIL-OKAND", "FIL-LANK", "FIL-ID"} <= rules, expected
    assert _fil(at_head) == expected
    # a link inside the repository is read at the revision as on disk, through a link too
    assert "lank-inne" in disk.funktioner and "lank-inne" in at_head.funktioner
    assert at_head.funktioner["lank-inne"].title == "Ny"
    # each of these is reported in the same words from both (the set comparison above)
    assert {(r, f) for r, f, _ in expected} >= {
        ("FIL-DUBBLETT", "funktioner/dubbel.yaml"),
        ("FIL-LANK", "organ/mapp-ute"),
        ("FIL-LANK", "atgarder2/"),
    }, expected
    assert "dubbel" not in disk.funktioner and "dubbel" not in at_head.funktioner
    # a nested file is not read as an entity at a revision either
    assert "djup" not in at_head.organ and "djup" not in disk.organ


def test_a_submodule_in_a_data_folder_is_reported(shapes: Path) -> None:
    repo = git.Repo(shapes)
    head = repo.head.commit.hexsha
    repo.git.update_index("--add", "--cacheinfo", f"160000,{head},organ/modul.yaml")
    repo.index.commit("en undermodul")
    found = _fil(load_at(open_git(shapes), shapes, "HEAD"))
    assert ("FIL-TYP", "organ/modul.yaml") in {(r, f) for r, f, _ in found}, found


def test_minutes_name_every_unread_file_without_a_line_zero(shapes: Path) -> None:
    out = _bfa(shapes, "minutes", "--since", "HEAD~1", "--until", "HEAD")
    assert out.returncode == 0, out.stderr
    for name in ("organ/UPPER.YAML", "organ/sub/", "organ.yaml", "organ/notes.txt"):
        assert f"! {name}: " in out.stdout, (name, out.stdout)
    assert "organ/lank-ute.yaml: Filen är en länk som pekar utanför förrådet" in out.stdout
    assert ":0:" not in out.stdout
    # the newline in a file name is shown, and forges no line of its own
    assert "x\\x0a  • Styrgrupp" in out.stdout
    assert not any(line.startswith("  • Styrgrupp") for line in out.stdout.splitlines())


def test_validate_shows_a_newline_in_a_file_name(shapes: Path) -> None:
    out = _bfa(shapes, "validate")
    assert out.returncode == 1
    assert "organ/x\\x0a  • Styrgrupp: avvecklades.yaml" in out.stdout
    assert not any(line.startswith("  • Styrgrupp") for line in out.stdout.splitlines())


def test_a_file_moved_out_of_a_data_folder_is_attributed(tmp_path: Path) -> None:
    # E6: git's rename detection listed 'organ/x.yaml → arkiv/x.yaml' under the new path
    # only: "togs bort" stood without who and when.
    from brottsforeb.history import minutes

    root, repo = _started(tmp_path, {"organ/sspf.yaml": ORGAN})
    (root / "arkiv").mkdir()
    repo.git.mv("organ/sspf.yaml", "arkiv/sspf.yaml")
    anna = git.Actor("Anna", "anna@example.se")
    repo.index.commit("arkivera SSPF", author=anna, committer=anna)
    [gone] = [c for c in minutes(root, "HEAD~1", "HEAD").changes if c.id == "sspf"]
    assert gone.sentence.endswith("togs bort")
    assert [c.author for c in gone.commits] == ["Anna"]


def test_minutes_look_up_each_folder_once_not_each_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # E8: one tree lookup per changed file, each a walk through the folder's entries: a
    # commit adding 20 000 files ran over 300 s. Counted, not timed: lookups per folder.
    from git.objects.tree import Tree

    from brottsforeb.history import minutes

    root, repo = _started(tmp_path)
    for i in range(300):
        (root / "organ" / f"g{i}.yaml").write_text(
            f"namn: G{i}\ntyp: arbetsgrupp\n", encoding="utf-8"
        )
    repo.git.add(A=True)
    repo.index.commit("många grupper")
    calls = 0
    join = Tree.__truediv__

    def counted(self: Tree, path: str) -> object:
        nonlocal calls
        calls += 1
        return join(self, path)

    monkeypatch.setattr(Tree, "__truediv__", counted)
    assert len(minutes(root, "HEAD~1", "HEAD").changes) == 300
    assert calls < 50, calls


def test_log_of_a_removed_entity_shows_its_history_and_its_removal(tmp_path: Path) -> None:
    # `bfa log organ/sspf` after SSPF's file was removed said there was no such file: the
    # history of what the repository no longer has could not be read at all.
    root, repo = _started(tmp_path, {"organ/sspf.yaml": ORGAN})
    (root / "organ" / "sspf.yaml").write_text(ORGAN.replace("Ny arbetsgrupp", "SSPF"), "utf-8")
    repo.git.add(A=True)
    repo.index.commit("byt namn")
    repo.git.rm("organ/sspf.yaml")
    repo.index.commit("SSPF avvecklas")
    for ref in ("organ/sspf", "sspf", "organ/sspf.yaml"):
        out = _bfa(root, "log", ref)
        assert out.returncode == 0, out.stderr
        lines = out.stdout.splitlines()
        assert lines[0].endswith(": SSPF avvecklas") and lines[1] == "  • SSPF: togs bort", lines
        assert "  • Ny arbetsgrupp: tillkom" in lines, lines
    out = _bfa(root, "log", "finns-inte")
    assert out.returncode == 2 and "Det finns ingen fil för 'finns-inte'" in out.stderr
