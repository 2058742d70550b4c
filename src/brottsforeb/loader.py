"""Reading a repository from disk (or any mapping of files) into a Repo."""

from __future__ import annotations

import dataclasses
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from . import _startup, _yaml
from ._ids import ID_PATTERN, MEETING_ID
from ._io import os_reason, windows_reserved
from ._messages import Known, schema_findings
from ._pii import find_personnummer
from ._tree import ROOT_FILE, DiskSource, walk
from .errors import NotARepositoryError
from .findings import Finding, from_catalog
from .model import KINDS, Entity, Kommun
from .repo import KOMMUN, Entry, Repo

__all__ = ["ROOT_FILE", "find_root", "load_files", "load_repo", "read_tree"]

_SLUG = re.compile(ID_PATTERN)
_YEAR = re.compile(r"^\d{4}$")
_MEETING = re.compile(rf"^{MEETING_ID}$")


def find_root(path: Path) -> Path:
    """The folder holding bfa.yaml: ``path`` itself or the nearest parent."""
    given = path = path.resolve()
    if path.is_file():
        path = path.parent
    for candidate in (path, *path.parents):
        if (candidate / ROOT_FILE).is_file():
            return candidate
    raise NotARepositoryError(given)  # what the user named, a file too (README.md)


def read_tree(root: Path) -> tuple[dict[str, bytes], list[Finding]]:
    """Every YAML file bfa reads under ``root``, as bytes keyed by POSIX path.

    Everything in a data folder that is not a data file is a finding, never silence
    (``_tree.walk``, the same walk history uses for a revision), and so is a template
    in ``templates/`` that bfa would not use.
    """
    files, findings = walk(DiskSource(root))
    templates = root / "templates"
    if templates.is_dir():

        def err(rule: str, rel: str, variant: str = "", **args: Any) -> None:
            findings.append(from_catalog(rule, rel, variant=variant, **args))

        _check_templates(templates, root.resolve(), err)
    return files, findings


