"""bfa log: the history of one entity, commit by commit, newest first."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from ..loader import find_root, load_files
from ._diff import diff_repos
from ._failures import guarded
from ._git import CommitInfo, info, load_at, open_git, prefix_of, require_commits


@guarded
def entity_log(
    path: Path, ref: str, progress: Callable[[int, int], None] | None = None
) -> list[tuple[CommitInfo, list[str]]]:
    """History of one entity ('organ/styrgrupp' or 'styrgrupp'), newest first."""
    git_repo = open_git(path)
    root = find_root(path)
    current = load_at(git_repo, root, None)
    entry = current.lookup(ref)
    kind, eid = entry.kind, entry.id
    prefix = prefix_of(git_repo, root)
    require_commits(git_repo, ", så filen har ingen historik")
    out = []
    commits = list(git_repo.iter_commits("HEAD", paths=[prefix + entry.file], follow=False))
    for n, c in enumerate(commits):
        if progress is not None:
            progress(n, len(commits))
        parent = c.parents[0].hexsha if c.parents else None
        before = load_at(git_repo, root, parent) if parent else load_files({}, root)
        after = load_at(git_repo, root, c.hexsha)
        found = [
            ch.sentence for ch in diff_repos(before, after) if ch.kind == kind and ch.id == eid
        ]
        out.append((info(c), found))
    return out
