"""Git access: open the repository, resolve revisions, read blobs, describe commits.

Blobs are read straight from git objects (no checkout), so any revision can be read
while the working tree stays as it is, and through bfa's own bounded reader. Only
plumbing commands run: nothing here writes to ``.git`` (the index included).
GitPython is imported only in this package, and only when a command needs history.
"""

from __future__ import annotations

import codecs
import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .. import _yaml
from .._escape import one_line
from .._messages import suggest
from .._pii import mask
from .._tree import walk
from ..errors import HistoryError
from ..loader import ROOT_FILE, find_root, load_files, read_tree
from ..model import KINDS
from ..repo import Repo
from ._failures import damaged, git_errors, import_git, translate
from ._gittree import GitSource

#: The working tree as a revision name (``until`` None).
WORKTREE = "arbetskopian"

#: Longest commit subject shown; the rest of a long first line is cut with "…".
MAX_SUBJECT = 120


@dataclass(frozen=True)
class CommitInfo:
    """A commit as bfa shows it: every text cleaned (one line, no control characters,
    no personnummer); ``sha`` empty for the uncommitted changes of the working tree."""

    sha: str
    author: str
    date: str
    message: str

    @property
    def short(self) -> str:
        return self.sha[:7]


#: The working tree's uncommitted changes, in an attribution.
UNCOMMITTED = CommitInfo("", "", "", "ej incheckat")


def open_git(path: Path) -> Any:
    """The git repository holding the bfa repository at ``path``."""
    git = import_git()

    root = find_root(path)
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise HistoryError(
            f"{root} ligger inte i ett git-förråd, så det finns ingen historik att läsa.",
            hint="Kör `git init` och checka in filerna, eller ange mappen för ett git-förråd.",
        ) from None
    # Read-only: git must not refresh .git/index (git status/diff do, unless told not to).
    # And the repository's own .git/config must not run anything: core.fsmonitor,
    # hooks, a pager, external diff drivers are overridden for every git bfa starts
    # (GitPython's cat-file process included) by command-line level configuration.
    overrides = {
        "core.fsmonitor": "false",
        "core.hooksPath": "/dev/null",
        "core.pager": "cat",
        "diff.external": "",
        "core.untrackedCache": "false",
    }
    env = {
        "GIT_OPTIONAL_LOCKS": "0",
        "GIT_CONFIG_NOSYSTEM": "1",
        "GIT_PAGER": "cat",
        "GIT_TERMINAL_PROMPT": "0",
        "GIT_CONFIG_COUNT": str(len(overrides)),
    }
    for i, (key, value) in enumerate(overrides.items()):
        env[f"GIT_CONFIG_KEY_{i}"] = key
        env[f"GIT_CONFIG_VALUE_{i}"] = value
    repo.git.update_environment(**env)
    # git refuses a repository another user owns ("dubious ownership") on every command;
    # ask once, so that the refusal is named instead of read as "no commits".
    with git_errors(root):
        repo.git.rev_parse("--git-dir")
    if (Path(repo.git_dir) / "shallow").exists():
        raise HistoryError(
            "Git-förrådet är en ytlig kloning (shallow clone) och saknar historik.",
            hint="Hämta hela historiken: `git fetch --unshallow`, eller i GitHub Actions "
            "`fetch-depth: 0` under actions/checkout.",
        )
    return repo


def require_commits(git_repo: Any, what: str = "") -> None:
    """Refuse a repository without a single commit, in Swedish."""
    if not git_repo.head.is_valid():
        from git.refs.symbolic import SymbolicReference

        try:  # HEAD names a commit whose object is gone: damaged, not empty
            sha = SymbolicReference.dereference_recursive(git_repo, "HEAD")
        except (ValueError, OSError):
            sha = None
        if sha:
            raise damaged(f"HEAD pekar på incheckningen {sha[:12]}, som saknas")
        raise HistoryError(
            f"Git-förrådet har inga incheckningar ännu{what}.",
            hint="Checka in filerna först: git add -A && git commit.",
        )


def prefix_of(git_repo: Any, root: Path) -> str:
    """The bfa repository's folder inside the git repository ("" or "kommun/")."""
    rel = root.resolve().relative_to(Path(git_repo.working_tree_dir).resolve())
    return "" if str(rel) == "." else rel.as_posix() + "/"


