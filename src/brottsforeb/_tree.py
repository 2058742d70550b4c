"""Which files of a repository bfa reads, and a finding for everything else.

One walk decides it for the working tree and for any revision in git history, so a
file that the working tree reports (``organ/x.YAML``, ``organ/sub/x.yaml``, a link, a
FIFO, a submodule) is reported in the same words at a revision, never skipped in
silence. A ``Source`` lists folders and reads files; the walk is the same for both.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from . import _yaml
from ._io import os_reason
from ._messages import suggest
from .findings import Finding, from_catalog
from .model import KINDS, kind_by_name

ROOT_FILE = "bfa.yaml"
_YEAR = re.compile(r"^\d{4}$")
SUFFIXES = (".yaml", ".yml")
#: Top-level folders that hold no entities and are not worth a warning.
_OTHER_DIRS = {"templates", "docs", "utdata", "renderingar", "scheman", "schema", "node_modules"}


@dataclass(slots=True)
class Item:
    """One entry of a folder listing: its name and the source's own handle for it."""

    name: str
    handle: Any
    #: a symbolic link; None if the listing cannot say (the source then finds out)
    link: bool | None


class NotRegular(OSError):
    """Not a regular file: a folder, FIFO, socket, device or submodule."""


class LinkError(Exception):
    """A link that is not read: ``variant`` "" (leaves the repository), "trasig", "slinga"."""

    def __init__(self, variant: str) -> None:
        super().__init__(variant)
        self.variant = variant


class Source(Protocol):
    """A repository's files: the working tree, or one revision of its git history."""

    def listing(self, item: Item | None) -> list[Item]:
        """The entries of a folder (None: the repository's root), sorted by name; OSError."""

    def is_dir(self, item: Item) -> bool:
        """Whether an entry is a folder (a link to a folder counts)."""

    def read(self, item: Item, limit: int) -> bytes:
        """At most ``limit`` bytes of a file; NotRegular, LinkError or OSError."""

    def check_link(self, item: Item) -> None:
        """Raise LinkError if ``item`` is a link (or under one) that leaves the repository."""

    def target(self, item: Item) -> str:
        """Where the link ``item`` leads, as a POSIX path from the repository's root."""


