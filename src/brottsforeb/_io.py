"""Crash-safe writes: a temporary file beside the target, then an atomic rename."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from .errors import ConflictError, WriteRefusedError

__all__ = [
    "WINDOWS_RESERVED",
    "check_inside",
    "file_lock",
    "os_reason",
    "windows_reserved",
    "write_bytes_atomic",
    "write_output",
    "write_text_atomic",
]

#: Names Windows cannot have as a file (with any extension): a repository holding one
#: cannot be checked out where most coordinators work.
WINDOWS_RESERVED = frozenset(
    {"con", "prn", "aux", "nul", "conin$", "conout$"}
    | {f"com{i}" for i in (*range(10), "¹", "²", "³")}
    | {f"lpt{i}" for i in (*range(10), "¹", "²", "³")}
)


_REASONS = {
    errno.ENOENT: "finns inte",
    errno.EEXIST: "en fil står där en mapp behövs",
    errno.ENOTDIR: "en fil står där en mapp behövs",
    errno.EISDIR: "är en mapp",
    errno.EACCES: "behörighet saknas",
    errno.EPERM: "behörighet saknas",
    errno.EROFS: "filsystemet är skrivskyddat",
    errno.ENOSPC: "disken är full",
    errno.ELOOP: "länkar i en slinga",
    errno.ENAMETOOLONG: "namnet är för långt",
}


def os_reason(exc: OSError) -> str:
    """Why the file system refused, in Swedish (the OS's own words as a fallback)."""
    return _REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)


def windows_reserved(name: str) -> bool:
    """Whether ``name`` (a file name or an id) is reserved on Windows (con, nul, com1 …)."""
    return name.split(".", 1)[0].strip().lower() in WINDOWS_RESERVED


def check_inside(root: Path, path: Path) -> None:
    """Refuse a write to ``path`` that a link (file or folder) would carry out of ``root``."""
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        raise WriteRefusedError(
            f"{path} pekar (genom en länk) utanför förrådet, till {real}; inget har skrivits.",
            hint="Ta bort länken, eller skriv i en vanlig mapp i förrådet.",
        )


#: How long `bfa set` waits for another bfa holding the same file, and when a lock
#: left by a killed process counts as stale.
LOCK_WAIT_SECONDS = 10.0
LOCK_STALE_SECONDS = 120.0


