"""bfa log: the history of one entity, commit by commit, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..loader import find_root, with_file
from ._diff import diff_repos
from ._failures import guarded
from ._git import (
    CommitInfo,
    info,
    load_at,
    open_git,
    prefix_of,
    read_blob,
    require_commits,
)


@guarded
def entity_log(
    path: Path, ref: str, progress: Callable[[int, int], None] | None = None
) -> list[tuple[CommitInfo, list[str]]]:
    """History of one entity ('organ/styrgrupp' or 'styrgrupp'), newest first.

    Only the commits that touched the entity's file are read, and in each only that file:
    the rest of the repository is the working tree's, read once (names of other entities
    in the sentences are today's). Loading the whole tree twice per commit took 25 s for
    300 commits (A39).
    """
    git_repo = open_git(path)
    root = find_root(path)
    current = load_at(git_repo, root, None)
    prefix = prefix_of(git_repo, root)
    try:
        entry = current.lookup(ref)
        kind, eid, rel = entry.kind, entry.id, entry.file
    except UsageError:
        # not in the working tree: an entity that was removed still has its history (the
        # newest commit is the one that took it away: "…: togs bort")
        require_commits(git_repo, ", så filen har ingen historik")
        gone = _removed(git_repo, prefix, ref)
        if gone is None:
            raise
        kind, eid, rel = gone
    require_commits(git_repo, ", så filen har ingen historik")
    out = []
    commits = list(git_repo.iter_commits("HEAD", paths=[prefix + rel], follow=False))
    for n, c in enumerate(commits):
        if progress is not None:
            progress(n, len(commits))
        before = with_file(current, rel, _blob(c.parents[0], prefix + rel) if c.parents else None)
        after = with_file(current, rel, _blob(c, prefix + rel))
        found = [
            ch.sentence for ch in diff_repos(before, after) if ch.kind == kind and ch.id == eid
        ]
        out.append((info(c), found))
    return out


def _removed(git_repo: Any, prefix: str, ref: str) -> tuple[str, str, str] | None:
    """(kind, id, file) of an entity ``ref`` names that is gone from the working tree but
    has a file in the history of HEAD; None if no such file ever was."""
    from ..model import KINDS, kind_by_name

    ref = ref.strip().replace("\\", "/").removeprefix("./")
    ref = ref.removesuffix(".yaml").removesuffix(".yml")
    head, _, eid = ref.rpartition("/")
    if head.startswith("moten/"):
        head = "moten"
    kind = kind_by_name(head) if head else None
    if (head and kind is None) or not eid:
        return None
    found = []
    for folder in [kind.folder] if kind else list(KINDS):
        place = f"{folder}/{eid[:4]}" if KINDS[folder].by_year else folder
        for suffix in (".yaml", ".yml"):
            rel = f"{place}/{eid}{suffix}"
            if next(git_repo.iter_commits("HEAD", paths=[prefix + rel], max_count=1), None):
                found.append((folder, eid, rel))
    if len(found) > 1:
        raise UsageError(
            f"'{ref}' är tvetydigt: " + ", ".join(f"{k}/{i}" for k, i, _ in found) + ".",
            hint="Skriv slaget framför id:t.",
        )
    return found[0] if found else None


def _blob(commit: Any, path: str) -> bytes | None:
    """The file at ``commit`` through the bounded reader, or None where it does not exist."""
    try:
        blob = commit.tree / path
    except KeyError:
        return None
    return read_blob(blob, path, commit.hexsha) if blob.type == "blob" else None


def log_lines(history: list[tuple[CommitInfo, list[str]]]) -> list[tuple[str, str]]:
    """(text, kind) per line of ``bfa log`` for a terminal, as ``human_lines`` for minutes:
    each commit ("title") and what it changed in the entity ("item")."""
    lines: list[tuple[str, str]] = []
    for commit, sentences in history:
        lines.append((f"{commit.short} {commit.date} {commit.author}: {commit.message}", "title"))
        lines += [(f"  • {s}", "item") for s in sentences or ["(inga ändringar i innehållet)"]]
    return lines