def walk(src: Source) -> tuple[dict[str, bytes], list[Finding]]:
    """Every YAML file bfa reads from ``src``, as bytes keyed by POSIX path, and a finding
    for everything in a data folder that is not a data file: sub-folders, other endings
    (x.YAML, x.txt), special files, links leaving the repository (file or folder), link
    loops and unreadable folders."""
    files: dict[str, bytes] = {}
    findings: list[Finding] = []
    links: dict[str, str] = {}  # a data file that is a link -> where it leads

    def err(rule: str, rel: str, variant: str = "", **args: Any) -> None:
        findings.append(from_catalog(rule, rel, variant=variant, **args))

    def link_ok(item: Item, rel: str, what: str) -> bool:
        try:
            src.check_link(item)
        except LinkError as exc:
            variant = exc.variant or ("mapp" if what == "Mappen" else "")
            err("FIL-LANK", rel, variant, what=what)
            return False
        return True

    def take(item: Item, rel: str) -> None:
        try:
            files[rel] = src.read(item, _yaml.MAX_FILE_BYTES + 1)
            if item.link is not False and (to := _link_target(src, item)) not in (None, rel):
                links[rel] = to
        except LinkError as exc:
            err("FIL-LANK", rel, exc.variant, what="Filen")
        except NotRegular:
            err("FIL-TYP", rel)
        except OSError as exc:
            err("FIL-LASFEL", rel, reason=os_reason(exc))

    def listing(item: Item | None, rel: str) -> list[Item]:
        try:
            return src.listing(item)
        except OSError as exc:
            err("FIL-LASFEL", rel + "/", "mapp", reason=os_reason(exc))
            return []

    def stray(e: Item, rel: str, expected: str) -> None:
        if e.link is not False and not e.name.lower().endswith(SUFFIXES):
            try:  # a link out of the repository is that, in the working tree and in git
                src.check_link(e)
            except LinkError as exc:
                err("FIL-LANK", rel, exc.variant or "länk", what="Länken", name=e.name)
                return
        low = e.name.lower()
        if e.name.startswith("."):
            if low.endswith(SUFFIXES) and not low.endswith(".tmp"):
                err("FIL-OKAND", rel, "dold", name=e.name)  # hidden by a copy or an editor
            return  # .gitkeep, editor swap files
        if low.endswith(SUFFIXES) and not e.name.endswith(SUFFIXES):
            err("FIL-ANDELSE", rel, name=e.name, stem=e.name.rsplit(".", 1)[0])
        elif src.is_dir(e):
            err("FIL-PLATS", rel + "/", name=e.name, expected=expected)
        else:
            err("FIL-OKAND", rel, name=e.name)

    top = listing(None, ".")
    for e in top:
        if e.name == ROOT_FILE:
            take(e, ROOT_FILE)
    away: set[str] = set()  # top-level links that lead nowhere bfa may read
    for e in top:
        if e.name.startswith(".") or e.name == ROOT_FILE:
            continue
        if (
            e.link is not False
            and e.name not in KINDS
            and not e.name.lower().endswith(SUFFIXES)
            and _leaves(src, e, findings)
        ):
            away.add(e.name)
            continue
        if e.name in KINDS and not src.is_dir(e):
            if e.link is not False and not link_ok(e, e.name + "/", "Mappen"):
                continue
            err("FIL-TYP", e.name, "mapp", name=e.name)  # a data folder that is a file
            continue
        if src.is_dir(e):
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
    for d in (
        e for e in top if e.name not in away and not e.name.startswith(".") and src.is_dir(e)
    ):
        kind = KINDS.get(d.name)
        if kind is None:
            if d.name not in _OTHER_DIRS and not d.name.startswith(("_", "examples")):
                _unknown_folder(src, d, findings)
            continue
        if d.link is not False and not link_ok(d, d.name + "/", "Mappen"):
            continue
        for sub in listing(d, d.name):
            rel = f"{d.name}/{sub.name}"
            if kind.by_year and src.is_dir(sub) and _YEAR.match(sub.name):
                if sub.link is not False and not link_ok(sub, rel + "/", "Mappen"):
                    continue
                for f in listing(sub, rel):
                    if f.name.endswith(SUFFIXES) and not f.name.startswith("."):
                        take(f, f"{rel}/{f.name}")
                    else:
                        stray(f, f"{rel}/{f.name}", "mötesfiler ligger direkt i årsmappen.")
            elif (
                sub.name.endswith(SUFFIXES)
                and not sub.name.startswith(".")
                and not (kind.by_year and src.is_dir(sub))
            ):
                take(sub, rel)
            else:
                stray(
                    sub,
                    rel,
                    "mötesfiler ligger i en mapp per år, moten/ÅÅÅÅ/."
                    if kind.by_year
                    else f"bfa läser bara filer direkt i {d.name}/.",
                )
    _same_ids(files, findings)
    _linked_twice(files, links, findings)
    return files, findings


def _link_target(src: Source, item: Item) -> str | None:
    try:
        return src.target(item)
    except (LinkError, OSError, ValueError):
        return None


def _linked_twice(files: dict[str, bytes], links: dict[str, str], findings: list[Finding]) -> None:
    """A link to a data file that is read anyway (``organ/f.yaml -> sspf.yaml``), or a
    second link to one file: the same entity would be read twice, under two ids (E10)."""
    seen: dict[str, str] = {}
    for rel in sorted(files, key=lambda r: (r in links, r)):  # the file itself first
        to = links.get(rel, rel)
        if to in seen:
            del files[rel]
            findings.append(
                from_catalog("FIL-DUBBLETT", rel, variant="länk", name=rel, other=seen[to])
            )
        else:
            seen[to] = rel


