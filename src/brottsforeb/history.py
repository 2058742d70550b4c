"""Git history as decisions: load the Repo at any revision, diff two Repos, attribute commits.

Blobs are read straight from git objects (no checkout), so any revision can be read while
the working tree stays as it is. GitPython is imported only here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ._ids import ascii_id
from .errors import HistoryError
from .loader import ROOT_FILE, find_root, load_files, read_tree
from .model import KINDS
from .repo import KOMMUN, Repo

__all__ = ["Change", "CommitInfo", "Minutes", "diff_repos", "load_at", "minutes", "open_git"]

WORKTREE = "arbetskopian"


@dataclass(frozen=True)
class CommitInfo:
    sha: str
    author: str
    date: str
    message: str

    @property
    def short(self) -> str:
        return self.sha[:7]


@dataclass
class Change:
    """One thing that changed in one entity, as a Swedish sentence."""

    kind: str
    id: str
    file: str
    sentence: str
    commits: list[CommitInfo] = field(default_factory=list)


@dataclass
class Minutes:
    since: str
    until: str
    changes: list[Change]
    problems: list[str]  # files that could not be read at one of the revisions


def open_git(path: Path) -> Any:
    """The git repository holding the bfa repository at ``path``."""
    import git

    root = find_root(path)
    try:
        repo = git.Repo(root, search_parent_directories=True)
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        raise HistoryError(
            f"{root} ligger inte i ett git-förråd, så det finns ingen historik att läsa.",
            hint="Kör `git init` och checka in filerna, eller ange mappen för ett git-förråd.",
        ) from None
    if (Path(repo.git_dir) / "shallow").exists():
        raise HistoryError(
            "Git-förrådet är en ytlig kloning (shallow clone) och saknar historik.",
            hint="Hämta hela historiken: `git fetch --unshallow`, eller i GitHub Actions "
            "`fetch-depth: 0` under actions/checkout.",
        )
    return repo


def _prefix(git_repo: Any, root: Path) -> str:
    rel = root.resolve().relative_to(Path(git_repo.working_tree_dir).resolve())
    return "" if str(rel) == "." else rel.as_posix() + "/"


def resolve(git_repo: Any, rev: str) -> Any:
    import git

    try:
        return git_repo.commit(rev)
    except (git.BadName, ValueError, git.GitCommandError):
        raise HistoryError(
            f"Revisionen '{rev}' finns inte i git-förrådet.",
            hint="Ange en commit, en tagg eller t.ex. HEAD~1.",
        ) from None


def load_at(git_repo: Any, root: Path, rev: str | None) -> Repo:
    """The Repo as it was at ``rev`` (None: the working tree, uncommitted changes included)."""
    if rev is None:
        on_disk, found = read_tree(root)
        return load_files(on_disk, root, found)
    commit = resolve(git_repo, rev)
    prefix = _prefix(git_repo, root)
    files: dict[str, bytes] = {}
    try:
        tree = commit.tree / prefix.rstrip("/") if prefix else commit.tree
    except KeyError:
        return load_files({}, root)
    for blob in tree.traverse():
        if blob.type != "blob":
            continue
        rel = blob.path[len(prefix) :]
        top = rel.split("/", 1)[0]
        if rel == ROOT_FILE or (top in KINDS and rel.endswith((".yaml", ".yml"))):
            files[rel] = blob.data_stream.read()
    return load_files(files, root)


def _plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def _data(repo: Repo) -> dict[tuple[str, str], tuple[str, dict[str, Any] | None]]:
    out = {}
    for entry in repo.iter_entries():
        data = entry.parsed.data if isinstance(entry.parsed.data, dict) else None
        out[(entry.kind, entry.id)] = (entry.file, data)
    return out


NAMES = {KOMMUN: "Kommunen"} | {k: v.singular.capitalize() for k, v in KINDS.items()}


def _label(repo: Repo, kind: str, eid: str) -> str:
    """How a board reads an entity: 'Styrgrupp', 'Åtgärd a-07 Trygghetsvandringar',
    'Åtgärd Fältarbete kvällstid' (id faltarbete)."""
    if kind == KOMMUN:
        return "Kommunen (bfa.yaml)"
    name = repo.name_of(kind, eid)
    if kind in ("organ", "dokument"):
        return name
    if kind == "moten":
        return f"Mötet {eid}"
    singular = KINDS[kind].singular.capitalize()
    if name == eid:
        return f"{singular} {eid}"
    # the id adds nothing when it is the name's own slug ('belysning' for 'Belysning')
    if ascii_id(name).startswith(eid):
        return f"{singular} {name}"
    return f"{singular} {eid} {name}"


def _display(repo: Repo, key: str, value: Any) -> str:
    """Show references by name: a function id becomes its title."""
    if isinstance(value, str):
        for kind in ("funktioner", "organ", "aktorer", "dokument", "indikatorer"):
            if value in repo.ids(kind) and repo.name_of(kind, value) != value:
                return repo.name_of(kind, value)
    if isinstance(value, dict):
        return ", ".join(f"{k}: {_display(repo, k, v)}" for k, v in value.items())
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return str(_plain(value))


ROLE = {
    "ledamöter": "ledamot",
    "sammankallande": "sammankallande",
    "adjungeras_vid_behov": "adjungerad vid behov",
    "närvarande": "närvarande",
    "parter": "part",
    "samverkansparter": "samverkanspart",
    "indikatorer": "indikator",
    "problem": "problem",
    "orsaker": "orsak",
    "uppgifter": "uppgift",
    "hålls_informerade": "informerad",
}


def _field_changes(
    repo: Repo, old: dict[str, Any], new: dict[str, Any], path: str = ""
) -> list[str]:
    out = []
    for key in sorted(set(old) | set(new), key=lambda k: (k not in new, str(k))):
        name = f"{path}{key}"
        a, b = old.get(key), new.get(key)
        if _plain(a) == _plain(b):
            continue
        if isinstance(a, dict) and isinstance(b, dict):
            out.extend(_field_changes(repo, a, b, f"{name}."))
        elif (
            isinstance(a, list | type(None))
            and isinstance(b, list | type(None))
            and (isinstance(a, list) or isinstance(b, list))
        ):
            a_list, b_list = a or [], b or []
            role = ROLE.get(str(key), str(key))
            if all(not isinstance(x, dict | list) for x in a_list + b_list):
                for item in b_list:
                    if item not in a_list:
                        out.append(f"{_display(repo, name, item)} tillkom som {role}")
                for item in a_list:
                    if item not in b_list:
                        out.append(f"{_display(repo, name, item)} är inte längre {role}")
            else:
                out.append(f"{name} ändrades ({len(a_list)} → {len(b_list)} poster)")
        elif key not in old:
            out.append(f"{name} angavs till {_display(repo, name, b)}")
        elif key not in new:
            out.append(f"{name} togs bort (var {_display(repo, name, a)})")
        else:
            out.append(
                f"{name} ändrades från {_display(repo, name, a)} till {_display(repo, name, b)}"
            )
    return out


def diff_repos(old: Repo, new: Repo) -> list[Change]:
    """Entity by entity, field by field: what changed from ``old`` to ``new``."""
    a, b = _data(old), _data(new)
    changes: list[Change] = []
    removed = {k: v for k, v in a.items() if k not in b}
    added = {k: v for k, v in b.items() if k not in a}
    renamed: dict[tuple[str, str], tuple[str, str]] = {}
    for rk, (_rfile, rdata) in removed.items():
        for ak, (_afile, adata) in added.items():
            if (
                ak[0] == rk[0]
                and ak not in renamed.values()
                and rdata is not None
                and _similar(rdata, adata)
            ):
                renamed[rk] = ak
                break
    for (kind, eid), (file, data) in sorted(b.items(), key=lambda kv: (kv[0][0], kv[0][1])):
        if (kind, eid) in added:
            old_key = next((r for r, n in renamed.items() if n == (kind, eid)), None)
            if old_key is not None:
                sentence = f"{_label(new, kind, eid)}: bytte id från {old_key[1]} till {eid}"
                changes.append(Change(kind, eid, file, sentence))
                before = a[old_key][1] or {}
                for s in _field_changes(new, before, data or {}):
                    changes.append(Change(kind, eid, file, f"{_label(new, kind, eid)}: {s}"))
            else:
                changes.append(Change(kind, eid, file, f"{_label(new, kind, eid)}: tillkom"))
            continue
        old_data = a[(kind, eid)][1]
        if data is None or old_data is None:
            if (data is None) != (old_data is None):
                state = "kunde inte läsas" if data is None else "går att läsa igen"
                label = _label(old if data is None else new, kind, eid)
                changes.append(Change(kind, eid, file, f"{label}: filen {state}"))
            continue
        for s in _field_changes(new, old_data, data):
            changes.append(Change(kind, eid, file, f"{_label(new, kind, eid)}: {s}"))
    for (kind, eid), (file, _) in sorted(removed.items()):
        if (kind, eid) not in renamed:
            changes.append(Change(kind, eid, file, f"{_label(old, kind, eid)}: togs bort"))
    return changes


def _similar(a: dict[str, Any], b: dict[str, Any] | None) -> bool:
    if b is None:
        return False
    keys = set(a) | set(b)
    same = sum(1 for k in keys if _plain(a.get(k)) == _plain(b.get(k)))
    return same >= max(1, int(len(keys) * 0.6))


def _commits_by_path(
    git_repo: Any, since: str, until: str | None, prefix: str
) -> dict[str, list[CommitInfo]]:
    """One walk of the range: repository path → the commits that touched it, newest first."""
    rev = f"{since}..{until or 'HEAD'}"
    raw = git_repo.git.log(
        rev,
        "--format=\x1e%H\x1f%an\x1f%at\x1f%s",
        "--name-only",
        "--",
        prefix or ".",
    )
    by_path: dict[str, list[CommitInfo]] = {}
    for record in raw.split("\x1e")[1:]:
        head, _, names = record.partition("\n")
        sha, author, stamp, subject = head.split("\x1f", 3)
        when = dt.datetime.fromtimestamp(int(stamp), dt.UTC).date().isoformat()
        info = CommitInfo(sha, author, when, subject)
        for name in filter(None, (n.strip() for n in names.splitlines())):
            bucket = by_path.setdefault(name, [])
            if not bucket or bucket[-1].sha != sha:
                bucket.append(info)
    return by_path


def default_since(git_repo: Any) -> str:
    """The newest tag reachable from HEAD, else the first commit."""
    try:
        return str(git_repo.git.describe("--tags", "--abbrev=0"))
    except Exception:
        roots = list(git_repo.iter_commits("HEAD", max_parents=0))
        if not roots:
            raise HistoryError("Git-förrådet har inga incheckningar ännu.") from None
        return str(roots[-1].hexsha)


def _unreadable(repo: Repo, revision: str) -> list[str]:
    """Files that could not be read (or did not fit the schema) at ``revision``."""
    return [
        f"{f.file}:{f.line}: {f.message} (vid {revision[:12]})"
        for f in repo.findings
        if f.severity.value == "fel" and f.rule.startswith(("YAML", "FIL", "SCHEMA"))
    ]


def minutes(path: Path, since: str | None = None, until: str | None = None) -> Minutes:
    """What changed between two revisions (``until`` None: the working tree)."""
    git_repo = open_git(path)
    root = find_root(path)
    if not git_repo.head.is_valid():
        raise HistoryError(
            "Git-förrådet har inga incheckningar ännu.",
            hint="Checka in filerna först: git add -A && git commit.",
        )
    since = since or default_since(git_repo)
    old = load_at(git_repo, root, since)
    new = load_at(git_repo, root, until)
    changes = diff_repos(old, new)
    prefix = _prefix(git_repo, root)
    since_sha = resolve(git_repo, since).hexsha
    until_sha = resolve(git_repo, until).hexsha if until else None
    by_path = _commits_by_path(git_repo, since_sha, until_sha, prefix)
    dirty = set()
    if until is None:
        dirty = {d.a_path for d in git_repo.index.diff(None)} | set(git_repo.untracked_files)
        dirty |= {d.a_path for d in git_repo.index.diff("HEAD")}
    for ch in changes:
        commits = list(by_path.get(prefix + ch.file, []))
        if until is None and prefix + ch.file in dirty:
            commits.insert(0, CommitInfo("", "", "", "ej incheckat"))
        ch.commits = commits
    problems = _unreadable(old, since) + _unreadable(new, until or WORKTREE)
    return Minutes(since, until or WORKTREE, changes, problems)


HEADINGS = {
    KOMMUN: "Kommunen",
    "organ": "Organ",
    "funktioner": "Funktioner",
    "aktorer": "Aktörer",
    "dokument": "Styrdokument",
    "lagesbilder": "Lägesbilder",
    "atgarder": "Åtgärder",
    "indikatorer": "Indikatorer",
    "moten": "Möten",
}


def grouped(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    order = list(HEADINGS)
    kinds = sorted({c.kind for c in changes}, key=order.index)
    return [(HEADINGS[k], [c for c in changes if c.kind == k]) for k in kinds]


def attribution(commits: list[CommitInfo]) -> str:
    parts = []
    for c in commits:
        if not c.sha:
            parts.append(c.message)
        else:
            parts.append(f"{c.short} {c.author} {c.date} \u201d{c.message}\u201d")
    return "; ".join(parts)


def to_markdown(m: Minutes, title: str) -> str:
    """Minutes as Markdown, for an appendix to minnesanteckningar or a protokoll."""
    from ._escape import md

    lines = [
        f"# {md(title)}",
        "",
        f"Ändringar från {md(m.since[:12])} till {md(m.until[:12])}.",
        "",
    ]
    if not m.changes:
        lines += ["Inga ändringar.", ""]
    for heading, items in grouped(m.changes):
        lines += [f"## {heading}", ""]
        lines += [f"- {md(c.sentence)}  \n  *{md(attribution(c.commits))}*" for c in items]
        lines.append("")
    if m.problems:
        lines += ["## Filer som inte kunde läsas", ""]
        lines += [f"- {md(p)}" for p in m.problems]
        lines.append("")
    return "\n".join(lines)


def to_json(m: Minutes) -> str:
    import json

    from .findings import JSON_VERSION

    return json.dumps(
        {
            "version": JSON_VERSION,
            "command": "minutes",
            "since": m.since,
            "until": m.until,
            "problems": m.problems,
            "changes": [
                {
                    "kind": c.kind,
                    "id": c.id,
                    "file": c.file,
                    "text": c.sentence,
                    "commits": [
                        {"sha": x.sha, "author": x.author, "date": x.date, "message": x.message}
                        for x in c.commits
                    ],
                }
                for c in m.changes
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def entity_log(
    path: Path, ref: str, progress: Callable[[int, int], None] | None = None
) -> list[tuple[CommitInfo, list[str]]]:
    """History of one entity ('organ/styrgrupp' or 'styrgrupp'), newest first."""
    git_repo = open_git(path)
    root = find_root(path)
    current = load_at(git_repo, root, None)
    entry = current.lookup(ref)
    kind, eid = entry.kind, entry.id
    prefix = _prefix(git_repo, root)
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
        when = dt.datetime.fromtimestamp(c.authored_date, dt.UTC).date().isoformat()
        out.append((CommitInfo(c.hexsha, c.author.name, when, c.summary), found))
    return out
