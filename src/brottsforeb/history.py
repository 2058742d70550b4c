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

from . import _yaml
from ._escape import one_line
from ._ids import ascii_id
from ._pii import mask
from .errors import HistoryError
from .findings import Severity
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
    #: The key path the change is about ("möten.antal"); "" for the whole file.
    key: str = ""


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
    # Read-only: git must not refresh .git/index (git status/diff do, unless told not to).
    repo.git.update_environment(GIT_OPTIONAL_LOCKS="0")
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
    try:
        commit = git_repo.commit(rev)
        commit.tree  # noqa: B018 - an unknown object (000…0) fails only when read
    except Exception:  # GitPython raises BadName, BadObject, ValueError, GitCommandError …
        raise HistoryError(
            f"Revisionen '{rev}' finns inte i git-förrådet.",
            hint="Ange en commit, en tagg eller t.ex. HEAD~1.",
        ) from None
    return commit


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
        if blob.type != "blob" or blob.mode == _LINK_MODE:
            continue
        rel = blob.path[len(prefix) :]
        top = rel.split("/", 1)[0]
        if rel == ROOT_FILE or (top in KINDS and rel.endswith((".yaml", ".yml"))):
            files[rel] = _blob_bytes(blob)
    return load_files(files, root)


_LINK_MODE = 0o120000


def _blob_bytes(blob: Any) -> bytes:
    """A blob's content, never more than the working tree's size limit into memory.

    A blob over the limit is not read at all: ``size`` comes from git's object header,
    and a stand-in of limit + 1 bytes makes the loader report FIL-STORLEK for it, as it
    does for the same file in the working tree.
    """
    if blob.size > _yaml.MAX_FILE_BYTES:
        return b"\0" * (_yaml.MAX_FILE_BYTES + 1)
    return bytes(blob.data_stream.read())


def _dirty_paths(git_repo: Any) -> set[str]:
    """Paths that differ from HEAD in the index or the working tree, or are untracked.

    Plumbing only (diff-files, diff-index, ls-files): `git diff` and `git status` refresh
    .git/index as a side effect (even with GIT_OPTIONAL_LOCKS=0 in some versions), and a
    read-only command must leave every byte of the repository as it was.
    """
    g = git_repo.git
    out = set()
    for raw in (
        g.diff_files("--name-only", "-z"),
        g.diff_index("--cached", "--name-only", "-z", "HEAD"),
        g.ls_files("--others", "--exclude-standard", "-z"),
    ):
        out |= {p for p in raw.split("\0") if p}
    return out


def _clean(text: str) -> str:
    """Commit metadata as bfa may show it: one line, no control characters, no pnr."""
    return mask(one_line(text))


def _info(commit: Any) -> CommitInfo:
    """A CommitInfo from GitPython's parsed commit object: nothing in it can be forged."""
    when = dt.datetime.fromtimestamp(commit.authored_date, dt.UTC).date().isoformat()
    return CommitInfo(
        commit.hexsha, _clean(commit.author.name or ""), when, _clean(commit.summary or "")
    )


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
        meeting = repo.moten.get(eid)
        if meeting is not None:  # a board reads the body's name, not the file's id
            return f"Mötet i {repo.name_of('organ', meeting.organ)} {meeting.date.isoformat()}"
        return f"Mötet {eid}"
    singular = KINDS[kind].singular.capitalize()
    if name == eid:
        return f"{singular} {eid}"
    # The id adds nothing when its words are the name's own ('belysning' for 'Belysning',
    # 'strategisk-2026' for 'Strategisk lägesbild 2026'); the kind adds nothing when the
    # name already says it ('Strategisk lägesbild 2026', not 'Lägesbild Strategisk …').
    words = set(ascii_id(name).split("-"))
    if ascii_id(name).startswith(eid) or set(eid.split("-")) <= words:
        if singular.lower() in name.lower():
            return name
        return f"{singular} {name}"
    return f"{singular} {eid} {name}"


def _display(repo: Repo, key: str, value: Any) -> str:
    """Show references by name: a function id becomes its title."""
    if isinstance(value, str):
        for kind in ("funktioner", "organ", "aktorer", "dokument", "indikatorer"):
            if value in repo.ids(kind) and repo.name_of(kind, value) != value:
                return repo.name_of(kind, value)
    if isinstance(value, dict):  # nested mappings keep their braces, as written in YAML
        return ", ".join(
            f"{k}: {{{_display(repo, k, v)}}}"
            if isinstance(v, dict)
            else f"{k}: {_display(repo, k, v)}"
            for k, v in value.items()
        )
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


