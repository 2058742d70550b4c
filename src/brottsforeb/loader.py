"""Reading a repository from disk (or any mapping of files) into a Repo."""

from __future__ import annotations

import errno
import os
import re
import stat
from collections.abc import Iterable
from pathlib import Path

from pydantic import ValidationError

from . import _yaml
from ._io import os_reason, windows_reserved
from ._messages import schema_findings, suggest
from ._pii import find_personnummer
from .errors import NotARepositoryError
from .findings import Finding, Severity
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


def _f(rule: str, sev: Severity, msg: str, file: str, hint: str = "") -> Finding:
    return Finding(rule, sev, msg, file, 0, 0, hint, "bfa")


def _open_regular(path: Path, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; OSError for anything else.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO,
    socket or device (or a link to one, or a file swapped for one) never blocks.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise _NotRegular
        chunks: list[bytes] = []
        size = 0
        while size < limit:
            chunk = os.read(fd, min(1 << 20, limit - size))
            if not chunk:
                break
            chunks.append(chunk)
            size += len(chunk)
        return b"".join(chunks)
    finally:
        os.close(fd)


class _NotRegular(OSError):
    pass


def read_tree(root: Path) -> tuple[dict[str, bytes], list[Finding]]:
    """Every YAML file bfa reads under ``root``, as bytes keyed by POSIX path.

    Everything in a data folder that is not a data file is a finding, never silence:
    sub-folders, other endings (x.YAML, x.txt), special files, links leaving the
    repository (file or folder), link loops and unreadable folders.
    """
    files: dict[str, bytes] = {}
    findings: list[Finding] = []
    root_real = root.resolve()

    def err(rule: str, msg: str, rel: str, hint: str = "", sev: Severity = Severity.ERROR) -> None:
        findings.append(_f(rule, sev, msg, rel, hint))

    def inside(path: Path, rel: str, what: str) -> bool:
        """Whether ``path`` (a link or under one) stays in the repository."""
        try:
            real = path.resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", 0) == errno.ELOOP
            err(
                "FIL-LANK",
                f"{what} är en länk i en slinga och läses inte."
                if loop
                else f"{what} är en länk som inte pekar på något och läses inte.",
                rel,
                "Ta bort länken eller låt den peka på en fil i förrådet.",
            )
            return False
        if not real.is_relative_to(root_real):
            err(
                "FIL-LANK",
                f"{what} är en länk som pekar utanför förrådet och läses inte.",
                rel,
                "Kopiera in innehållet i förrådet i stället för att länka till det.",
            )
            return False
        return True

    def take(path: Path, rel: str) -> None:
        if path.is_symlink() and not inside(path, rel, "Filen"):
            return
        try:
            files[rel] = _open_regular(path, _yaml.MAX_FILE_BYTES + 1)
        except _NotRegular:
            err(
                "FIL-TYP",
                "Det här är ingen vanlig fil (en mapp, en FIFO eller en enhet) och läses inte.",
                rel,
                "Ta bort den, eller ge den ett namn som inte slutar på .yaml.",
            )
        except OSError as exc:
            if exc.errno == errno.ELOOP:
                err("FIL-LANK", "Filen är en länk i en slinga och läses inte.", rel)
            else:
                err("FIL-LASFEL", f"Filen kan inte läsas ({os_reason(exc)}).", rel)

    def listing(path: Path, rel: str) -> list[os.DirEntry[str]]:
        try:
            with os.scandir(path) as it:
                return sorted(it, key=lambda e: e.name)
        except OSError as exc:
            err("FIL-LASFEL", f"Mappen kan inte läsas ({os_reason(exc)}).", rel + "/")
            return []

    def is_dir(e: os.DirEntry[str]) -> bool:
        try:
            return e.is_dir()
        except OSError:
            return False

    def stray(e: os.DirEntry[str], rel: str, expected: str) -> None:
        if e.name.startswith("."):
            return  # .gitkeep, editor swap files
        low = e.name.lower()
        if low.endswith(_SUFFIXES) and not e.name.endswith(_SUFFIXES):
            stem = e.name.rsplit(".", 1)[0]
            err(
                "FIL-ANDELSE",
                f"'{e.name}' slutar inte på .yaml med små bokstäver och läses inte.",
                rel,
                f"Byt namn till '{stem}.yaml'.",
            )
        elif is_dir(e):
            err(
                "FIL-PLATS",
                f"Mappen '{e.name}/' läses inte: {expected}",
                rel + "/",
                "Flytta filerna i den ett steg upp, eller ta bort mappen.",
            )
        else:
            err(
                "FIL-PLATS",
                f"'{e.name}' är ingen datafil (bara .yaml-filer läses här) och kontrolleras inte.",
                rel,
                "Flytta den ur mappen, t.ex. till docs/.",
                Severity.WARNING,
            )

    take(root / ROOT_FILE, ROOT_FILE)
    top = listing(root, ".")
    for e in top:
        if e.name.startswith(".") or is_dir(e) or e.name == ROOT_FILE:
            continue
        stem, _, ext = e.name.rpartition(".")
        if ext.lower() in ("yaml", "yml") and (stem in KINDS or kind_by_name(stem)):
            folder = stem if stem in KINDS else kind_by_name(stem).folder  # type: ignore[union-attr]
            err(
                "FIL-PLATS",
                f"'{e.name}' ligger i förrådets rot och läses inte; bfa läser bara bfa.yaml där.",
                e.name,
                f"Lägg varje sak i en egen fil i {folder}/, t.ex. {folder}/namn.yaml.",
            )
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
                    _f(
                        "FIL-MAPP",
                        Severity.WARNING,
                        f"Mappen '{d.name}/' är ingen mapp som bfa läser; "
                        "filerna i den kontrolleras inte.",
                        d.name + "/",
                        f"Menade du '{guess}/'?"
                        if guess
                        else "bfa läser mapparna " + ", ".join(f"{k}/" for k in KINDS) + ".",
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
                        take(Path(f.path), f"{rel}/{f.name}")
                    else:
                        stray(f, f"{rel}/{f.name}", "mötesfiler ligger direkt i årsmappen.")
            elif (
                sub.name.endswith(_SUFFIXES)
                and not sub.name.startswith(".")
                and not (kind.by_year and is_dir(sub))
            ):
                take(Path(sub.path), rel)
            else:
                stray(
                    sub,
                    rel,
                    "mötesfiler ligger i en mapp per år, moten/ÅÅÅÅ/."
                    if kind.by_year
                    else f"bfa läser bara filer direkt i {d.name}/.",
                )
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
            return _f(
                "MOTE-FILNAMN",
                Severity.ERROR,
                "Mötesfiler ska ligga i en mapp per år: moten/ÅÅÅÅ/ÅÅÅÅ-MM-DD-organ.yaml.",
                rel,
            )
        m = _MEETING.match(stem)
        if not m or not m.group(1).startswith(parts[1]):
            return _f(
                "MOTE-FILNAMN",
                Severity.ERROR,
                f"Filnamnet '{parts[-1]}' följer inte formen ÅÅÅÅ-MM-DD-organ.yaml "
                f"med året {parts[1]}.",
                rel,
                "Exempel: moten/2025/2025-03-12-styrgrupp.yaml",
            )
        return kind.folder, stem
    if not _SLUG.match(stem):
        return _f(
            "FIL-ID",
            Severity.ERROR,
            f"Filnamnet '{parts[-1]}' är inget giltigt id.",
            rel,
            "Använd små bokstäver a–z, siffror och bindestreck, utan å, ä, ö och "
            "mellanslag, t.ex. 'forebyggande-samordnare.yaml'.",
        )
    if windows_reserved(stem):
        return _f(
            "FIL-ID",
            Severity.ERROR,
            f"Filnamnet '{parts[-1]}' är reserverat i Windows ({stem}) "
            "och kan inte checkas ut där.",
            rel,
            "Välj ett annat id, t.ex. 'nul' → 'nul-grupp'; con, prn, aux, nul, com1–9 och "
            "lpt1–9 går inte att använda.",
        )
    return kind.folder, stem


def _pnr_in_name(rel: str) -> list[Finding]:
    return [
        _f(
            "PERSONNUMMER",
            Severity.ERROR,
            f"Filnamnet innehåller ett {what} ({masked}). Uppgifter om enskilda personer får "
            "inte finnas i förrådet.",
            rel,
            "Byt namn på filen, och ta bort numret ur git-historiken om det har checkats in.",
        )
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
        findings.append(
            Finding(
                "PERSONNUMMER",
                Severity.ERROR,
                f"Filen innehåller ett {what} ({masked}). Uppgifter om enskilda personer får "
                "inte finnas i förrådet.",
                rel,
                line,
                col,
                "Ta bort numret, även ur kommentarer, och ur git-historiken om det har checkats "
                "in (t.ex. med git filter-repo).",
                "bfa",
            )
        )
    if parsed.findings and parsed.data is None:
        return entry, findings
    data = parsed.data
    if data is None:
        findings.append(
            Finding(
                "FIL-TOM",
                Severity.ERROR,
                "Filen är tom.",
                rel,
                1,
                1,
                "Fyll i filen eller ta bort den (bfa new skapar en mall).",
                "YAML",
            )
        )
        return entry, findings
    if not isinstance(data, dict):
        what = "en lista" if isinstance(data, list) else "ett enkelt värde"
        findings.append(
            Finding(
                "FIL-TOPPNIVA",
                Severity.ERROR,
                f"Filen innehåller {what} på översta nivån; "
                "den ska vara en mappning (nyckel: värde).",
                rel,
                1,
                1,
                "Börja filen med nycklar, t.ex. 'namn: …', utan '- ' framför.",
                "YAML",
            )
        )
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
    return repo


def load_repo(path: Path | str = ".") -> Repo:
    """Load the repository at ``path`` (or the nearest parent holding bfa.yaml)."""
    root = find_root(Path(path))
    files, found = read_tree(root)
    return load_files(files, root, found)