def _check_templates(folder: Path, root_real: Path, err: Any) -> None:
    """The repository's templates/: each file a regular template bfa uses, inside the
    repository and within the size limit, or a finding (a typo'd name is never silent)."""
    from ._templates import templates_dir

    try:
        known = {p.name for p in templates_dir().glob("*.md.j2")}
    except FileNotFoundError:
        known = set()
    if folder.is_symlink() and not folder.resolve().is_relative_to(root_real):
        err("FIL-LANK", "templates/", "mapp")
        return
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        err("FIL-LASFEL", "templates/", "mapp", reason=os_reason(exc))
        return
    for e in entries:
        rel = f"templates/{e.name}"
        if e.name.startswith("."):
            continue
        path = Path(e.path)
        try:
            real = path.resolve(strict=True)
            info = os.stat(path)
        except (OSError, RuntimeError):
            err("FIL-LANK", rel, "trasig", what="Filen")
            continue
        if not real.is_relative_to(root_real):
            err("FIL-LANK", rel)
        elif stat.S_ISDIR(info.st_mode):
            continue  # partials in a subfolder are for includes
        elif not stat.S_ISREG(info.st_mode):
            err("FIL-TYP", rel)
        elif info.st_size > _yaml.MAX_FILE_BYTES:
            err("FIL-STORLEK", rel, limit_kb=_yaml.MAX_FILE_BYTES // 1000)
        elif known and e.name not in known:
            err("FIL-OKAND", rel, "mall", name=e.name)


def _classify(rel: str) -> tuple[str, str] | Finding:
    """(kind, id) for a file path, or a finding saying why it is misplaced."""
    if rel == ROOT_FILE:
        return KOMMUN, "bfa"
    parts = rel.split("/")
    stem = parts[-1].rsplit(".", 1)[0]
    kind = KINDS[parts[0]]
    if kind.by_year:
        if len(parts) != 3 or not _YEAR.match(parts[1]):
            return from_catalog("MOTE-FILNAMN", rel, variant="mapp")
        m = _MEETING.match(stem)
        if not m or not m.group(1).startswith(parts[1]):
            return from_catalog("MOTE-FILNAMN", rel, name=parts[-1], year=parts[1])
        return kind.folder, stem
    if not _SLUG.match(stem):
        return from_catalog("FIL-ID", rel, name=parts[-1])
    if windows_reserved(stem):
        return from_catalog("FIL-ID", rel, variant="windows", name=parts[-1], stem=stem)
    return kind.folder, stem


def _pnr_in_name(rel: str) -> list[Finding]:
    return [
        from_catalog("PERSONNUMMER", rel, variant="filnamn", what=what, masked=masked)
        for _line, _col, what, masked in find_personnummer(rel)
    ]


def _entity(
    kind: str, eid: str, rel: str, raw: bytes, known: Known | None = None
) -> tuple[Entry, list[Finding]]:
    findings: list[Finding] = []
    text, problem = _yaml.decode(raw, rel)
    if problem is not None or text is None:
        return Entry(kind, eid, rel, _yaml.ParsedYaml()), [problem] if problem else []
    parsed = _yaml.parse(text, rel)
    entry = Entry(kind, eid, rel, parsed)
    findings.extend(parsed.findings)
    for line, col, what, masked in find_personnummer(text):
        findings.append(from_catalog("PERSONNUMMER", rel, line, col, what=what, masked=masked))
    if parsed.findings and parsed.data is None:
        return entry, findings
    data = parsed.data
    if data is None:
        findings.append(from_catalog("FIL-TOM", rel, 1, 1))
        return entry, findings
    if not isinstance(data, dict):
        case = "lista" if isinstance(data, list) else ""
        findings.append(from_catalog("FIL-TOPPNIVA", rel, 1, 1, case))
        return entry, findings
    cls: type[Entity] = Kommun if kind == KOMMUN else KINDS[kind].model
    try:
        entry.model = cls.model_validate(data)
    except ValidationError as exc:
        findings.extend(schema_findings(exc, cls, parsed, rel, text, known))
    return entry, findings


def with_file(repo: Repo, rel: str, raw: bytes | None) -> Repo:
    """``repo`` with the one file ``rel`` as ``raw`` (None: without it); the rest shared.
    For reading one entity's history without loading the whole tree per commit."""
    where = _classify(rel)
    if isinstance(where, Finding):
        return repo
    kind, eid = where
    entry = _entity(kind, eid, rel, raw)[0] if raw is not None else None
    if kind == KOMMUN:
        return dataclasses.replace(repo, kommun_entry=entry)
    by_id = {k: e for k, e in repo.entries.get(kind, {}).items() if k != eid}
    if entry is not None:
        by_id[eid] = entry
    return dataclasses.replace(repo, entries={**repo.entries, kind: by_id})


def load_files(
    files: dict[str, bytes], root: Path | None = None, extra: Iterable[Finding] = ()
) -> Repo:
    """Build a Repo from file contents keyed by POSIX path relative to the root."""
    repo = Repo(root=root, findings=list(extra))
    places = {rel: _classify(rel) for rel in sorted(files)}
    known: dict[str, set[str]] = {}
    for where in places.values():
        if not isinstance(where, Finding):
            known.setdefault(where[0], set()).add(where[1])
    for rel, where in places.items():
        repo.findings.extend(_pnr_in_name(rel))
        if isinstance(where, Finding):
            repo.findings.append(where)
            continue
        kind, eid = where
        entry, found = _entity(kind, eid, rel, files[rel], known)
        repo.findings.extend(found)
        if kind == KOMMUN:
            repo.kommun_entry = entry
        else:
            repo.entries.setdefault(kind, {})[eid] = entry
    _startup.release()  # the models and their validators are built now
    return repo


def load_repo(path: Path | str = ".") -> Repo:
    """Load the repository at ``path`` (or the nearest parent holding bfa.yaml)."""
    root = find_root(Path(path))
    files, found = read_tree(root)
    return load_files(files, root, found)