#: Swedish labels a board member reads, for the keys of the repository format (the
#: vocabulary of docs/vokabular.md); a key not listed is shown with spaces for "_".
LABELS = {
    "möten": "mötesfrekvens",
    "frekvens": "frekvens",
    "antal": "antal gånger per period",
    "per": "period",
    "oftare_vid_behov": "oftare vid behov",
    "när": "tidpunkt",
    "datum": "datum",
    "paragraf": "paragraf",
    "antagen_av": "antagen av",
    "gäller_från": "gäller från",
    "gäller_till": "gäller till",
    "revideras": "revidering",
    "intervall_år": "intervall i år",
    "typ": "typ",
    "titel": "titel",
    "namn": "namn",
    "status": "status",
    "ansvarig": "ansvarig funktion",
    "mandat": "mandat",
    "uppdrag": "uppdrag",
    "ordförande": "ordförande",
    "innehavare": "innehavare",
    "slut": "slutdatum",
    "start": "startdatum",
    "värden": "mätvärden",
    "mål": "mål",
    "inställt": "inställt",
    "plats": "plats",
    "tid": "tid",
    "vad": "vad",
    "vem": "ansvarig",
    "senast": "senast",
    "klar": "klar",
    "från": "från mötet",
    "beslut": "beslut",
    "ärenden": "ärenden",
    "åtgärdspunkter": "åtgärdspunkter",
}


def field_label(path: str) -> str:
    """'möten.antal' → 'mötesfrekvens, antal gånger per period'."""
    return ", ".join(LABELS.get(p, p.replace("_", " ")) for p in path.split("."))


def _item_name(item: dict[str, Any]) -> str:
    for key in ("vad", "rubrik", "text", "namn", "titel"):
        if isinstance(item.get(key), str):
            return str(item[key])
    return ", ".join(f"{k}: {_plain(v)}" for k, v in item.items())


def _identity(item: Any) -> Any:
    """What identifies an item of a list of mappings across versions (an action item
    carried from an earlier meeting keeps its 'från'; otherwise its text)."""
    if not isinstance(item, dict):
        return _plain(item)
    for key in ("från", "id", "vad", "rubrik", "år", "datum", "text"):
        if key in item:
            return (key, _plain(item[key]))
    return tuple(sorted((k, str(_plain(v))) for k, v in item.items()))


def _list_of_mappings(
    repo: Repo, name: str, a_list: list[Any], b_list: list[Any]
) -> list[tuple[str, str]]:
    label = field_label(name)
    before = {_identity(x): x for x in a_list}
    after = {_identity(x): x for x in b_list}
    out: list[tuple[str, str]] = []
    for ident, item in after.items():
        shown = _item_name(item) if isinstance(item, dict) else _display(repo, name, item)
        if ident not in before:
            out.append((name, f"{label}: ny post \u201d{shown}\u201d"))
        elif isinstance(item, dict) and isinstance(before[ident], dict):
            for key, text in _field_changes(repo, before[ident], item, ""):
                if key == "klar" and item.get("klar") is True:
                    text = "markerades som klar"
                elif key == "klar":
                    text = "markerades som inte klar"
                out.append((f"{name}.{key}", f"{label}: \u201d{shown}\u201d {text}"))
    for ident, item in before.items():
        if ident not in after:
            shown = _item_name(item) if isinstance(item, dict) else _display(repo, name, item)
            out.append((name, f"{label}: posten \u201d{shown}\u201d togs bort"))
    return out