def _leaves(src: Source, e: Item, findings: list[Finding]) -> bool:
    """Whether the top-level link ``e`` leaves the repository (or is broken or loops); if
    its name is a misspelt data folder's (``atgarder2``), that is a finding, the same in
    the working tree and in git, where what lies outside is unknown (E10)."""
    try:
        src.check_link(e)
    except LinkError as exc:
        if _guess(e.name):
            findings.append(
                from_catalog("FIL-LANK", e.name + "/", variant=exc.variant or "mapp", what="Mappen")
            )
        return True
    return False


def _guess(name: str) -> str | None:
    """The data folder a misspelt folder name means, if any."""
    return suggest(name, list(KINDS)) or (k.folder if (k := kind_by_name(name)) else None)


def _unknown_folder(src: Source, d: Item, findings: list[Finding]) -> None:
    """A top-level folder bfa does not know that holds YAML files: a misspelt data folder."""
    try:
        has_yaml = any(e.name.lower().endswith(SUFFIXES) for e in src.listing(d))
    except OSError:
        has_yaml = False
    if not has_yaml:
        return
    guess = _guess(d.name)
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


# -- the working tree ---------------------------------------------------------------------


class DiskSource:
    """The working tree under ``root``: links may point anywhere inside it, never out."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self.root_real = root.resolve()

    def listing(self, item: Item | None) -> list[Item]:
        path = self.root if item is None else item.handle.path
        with os.scandir(path) as it:
            return [Item(e.name, e, _is_link(e)) for e in sorted(it, key=lambda e: e.name)]

    def is_dir(self, item: Item) -> bool:
        try:
            return bool(item.handle.is_dir())
        except OSError:
            return False

    def check_link(self, item: Item) -> None:
        try:
            real = Path(item.handle.path).resolve(strict=True)
        except (OSError, RuntimeError) as exc:
            loop = isinstance(exc, RuntimeError) or getattr(exc, "errno", 0) == errno.ELOOP
            if not loop and not _inside(Path(item.handle.path), self.root_real):
                raise LinkError("") from None  # to nothing, and outside: outside, as in git
            raise LinkError("slinga" if loop else "trasig") from None
        if not real.is_relative_to(self.root_real):
            raise LinkError("")

    def target(self, item: Item) -> str:
        return Path(item.handle.path).resolve().relative_to(self.root_real).as_posix()

    def read(self, item: Item, limit: int) -> bytes:
        # a str path, no Path object: this runs per file, and a county has 100 000 files
        path = item.handle.path
        link = item.link if item.link is not None else os.path.islink(path)
        if link:
            self.check_link(item)
        try:
            return open_regular(path, limit)
        except OSError as exc:
            if isinstance(exc, NotRegular):
                raise
            if exc.errno == errno.ELOOP:
                raise LinkError("slinga") from None
            if _special(path):
                raise NotRegular from None  # a socket cannot even be opened (ENXIO)
            raise


def _inside(path: Path, root: Path) -> bool:
    """Whether ``path`` leads into ``root`` as far as it leads at all."""
    try:
        return path.resolve(strict=False).is_relative_to(root)
    except (OSError, RuntimeError):
        return True


def _is_link(e: os.DirEntry[str]) -> bool | None:
    """Whether a listed entry is a symbolic link; None if the listing cannot say."""
    try:
        return e.is_symlink()
    except OSError:
        return None


def open_regular(path: Path | str, limit: int) -> bytes:
    """At most ``limit`` bytes of a regular file; OSError for anything else.

    Opened non-blocking and checked with fstat on the open descriptor, so a FIFO,
    socket or device (or a link to one, or a file swapped for one) never blocks.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise NotRegular
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


def _special(path: Path | str) -> bool:
    """Whether ``path`` exists and is not a regular file (a socket, device or FIFO)."""
    try:
        return not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False
