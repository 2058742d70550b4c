"""bfa minutes: what changed between two revisions, each change with the commit that made it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import HistoryError
from ..findings import Severity
from ..loader import find_root
from ..repo import Repo
from ._diff import Change, diff_repos, field_changes
from ._failures import guarded
from ._git import (
    UNCOMMITTED,
    WORKTREE,
    CommitInfo,
    clean,
    commits_by_path,
    default_since,
    dirty_paths,
    info,
    is_data_path,
    is_raw_id,
    load_at,
    open_git,
    prefix_of,
    read_data,
    require_commits,
    resolve,
)


@dataclass(frozen=True)
class Revision:
    """One end of the range as a reader knows it.

    ``name`` is what people called it (a tag or a branch), "" for a commit id or an
    expression such as HEAD~2; ``commit`` is the commit (None: the working tree);
    ``latest`` whether it is the newest commit (HEAD); ``uncommitted`` whether the
    working tree holds changes to the data not yet committed.
    """

    name: str
    commit: CommitInfo | None
    latest: bool = False
    uncommitted: bool = False


@dataclass
class Minutes:
    since: str
    until: str
    changes: list[Change]
    problems: list[str]  # files that could not be read at one of the revisions
    start: Revision = field(default_factory=lambda: Revision("", None))
    end: Revision = field(default_factory=lambda: Revision("", None))


def _unreadable(repo: Repo, revision: str) -> list[str]:
    """Files that could not be read (or did not fit the schema) at ``revision``, and files
    that were not read at all (``notes.txt`` in a data folder), as `validate` names them."""
    return [
        clean(f"{f.location}: {f.message} (vid {revision})")
        for f in repo.findings
        if (f.severity is Severity.ERROR and f.rule.startswith(("YAML", "FIL", "SCHEMA")))
        or f.rule.startswith("FIL-")
    ]


def _revision(git_repo: Any, rev: str, commit: Any) -> Revision:
    latest = commit.hexsha == git_repo.head.commit.hexsha
    return Revision("" if is_raw_id(rev) else clean(rev), info(commit), latest)


@guarded
def minutes(path: Path, since: str | None = None, until: str | None = None) -> Minutes:
    """What changed between two revisions (``until`` None: the working tree)."""
    git_repo = open_git(path)
    root = find_root(path)
    require_commits(git_repo)
    since = since or default_since(git_repo)
    since_commit = resolve(git_repo, since)
    until_commit = resolve(git_repo, until) if until else None
    since_sha = since_commit.hexsha
    until_sha = until_commit.hexsha if until_commit is not None else None
    if until_sha and since_sha != until_sha and git_repo.is_ancestor(until_sha, since_sha):
        raise HistoryError(
            f"--since ({clean(since)}) är en senare revision än --until ({clean(str(until))}).",
            hint=f"Byt plats på dem: bfa minutes --since {clean(str(until))} "
            f"--until {clean(since)}.",
        )
    old = load_at(git_repo, root, since)
    new = load_at(git_repo, root, until)
    changes = diff_repos(old, new)
    prefix = prefix_of(git_repo, root)
    by_path = commits_by_path(git_repo, since_sha, until_sha, prefix)
    dirty: set[str] = set()
    if until is None:
        dirty = {
            p
            for p in dirty_paths(git_repo)
            if p.startswith(prefix) and is_data_path(p[len(prefix) :])
        }
    touched = _Touched(git_repo, new)
    for ch in changes:
        git_path = prefix + ch.file
        candidates = list(by_path.get(git_path, []))
        commits = [c for c in candidates if ch.key in touched(c.sha, git_path)]
        if len(commits) > 1:  # a merge repeats its branch's change: name the branch commit
            commits = [c for c in commits if not touched.is_merge(c.sha)] or commits
        is_dirty = until is None and git_path in dirty
        if not commits and not is_dirty:
            commits = candidates  # cannot tell which one: every commit that touched the file
        if is_dirty:
            commits.insert(0, UNCOMMITTED)
        ch.commits = commits
    start = _revision(git_repo, since, since_commit)
    if until_commit is not None:
        end = _revision(git_repo, str(until), until_commit)
    else:
        end = Revision("", info(git_repo.head.commit), latest=True, uncommitted=bool(dirty))
    problems = _unreadable(old, _name(start)) + _unreadable(new, _name(end))
    return Minutes(clean(since), clean(until) if until else WORKTREE, changes, problems, start, end)


def _name(rev: Revision) -> str:
    """A revision named in a problem line: its tag, its date, or the working tree."""
    if rev.name:
        return rev.name
    if rev.commit is None or rev.uncommitted:
        return WORKTREE
    return f"incheckningen {rev.commit.date}"


class _Touched:
    """Which key paths of a file one commit changed (against its first parent), cached."""

    def __init__(self, git_repo: Any, repo: Repo) -> None:
        self.git = git_repo
        self.repo = repo
        self.cache: dict[tuple[str, str], set[str]] = {}

    def is_merge(self, sha: str) -> bool:
        return len(self.git.commit(sha).parents) > 1

    def __call__(self, sha: str, path: str) -> set[str]:
        if (sha, path) not in self.cache:
            commit = self.git.commit(sha)
            exists, data = read_data(commit, path)
            if commit.parents:
                existed, before = read_data(commit.parents[0], path)
            else:
                existed, before = False, None
            keys: set[str] = set()
            if exists != existed or (data is None) != (before is None):
                keys.add("")
            if data is not None and before is not None:
                keys |= {k for k, _ in field_changes(self.repo, before, data)}
            # a change to "möten.antal" also touches "möten"
            keys |= {k.rsplit(".", i)[0] for k in set(keys) for i in range(1, k.count(".") + 1)}
            self.cache[(sha, path)] = keys
        return self.cache[(sha, path)]