@contextlib.contextmanager
def file_lock(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` while the block runs, on every platform.

    The lock is a file ``.NAME.bfa-lock.tmp`` beside ``path`` created with
    O_CREAT|O_EXCL, which is atomic on POSIX and Windows file systems alike (no fcntl,
    no msvcrt). A second bfa waits up to LOCK_WAIT_SECONDS, then gives up with a
    ConflictError; a lock older than LOCK_STALE_SECONDS (its holder was killed) is
    taken over. The name matches `.*.tmp`, which `bfa init` puts in .gitignore.
    """
    lock = path.with_name(f".{path.name}.bfa-lock.tmp")
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
        except FileExistsError:
            with contextlib.suppress(OSError):
                if time.time() - lock.stat().st_mtime > LOCK_STALE_SECONDS:
                    lock.unlink()
                    continue
            if time.monotonic() > deadline:
                raise ConflictError(
                    f"{path.name} ändras just nu av ett annat bfa-kommando; inget har skrivits.",
                    hint=f"Försök igen om en stund. Finns ingen annan körning, ta bort {lock}.",
                ) from None
            time.sleep(0.02)
            continue
        except OSError as exc:
            raise WriteRefusedError(
                f"{path.parent} är inte skrivbar ({exc.strerror}); inget har skrivits."
            ) from None
        break
    try:
        os.write(fd, str(os.getpid()).encode())
        os.close(fd)
        yield
    finally:
        with contextlib.suppress(OSError):
            lock.unlink()


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new, never half.

    A file system that refuses (no such folder, read-only, a file where a folder should
    be, full disk) is a WriteRefusedError naming the path, never a half-written file.
    """
    try:
        _write_atomic(path, data)
    except OSError as exc:
        raise WriteRefusedError(
            f"{path} kan inte skrivas ({os_reason(exc)}); inget har skrivits.",
            hint="Kontrollera att mappen finns, är en mapp och är skrivbar.",
        ) from None


def _write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(tmp, path.stat().st_mode & 0o777)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        try:
            os.replace(tmp, path)
        except PermissionError:
            # Windows: the target is open in another program (a PDF reader, Excel)
            raise WriteRefusedError(
                f"{path} kunde inte ersättas; filen är öppen i ett annat program eller "
                "skrivskyddad. Inget har ändrats.",
                hint="Stäng filen (t.ex. PDF-läsaren) och försök igen.",
            ) from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def refuse_oversized(rel: str, data: bytes, why: str = "") -> None:
    """Refuse to write a data file bfa would then refuse to read (FIL-STORLEK): ``bfa new
    mote`` copied 17,500 open action items into a 1.9 MB file that validate rejected."""
    from ._yaml import MAX_FILE_BYTES

    if len(data) > MAX_FILE_BYTES and rel.endswith((".yaml", ".yml")):
        raise WriteRefusedError(
            f"{rel} skulle bli {len(data) // 1000} kB, mer än de {MAX_FILE_BYTES // 1000} kB "
            "som bfa läser i en fil; inget har skrivits.",
            hint=why or "Dela upp innehållet på flera filer eller korta det.",
        )


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


#: Paths that name a stream of this process rather than a file: written where they
#: point, never replaced (``-o /dev/stdout > fil.txt`` in a script or CI job).
_STREAMS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/", "/dev/tty")


def write_output(path: Path, data: bytes, *, marker: bytes, force: bool = False) -> None:
    """Write a bfa output file; refuse to replace a file bfa did not write, unless forced.

    ``marker`` is a byte string every file of this kind written by bfa contains (e.g. the
    PRODID of a calendar), so bfa's own earlier output is replaced freely.

    A target that is not a regular file is never replaced and never read: a pipe, a FIFO,
    a terminal, /dev/null and ``/dev/stdout`` are written where they point (a FIFO nobody
    reads is refused instead of waited for); a block device, a socket or any other device
    is refused. A link to a regular file writes its target and keeps the link.
    """
    try:
        info = os.stat(path)  # through links
    except FileNotFoundError:
        if os.path.lexists(path):
            raise WriteRefusedError(
                f"{path} är en länk till något som inte finns; inget har skrivits.",
                hint="Ta bort länken eller välj ett annat filnamn.",
            ) from None
        info = None
    except OSError as exc:
        raise WriteRefusedError(f"{path} kan inte användas ({os_reason(exc)}).") from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise WriteRefusedError(f"{path} är en mapp; ange ett filnamn.")
    if (info is not None and not stat.S_ISREG(info.st_mode)) or _names_a_stream(path):
        _write_stream(path, data)
        return
    if path.is_symlink():
        path = path.resolve()  # the file the link names is what the user means
    if info is not None and not force and marker not in _head(path):
        raise WriteRefusedError(
            f"{path} finns redan och är inte skriven av bfa; den skrivs inte över.",
            hint="Välj ett annat filnamn, eller lägg till --force för att skriva över.",
        )
    write_bytes_atomic(path, data)


def foreign_file(path: Path, marker: bytes) -> bool:
    """Whether ``path`` is a regular file bfa did not write (``write_output`` refuses it
    without ``force``): for checking every target before the first write."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and marker not in _head(path)


def _names_a_stream(path: Path) -> bool:
    """Whether ``path``, or a link on the way to its file, is /dev/stdout, /dev/fd/N …"""
    current = str(path)
    for _ in range(40):  # the kernel's own limit on links in a row
        if current.startswith(_STREAMS):
            return True
        try:
            target = os.readlink(current)
        except OSError:
            return False
        current = os.path.join(os.path.dirname(current), target)
    return False


def _own_stream(mode: int, fd: int) -> int:
    """Our own stdout or stderr when ``fd`` is the same file (``-o /dev/stdout > fil``):
    written through it, so its offset moves and later output does not overwrite ours."""
    import sys

    if not stat.S_ISREG(mode):
        return fd
    info = os.fstat(fd)
    for stream in (sys.stdout, sys.stderr):
        try:
            own = stream.fileno()
            same = os.path.samestat(os.fstat(own), info)
        except (OSError, ValueError, AttributeError):
            continue
        if same:
            stream.flush()
            return own
    return fd


def _head(path: Path, limit: int = 20_000_000) -> bytes:
    """The start of a regular file, opened without blocking (it may have been swapped)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return b""
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return b""
        return os.read(fd, limit)
    finally:
        os.close(fd)


def _write_stream(path: Path, data: bytes) -> None:
    """Write into a pipe, FIFO, terminal or /dev/null where it stands (no temp, no rename)."""
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise WriteRefusedError(
                f"{path} är en namngiven rörledning (FIFO) som ingen läser från; inget har "
                "skrivits.",
                hint="Starta först programmet som läser, eller skriv till en vanlig fil.",
            ) from None
        raise WriteRefusedError(
            f"{path} kan inte skrivas ({os_reason(exc)}); inget har skrivits."
        ) from None
    try:
        mode = os.fstat(fd).st_mode
        is_null = stat.S_ISCHR(mode) and os.path.realpath(path) == os.devnull
        if not (stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or is_null or os.isatty(fd)):
            raise WriteRefusedError(
                f"{path} är en enhet eller en socket, ingen fil; bfa skriver inte dit.",
                hint="Ange ett vanligt filnamn, eller /dev/stdout för att skriva ut resultatet.",
            )
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        out = _own_stream(mode, fd)
        view = memoryview(data)
        while view:
            view = view[os.write(out, view) :]
    except OSError as exc:
        raise WriteRefusedError(f"{path} kunde inte skrivas ({os_reason(exc)}).") from None
    finally:
        os.close(fd)
