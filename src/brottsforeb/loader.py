"""Reading a repository from disk (or any mapping of files) into a Repo."""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

from pydantic import ValidationError

from . import _yaml
from ._ids import WINDOWS_RESERVED
from ._messages import schema_findings, suggest
from ._pii import find_personnummer
from .errors import NotARepositoryError
from .findings import Finding, from_catalog
from .model import KINDS, Entity, Kommun, kind_by_name
from .repo import KOMMUN, Entry, Repo

__all__ = ["find_root", "load_files", "load_repo", "read_tree"]

ROOT_FILE = "bfa.yaml"
_SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
_YEAR = re.compile(r"^\d{4}$")
_MEETING = re.compile(r"^(\d{4}-\d{2}-\d{2})-([a-z0-9][a-z0-9-]*)$")
_SUFFIXES = (".yaml", ".yml")
#: Top-level folders that hold no entities and are not worth a warning.
_OTHER_DIRS = {"templates", "docs", "utdata", "renderingar", "scheman", "schema", "node_modules"}


def find_root(path: Path) -> Path:
    """The folder holding bfa.yaml: ``path`` itself or the nearest parent."""
    path = path.resolve()
    if path.is_file():
        path = path.parent
    for candidate in (path, *path.parents):
        if (candidate / ROOT_FILE).is_file():
            return candidate
    raise NotARepositoryError(path)


def _read(fh: BinaryIO) -> bytes:
    """At most the size limit + 1 bytes, asking for the file's own size first.

    ``read(limit + 1)`` would allocate (and the kernel map and unmap) a megabyte for every
    file, most of them a few hundred bytes: 15 % of reading a large corpus.
    """
    limit = _yaml.MAX_FILE_BYTES + 1
    want = min(os.fstat(fh.fileno()).st_size + 1, limit)
    data = fh.read(want)
    if len(data) == want < limit:  # grew since fstat, or a size the system does not report
        data += fh.read(limit - want)
    return data


def read_tree(root: Path) -> tuple[dict[str, bytes], list[Finding]]:
    """Every YAML file bfa reads under ``root``, as bytes keyed by POSIX path."""
    files: dict[str, bytes] = {}
    findings: list[Finding] = []
    root_real = root.resolve()

    def take(path: Path, rel: str) -> None:
        if path.is_symlink():
            target = path.resolve()
            if not target.is_relative_to(root_real):
                findings.append(from_catalog("FIL-LANK", rel))
                return
        try:
            with path.open("rb") as fh:  # never more than the limit + 1 into memory
                files[rel] = _read(fh)
        except OSError as exc:
            findings.append(from_catalog("FIL-LASFEL", rel, reason=exc.strerror))

    take(root / ROOT_FILE, ROOT_FILE)
    with os.scandir(root) as top:
        dirs = sorted(
            (e for e in top if e.is_dir() and not e.name.startswith(".")), key=lambda e: e.name
        )
    for d in dirs:
        kind = KINDS.get(d.name)
        if kind is None:
            if d.name in _OTHER_DIRS or d.name.startswith(("_", "examples")):
                continue
            has_yaml = any(n.endswith(_SUFFIXES) for n in os.listdir(d.path))
            if has_yaml:
                guess = suggest(d.name, list(KINDS)) or (
                    k.folder if (k := kind_by_name(d.name)) else None
                )
                findings.append(
                    from_catalog(
                        "FIL-MAPP",
                        d.name + "/",
                        variant="förslag" if guess else "",
                        folder=d.name,
                        guess=guess,
                        folders=", ".join(f"{k}/" for k in KINDS),
                    )
                )
            continue
        for sub in sorted(os.scandir(d.path), key=lambda e: e.name):
            rel = f"{d.name}/{sub.name}"
            if kind.by_year and sub.is_dir():
                for f in sorted(os.scandir(sub.path), key=lambda e: e.name):
                    if f.name.endswith(_SUFFIXES) and f.is_file():
                        take(Path(f.path), f"{rel}/{f.name}")
            elif sub.name.endswith(_SUFFIXES) and (sub.is_file() or sub.is_symlink()):
                take(Path(sub.path), rel)
    return files, findings


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
    if stem in WINDOWS_RESERVED:
        return from_catalog("FIL-ID", rel, variant="windows", name=parts[-1], stem=stem)
    return kind.folder, stem


def _entity(kind: str, eid: str, rel: str, raw: bytes) -> tuple[Entry, list[Finding]]:
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
        findings.extend(schema_findings(exc, cls, parsed, rel))
    return entry, findings


def load_files(
    files: dict[str, bytes], root: Path | None = None, extra: Iterable[Finding] = ()
) -> Repo:
    """Build a Repo from file contents keyed by POSIX path relative to the root."""
    repo = Repo(root=root, findings=list(extra))
    for rel in sorted(files):
        where = _classify(rel)
        if isinstance(where, Finding):
            repo.findings.append(where)
            continue
        kind, eid = where
        entry, found = _entity(kind, eid, rel, files[rel])
        repo.findings.extend(found)
        if kind == KOMMUN:
            repo.kommun_entry = entry
        else:
            repo.entries.setdefault(kind, {})[eid] = entry
    return repo


def load_repo(path: Path | str = ".") -> Repo:
    """Load the repository at ``path`` (or the nearest parent holding bfa.yaml)."""
    root = find_root(Path(path))
    files, found = read_tree(root)
    return load_files(files, root, found)