def resolve(git_repo: Any, rev: str) -> Any:
    """The commit ``rev`` names, or a Swedish HistoryError (000…0, @{-1}, a typo …)."""
    try:
        commit = git_repo.commit(rev)
        commit.tree  # noqa: B018 - an unknown object (000…0) fails only when read
    except Exception:  # GitPython raises BadName, BadObject, ValueError, GitCommandError …
        names = _names(git_repo)
        guess = suggest(rev, names) if names else None
        there = (
            f" Finns: {', '.join(names[:10])}{' …' if len(names) > 10 else ''}." if names else ""
        )
        raise HistoryError(
            f"Revisionen '{clean(rev, 200)}' finns inte i git-förrådet.",
            hint=(
                f"Menade du '{guess}'?" if guess else "Ange en commit, en tagg eller t.ex. HEAD~1."
            )
            + there,
        ) from None
    return commit


def _names(git_repo: Any) -> list[str]:
    """The branches and tags a revision can be named by, sorted (none if git cannot say)."""
    try:
        refs = [*git_repo.branches, *git_repo.tags]
        return sorted({clean(r.name, 60) for r in refs})
    except Exception:  # a damaged ref: the hint goes without the list
        return []


def load_at(git_repo: Any, root: Path, rev: str | None) -> Repo:
    """The Repo as it was at ``rev`` (None: the working tree, uncommitted changes included)."""
    with git_errors(root):
        return _load_at(git_repo, root, rev)


def _load_at(git_repo: Any, root: Path, rev: str | None) -> Repo:
    if rev is None:
        on_disk, found = read_tree(root)
        return load_files(on_disk, root, found)
    commit = resolve(git_repo, rev)
    files, found = walk(GitSource(commit.tree, prefix_of(git_repo, root), rev, read_blob))
    return load_files(files, root, found)


def read_blob(blob: Any, rel: str, rev: str) -> bytes:
    """``blob_bytes``, or the damaged-repository error naming the file and the revision."""
    try:
        return blob_bytes(blob)
    except Exception as exc:
        if translate(exc) is None:
            raise
        raise damaged(
            f"innehållet i {one_line(rel)} vid {_short(rev)} saknas eller går inte "
            f"att läsa (objektet {blob.hexsha[:12]})"
        ) from None


def _short(rev: str) -> str:
    """A revision as a reader sees it: a full commit id shortened to 7 characters."""
    return rev[:7] if re.fullmatch(r"[0-9a-f]{40}", rev) else clean(rev, 60)


def is_data_path(rel: str) -> bool:
    """Whether a path (relative to the bfa repository) is one of its data files."""
    top = rel.split("/", 1)[0]
    return rel == ROOT_FILE or (top in KINDS and rel.endswith((".yaml", ".yml")))


def blob_bytes(blob: Any) -> bytes:
    """A blob's content, never more than the working tree's size limit into memory.

    A blob over the limit is not read at all: ``size`` comes from git's object header,
    and a stand-in of limit + 1 bytes makes the loader report FIL-STORLEK for it, as it
    does for the same file in the working tree.
    """
    if blob.size > _yaml.MAX_FILE_BYTES:
        return b"\0" * (_yaml.MAX_FILE_BYTES + 1)
    return bytes(blob.data_stream.read())


def read_data(commit: Any, path: str) -> tuple[bool, dict[str, Any] | None]:
    """(exists, parsed mapping or None) of one file at one commit, bounded like the loader."""
    try:
        blob = commit.tree / path
    except KeyError:
        return False, None
    # bfa's own reader: the size, depth and alias limits hold for history too (#16)
    text, _problem = _yaml.decode(blob_bytes(blob), path)
    data = _yaml.parse(text, path).data if text is not None else None
    return True, data if isinstance(data, dict) else None


def dirty_paths(git_repo: Any) -> set[str]:
    """Paths that differ from HEAD in the index or the working tree, or are untracked.

    Plumbing only (diff-files, diff-index, ls-files): `git diff` and `git status` refresh
    .git/index as a side effect (even with GIT_OPTIONAL_LOCKS=0 in some versions), and a
    read-only command must leave every byte of the repository as it was.
    """
    g = git_repo.git
    out = set()
    for raw in (
        g.diff_files("--no-ext-diff", "--no-textconv", "--name-only", "-z"),
        g.diff_index("--no-ext-diff", "--no-textconv", "--cached", "--name-only", "-z", "HEAD"),
        g.ls_files("--others", "--exclude-standard", "-z"),
    ):
        out |= {p for p in raw.split("\0") if p}
    return out