def _field_changes(
    repo: Repo, old: dict[str, Any], new: dict[str, Any], path: str = ""
) -> list[tuple[str, str]]:
    """(key path, sentence) for every value that differs between two versions of a file."""
    out: list[tuple[str, str]] = []
    for key in sorted(set(old) | set(new), key=lambda k: (k not in new, str(k))):
        name = f"{path}{key}"
        label = field_label(name)
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
                        out.append((name, f"{_display(repo, name, item)} tillkom som {role}"))
                for item in a_list:
                    if item not in b_list:
                        out.append((name, f"{_display(repo, name, item)} är inte längre {role}"))
            else:
                out.extend(_list_of_mappings(repo, name, a_list, b_list))
        elif key not in old:
            out.append((name, f"{label} angavs till {_display(repo, name, b)}"))
        elif key not in new:
            out.append((name, f"{label} togs bort (var {_display(repo, name, a)})"))
        else:
            out.append(
                (
                    name,
                    f"{label} ändrades från {_display(repo, name, a)} till "
                    f"{_display(repo, name, b)}",
                )
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
                for key, s in _field_changes(new, before, data or {}):
                    changes.append(
                        Change(kind, eid, file, f"{_label(new, kind, eid)}: {s}", key=key)
                    )
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
        for key, s in _field_changes(new, old_data, data):
            changes.append(Change(kind, eid, file, f"{_label(new, kind, eid)}: {s}", key=key))
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
    # Metadata from GitPython's commit objects; file names from a NUL-separated log in
    # which every commit is its bare SHA. A record separator in an author or a message
    # cannot forge anything: commit text is never parsed out of git's output (#16).
    infos = {c.hexsha: _info(c) for c in git_repo.iter_commits(rev, paths=prefix or ".")}
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


def _unreadable(repo: Repo, revision: str) -> list[str]:
    """Files that could not be read (or did not fit the schema) at ``revision``."""
    return [
        f"{f.file}:{f.line}: {f.message} (vid {revision_name(revision)})"
        for f in repo.findings
        if f.severity is Severity.ERROR and f.rule.startswith(("YAML", "FIL", "SCHEMA"))
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
    if until_sha and since_sha != until_sha and git_repo.is_ancestor(until_sha, since_sha):
        raise HistoryError(
            f"--since ({since}) är en senare revision än --until ({until}).",
            hint=f"Byt plats på dem: bfa minutes --since {until} --until {since}.",
        )
    by_path = _commits_by_path(git_repo, since_sha, until_sha, prefix)
    dirty = set()
    if until is None:
        dirty = _dirty_paths(git_repo)
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
            commits.insert(0, CommitInfo("", "", "", "ej incheckat"))
        ch.commits = commits
    problems = _unreadable(old, since) + _unreadable(new, until or WORKTREE)
    return Minutes(since, until or WORKTREE, changes, problems)


class _Touched:
    """Which key paths of a file one commit changed (against its first parent), cached."""

    def __init__(self, git_repo: Any, repo: Repo) -> None:
        self.git = git_repo
        self.repo = repo
        self.cache: dict[tuple[str, str], set[str]] = {}

    def _read(self, commit: Any, path: str) -> tuple[bool, dict[str, Any] | None]:
        try:
            blob = commit.tree / path
        except KeyError:
            return False, None
        # bfa's own reader: the size, depth and alias limits hold for history too (#16)
        text, _problem = _yaml.decode(_blob_bytes(blob), path)
        data = _yaml.parse(text, path).data if text is not None else None
        return True, data if isinstance(data, dict) else None

    def is_merge(self, sha: str) -> bool:
        return len(self.git.commit(sha).parents) > 1

    def __call__(self, sha: str, path: str) -> set[str]:
        if (sha, path) not in self.cache:
            commit = self.git.commit(sha)
            exists, data = self._read(commit, path)
            if commit.parents:
                existed, before = self._read(commit.parents[0], path)
            else:
                existed, before = False, None
            keys: set[str] = set()
            if exists != existed or (data is None) != (before is None):
                keys.add("")
            if data is not None and before is not None:
                keys |= {k for k, _ in _field_changes(self.repo, before, data)}
            # a change to "möten.antal" also touches "möten"
            keys |= {k.rsplit(".", i)[0] for k in set(keys) for i in range(1, k.count(".") + 1)}
            self.cache[(sha, path)] = keys
        return self.cache[(sha, path)]


def revision_name(rev: str) -> str:
    """A revision as the reader knows it: a tag or branch in full, a commit id shortened."""
    import re

    return rev[:10] if re.fullmatch(r"[0-9a-f]{40}", rev) else rev


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
        f"Ändringar från {md(revision_name(m.since))} till {md(revision_name(m.until))}.",
        "",
    ]
    if not m.changes:
        lines += ["Inga ändringar.", ""]
    for heading, items in grouped(m.changes):
        lines += [f"## {heading}", ""]
        lines += [
            f"- {md(c.sentence)}  \n  *{md(attribution(c.commits))}*"
            if c.commits
            else f"- {md(c.sentence)}"
            for c in items
        ]
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
    if not git_repo.head.is_valid():
        raise HistoryError(
            "Git-förrådet har inga incheckningar ännu, så filen har ingen historik.",
            hint="Checka in filerna först: git add -A && git commit.",
        )
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
        out.append((_info(c), found))
    return out
