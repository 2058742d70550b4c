"""Reading a repository from disk (or any mapping of files) into a Repo."""

from __future__ import annotations

import dataclasses
import errno
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
from ._messages import schema_findings, suggest
from ._pii import find_personnummer
from .errors import NotARepositoryError
from .findings import Finding, from_catalog
from .model import KINDS, Entity, Kommun, kind_by_name
from .repo import KOMMUN, Entry, Repo

__all__ = ["find_root", "load_files", "load_repo", "read_tree"]

ROOT_FILE = "bfa.yaml"
_SLUG = re.compile(ID_PATTERN)
_YEAR = re.compile(r"^\d{4}$")
_MEETING = re.compile(rf"^{MEETING_ID}$")
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


def _open_regular(path: Path | str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; OSError for anything else.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO,
    socket or device (or a link to one, or a file swapped for one) never blocks.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise _NotRegular
        chunks: list[bytes] = []
        size = 0
        # ask for the file's own size (+1 to see the end) first: reading the limit at once
        # would allocate, and the kernel map and unmap, a megabyte for every small file
        want = info.st_size + 1
        while size < limit:
            chunk = os.read(fd, min(want, 1 << 20, limit - size))
            want = 1 << 20
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class _NotRegular(OSError):
    pass


def _special(path: Path) -> bool:
    """Whether ``path`` exists and is not a regular file (a socket, device or FIFO)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_tree(root: Path) -> tuple[dict[str, bytes], list[Finding]]:
    """Every YAML file bfa reads under ``root``, as bytes keyed by POSIX path.

    Everything in a data folder that is not a data file is a finding, never silence:
    sub-folders, other endings (x.YAML, x.txt), special files, links leaving the
    repository (file or folder), link loops and unreadable folders.
    """
    files: dict[str, bytes] = {}
    findings: list[Finding] = []
    root_real = root.resolve()

    def err(rule: str, rel: str, variant: str = "", **args: Any) -> None:
        findings.append(from_catalog(rule, rel, variant=variant, **args))

    def inside(path: Path, rel: str, what: str) -> bool:
        """Whether ``path`` (a link or under one) stays in the repository."""
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", 0) == errno.ELOOP
            err("FIL-LANK", rel, "slinga" if loop else "trasig", what=what)
            return False
        if not real.is_relative_to(root_real):
            err("FIL-LANK", rel, "mapp" if what == "Mappen" else "")
            return False
        return True

    def take(path: Path | str, rel: str, link: bool | None = None) -> None:
        # ``link`` from the folder listing (no system call); a str path, no Path object:
        # both are per file, and a county has a hundred thousand files
        if link is None:
            link = os.path.islink(path)
        if link and not inside(Path(path), rel, "Filen"):
            return
        try:
            files[rel] = _open_regular(path, _yaml.MAX_FILE_BYTES + 1)
        except _NotRegular:
            err("FIL-TYP", rel)
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                err("FIL-LANK", rel, "slinga", what="Filen")
            elif _special(Path(path)):
                err("FIL-TYP", rel)  # a socket cannot even be opened (ENXIO)
            else:
                err("FIL-LASFEL", rel, reason=os_reason(exc))

    def listing(path: Path, rel: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(path) as it:
                return sorted(it, key=lambda e: e.name)
        except OSError as exc:
            err("FIL-LASFEL", rel + "/", "mapp", reason=os_reason(exc))
            return []

    def is_dir(e: os.DirEntry[str]) -> bool:
        try:
            return e.is_dir()
        except OSError:
            return False

    def stray(e: os.DirEntry[str], rel: str, expected: str) -> None:
        low = e.name.lower()
        if e.name.startswith("."):
            if low.endswith(_SUFFIXES) and not low.endswith(".tmp"):
                err("FIL-OKAND", rel, "dold", name=e.name)  # hidden by a copy or an editor
            return  # .gitkeep, editor swap files
        if low.endswith(_SUFFIXES) and not e.name.endswith(_SUFFIXES):
            err("FIL-ANDELSE", rel, name=e.name, stem=e.name.rsplit(".", 1)[0])
        elif is_dir(e):
            err("FIL-PLATS", rel + "/", name=e.name, expected=expected)
        else:
            err("FIL-OKAND", rel, name=e.name)

    take(root / ROOT_FILE, ROOT_FILE)
    top = listing(root, ".")
    for e in top:
        if e.name.startswith(".") or e.name == ROOT_FILE:
            continue
        if e.name in KINDS and not is_dir(e):
            err("FIL-TYP", e.name, "mapp", name=e.name)  # a data folder that is a file
            continue
        if is_dir(e):
            continue
        stem, _, ext = e.name.rpartition(".")
        if ext.lower() not in ("yaml", "yml"):
            continue
        if stem.lower() == "bfa":  # bfa.yml, Bfa.yaml, BFA.YAML: never read
            err("FIL-ANDELSE", e.name, name=e.name, stem="bfa")
        elif stem in KINDS or kind_by_name(stem):
            folder = stem if stem in KINDS else kind_by_name(stem).folder  # type: ignore[union-attr]
            err("FIL-PLATS", e.name, "rot", name=e.name, folder=folder)
        else:
            err("FIL-OKAND", e.name, "rot", name=e.name)
    templates = next((e for e in top if e.name == "templates" and is_dir(e)), None)
    if templates is not None:
        _check_templates(Path(templates.path), root_real, err)
    dirs = [e for e in top if not e.name.startswith(".") and is_dir(e)]
    for d in dirs:
        kind = KINDS.get(d.name)
        if kind is None:
            if d.name in _OTHER_DIRS or d.name.startswith(("_", "examples")):
                continue
            try:
                has_yaml = any(n.lower().endswith(_SUFFIXES) for n in os.listdir(d.path))
            except OSError:
                has_yaml = False
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
        if d.is_symlink() and not inside(Path(d.path), d.name + "/", "Mappen"):
            continue
        for sub in listing(Path(d.path), d.name):
            rel = f"{d.name}/{sub.name}"
            if kind.by_year and is_dir(sub) and _YEAR.match(sub.name):
                if sub.is_symlink() and not inside(Path(sub.path), rel + "/", "Mappen"):
                    continue
                for f in listing(Path(sub.path), rel):
                    if f.name.endswith(_SUFFIXES) and not f.name.startswith("."):
                        take(f.path, f"{rel}/{f.name}", _is_link(f))
                    else:
                        stray(f, f"{rel}/{f.name}", "mötesfiler ligger direkt i årsmappen.")
            elif (
                sub.name.endswith(_SUFFIXES)
                and not sub.name.startswith(".")
                and not (kind.by_year and is_dir(sub))
            ):
                take(sub.path, rel, _is_link(sub))
            else:
                stray(
                    sub,
                    rel,
                    "mötesfiler ligger i en mapp per år, moten/ÅÅÅÅ/."
                    if kind.by_year
                    else f"bfa läser bara filer direkt i {d.name}/.",
                )
    _same_ids(files, findings)
    return files, findings


def _same_ids(files: dict[str, bytes], findings: list[Finding]) -> None:
    """``organ/x.yml`` beside ``organ/x.yaml`` (or ``X.yaml`` on a disk that ignores case):
    one id, two files. The first in sorted order is read; each other is a finding."""
    seen: dict[str, str] = {}
    for rel in sorted(files):
        folder, _, name = rel.rpartition("/")
        key = f"{folder}/{name.rsplit('.', 1)[0]}".lower()
        if key in seen:
            del files[rel]
            findings.append(from_catalog("FIL-DUBBLETT", rel, name=rel, other=seen[key]))
        else:
            seen[key] = rel


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


def _is_link(e: os.DirEntry[str]) -> bool | None:
    """Whether a listed entry is a symbolic link; None if the listing cannot say."""
    try:
        return e.is_symlink()
    except OSError:
        return None


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
        findings.extend(schema_findings(exc, cls, parsed, rel, text))
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
    for rel in sorted(files):
        repo.findings.extend(_pnr_in_name(rel))
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
    _startup.release()  # the models and their validators are built now
    return repo


def load_repo(path: Path | str = ".") -> Repo:
    """Load the repository at ``path`` (or the nearest parent holding bfa.yaml)."""
    root = find_root(Path(path))
    files, found = read_tree(root)
    return load_files(files, root, found)