def clean(text: str, limit: int | None = None) -> str:
    """Commit metadata as bfa may show it: one line, no control characters, no pnr,
    and at most ``limit`` characters (a cut text ends with "…")."""
    # masked before control characters are made visible too: "\x00" shown as the text
    # "\x00" would put digits in front of a personnummer and hide it from the mask
    text = mask(one_line(mask(text)))
    if limit is not None and len(text) > limit:
        text = text[: limit - 1].rstrip() + "…"
    return text


def info(commit: Any) -> CommitInfo:
    """A CommitInfo read from the commit object's own bytes: nothing in it can be forged.

    The object's headers are lines; the author's name is what precedes " <" on the
    ``author`` line and its date the line's last two fields, as git reads them, so a
    name holding separators, a fake e-mail or a date is shown as a name. Texts are
    decoded in the commit's ``encoding`` header (ISO-8859-1 from an old Windows git),
    UTF-8 when it names none or one Python does not know (GitPython ignores the header).
    """
    raw = bytes(commit.repo.odb.stream(commit.binsha).read())
    head, _, body = raw.partition(b"\n\n")
    author, encoding = b"", "utf-8"
    for line in head.split(b"\n"):
        if line.startswith(b"author ") and not author:
            author = line[len(b"author ") :]
        elif line.startswith(b"encoding "):
            encoding = line[len(b"encoding ") :].strip().decode("ascii", "replace")
    try:
        codecs.lookup(encoding)
    except LookupError:
        encoding = "utf-8"
    name = author.split(b" <", 1)[0]
    fields = author.rsplit(b" ", 2)
    stamp = fields[-2] if len(fields) == 3 else b""
    subject = body.split(b"\n", 1)[0]
    return CommitInfo(
        commit.hexsha,
        clean(_decode(name, encoding), 200),
        _day(int(stamp)) if stamp.isdigit() else "okänt datum",
        clean(_decode(subject, encoding), MAX_SUBJECT),
    )


def _decode(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding, "replace")
    except Exception:  # a codec that fails on its own terms (utf-16 on odd bytes …)
        return data.decode("utf-8", "replace")


def _day(timestamp: int) -> str:
    """A commit's day (UTC); a timestamp no calendar holds (a hand-made object) is unknown."""
    try:
        return dt.datetime.fromtimestamp(timestamp, dt.UTC).date().isoformat()
    except (OverflowError, OSError, ValueError):
        return "okänt datum"


def commits_by_path(
    git_repo: Any, since: str, until: str | None, prefix: str
) -> dict[str, list[CommitInfo]]:
    """One walk of the range: repository path → the commits that touched it, newest first."""
    rev = f"{since}..{until or 'HEAD'}"
    # Metadata from GitPython's commit objects; file names from a NUL-separated log in
    # which every commit is its bare SHA. A record separator in an author or a message
    # cannot forge anything: commit text is never parsed out of git's output (#16).
    infos = {c.hexsha: info(c) for c in git_repo.iter_commits(rev, paths=prefix or ".")}
    raw = git_repo.git.log(rev, "-z", "--format=%H", "--name-only", "--", prefix or ".")
    by_path: dict[str, list[CommitInfo]] = {}
    current: CommitInfo | None = None
    for token in raw.split("\0"):
        name = token.lstrip("\n")
        if name in infos:
            current = infos[name]
            continue
        if current is None or not name:
            continue
        bucket = by_path.setdefault(name, [])
        if not bucket or bucket[-1].sha != current.sha:
            bucket.append(current)
    return by_path


def default_since(git_repo: Any) -> str:
    """The newest tag reachable from HEAD, else the first commit."""
    try:
        return str(git_repo.git.describe("--tags", "--abbrev=0"))
    except Exception:  # no tag: git describe fails with GitCommandError
        roots = list(git_repo.iter_commits("HEAD", max_parents=0))
        if not roots:
            raise HistoryError("Git-förrådet har inga incheckningar ännu.") from None
        return str(roots[-1].hexsha)


_SHA = re.compile(r"[0-9a-fA-F]{7,64}")


def is_raw_id(rev: str) -> bool:
    """Whether ``rev`` is a commit id (or an expression such as HEAD~2) a reader cannot use,
    rather than a name people gave (a tag or a branch)."""
    return bool(_SHA.fullmatch(rev)) or rev.upper().startswith(("HEAD", "@", "FETCH_HEAD"))
