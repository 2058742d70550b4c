"""Collaborations across municipalities: a member's references to a shared repository.

A collaboration (several municipalities and the police area sharing one agreement) keeps its
own repository, with ``slag: samverkan`` and its ``medlemmar`` in bfa.yaml. A member
municipality names it in its own bfa.yaml::

    ingår_i_samverkan:
      - id: sodra-lappland
        sökväg: ../sodra-lappland            # relative to the member's repository
        delar: [organ/samverkansgrupp, dokument/samverkansoverenskommelse]
      - id: sutohamu
        git: https://git.example.se/sutohamu.git
        revision: v2025.1                    # read from a local clone, never the network
        delar: [dokument/overenskommelse]

A git reference is read from ``klon:`` (a path) when given, else from the cache folder
``$BFA_CACHE/samverkan/<id>`` (default ``~/.cache/bfa/samverkan/<id>``), at ``revision``,
without checking anything out. Nothing is fetched: validate runs without network.
"""

from __future__ import annotations

import dataclasses
import os
from dataclasses import dataclass
from pathlib import Path
from shlex import quote

from .findings import Finding
from .model import Dokument
from .repo import Repo

__all__ = ["Link", "cache_dir", "links", "shared_documents", "shared_findings"]


@dataclass
class Link:
    """One collaboration a member takes part in, resolved (or why it could not be)."""

    index: int  # position in ingår_i_samverkan, for findings
    id: str
    label: str  # how the collaboration's files are named in the member's reports
    repo: Repo | None
    problem: str = ""
    hint: str = ""

    @property
    def name(self) -> str:
        k = self.repo.kommun if self.repo else None
        return k.name if k else self.id


def cache_dir() -> Path:
    base = os.environ.get("BFA_CACHE") or str(Path.home() / ".cache" / "bfa")
    return Path(base) / "samverkan"


def _resolve(repo: Repo, index: int) -> Link:
    from .errors import BfaError
    from .loader import ROOT_FILE, load_repo

    k = repo.kommun
    assert k is not None
    ref = k.collaborations[index]
    root = repo.root or Path()
    if ref.path is not None:
        folder = (root / ref.path).resolve()
        label = ref.path.rstrip("/")
        if not (folder / ROOT_FILE).is_file():
            return Link(
                index,
                ref.id,
                label,
                None,
                f"Samverkans förråd '{ref.path}' finns inte (sökt i {folder}).",
                "Ange sökvägen till mappen med samverkans bfa.yaml, relativt det här förrådet.",
            )
        try:
            return Link(index, ref.id, label, load_repo(folder))
        except BfaError as exc:
            return Link(index, ref.id, label, None, exc.message, exc.hint or "")
    clone = (root / ref.clone).resolve() if ref.clone else cache_dir() / ref.id
    label = f"{ref.id}@{ref.revision}"
    if not clone.exists():
        return Link(
            index,
            ref.id,
            label,
            None,
            f"Samverkans förråd {ref.git} finns inte lokalt (sökt i {clone}); bfa hämtar "
            "inget från nätet vid kontrollen.",
            f"Klona det en gång: git clone {quote(ref.git or '')} {quote(str(clone))} "
            "(och git fetch när det ändrats), "
            "eller ange klon: med en sökväg.",
        )
    return _at_revision(index, ref.id, label, clone, ref.revision or "HEAD")


def _at_revision(index: int, cid: str, label: str, clone: Path, revision: str) -> Link:
    from .errors import BfaError
    from .history import import_git, load_at, resolve
    from .loader import ROOT_FILE

    try:
        git = import_git()
    except BfaError as exc:  # no git program: the link cannot be read, the rest is checked
        return Link(index, cid, label, None, exc.message, exc.hint or "")

    try:
        g = git.Repo(clone)
        commit = resolve(g, revision)
        if ROOT_FILE not in {b.path for b in commit.tree.blobs}:
            raise BfaError(f"{clone} har ingen bfa.yaml vid {revision}.")
        return Link(index, cid, label, load_at(g, Path(g.working_tree_dir or clone), revision))
    except (git.InvalidGitRepositoryError, git.NoSuchPathError):
        return Link(index, cid, label, None, f"{clone} är inget git-förråd.", "")
    except BfaError as exc:
        return Link(index, cid, label, None, exc.message, exc.hint or "")


def links(repo: Repo) -> list[Link]:
    """Every collaboration the repository takes part in, resolved once per Repo."""
    if repo.shared is None:
        k = repo.kommun
        n = len(k.collaborations) if k else 0
        repo.shared = [_resolve(repo, i) for i in range(n)]
    shared: list[Link] = repo.shared
    return shared


def shared_documents(repo: Repo) -> list[Dokument]:
    """The documents this member shares from its collaborations (those that resolve)."""
    k = repo.kommun
    if k is None or not k.collaborations:
        return []
    out = []
    for link in links(repo):
        if link.repo is None:
            continue
        for ref in k.collaborations[link.index].shares:
            kind, _, eid = ref.partition("/")
            d = link.repo.dokument.get(eid) if kind == "dokument" else None
            if d is not None:
                out.append(d)
    return out


def shared_entity(repo: Repo, ref: str) -> tuple[Link, str, str] | None:
    """(collaboration, kind, id) a member's ``delar`` entry 'organ/x' names, if it resolves."""
    for link in links(repo):
        k = repo.kommun
        if k is None or link.repo is None:
            continue
        if ref in k.collaborations[link.index].shares:
            kind, _, eid = ref.partition("/")
            if eid in link.repo.ids(kind):
                return link, kind, eid
    return None


def shared_findings(repo: Repo, link: Link, findings: list[Finding]) -> list[Finding]:
    """The collaboration's ``findings`` about what this member shares, as the member sees
    them: file paths prefixed with the collaboration's label, its name before the message."""
    k = repo.kommun
    if k is None:
        return []
    files = {
        f"{kind}/{eid}.yaml"
        for kind, _, eid in (s.partition("/") for s in k.collaborations[link.index].shares)
    }
    return [
        dataclasses.replace(
            f, file=f"{link.label}/{f.file}", message=f"Delat från {link.name}: {f.message}"
        )
        for f in findings
        if f.file in files
    ]
