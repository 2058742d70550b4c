"""Crash-safe writes: a temporary file beside the target, then an atomic rename."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from .errors import WriteRefusedError

__all__ = ["write_bytes_atomic", "write_output", "write_text_atomic"]


def write_bytes_atomic(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a reader sees the old file or the new, never half."""
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


def write_text_atomic(path: Path, text: str) -> None:
    write_bytes_atomic(path, text.encode("utf-8"))


def write_output(path: Path, data: bytes, *, marker: bytes, force: bool = False) -> None:
    """Write a bfa output file; refuse to replace a file bfa did not write, unless forced.

    ``marker`` is a byte string every file of this kind written by bfa contains (e.g. the
    PRODID of a calendar), so bfa's own earlier output is replaced freely.
    """
    if path.is_dir():
        raise WriteRefusedError(f"{path} är en mapp; ange ett filnamn.")
    if path.exists() and not force:
        with path.open("rb") as fh:
            head = fh.read(20_000_000)
        if marker not in head:
            raise WriteRefusedError(
                f"{path} finns redan och är inte skriven av bfa; den skrivs inte över.",
                hint="Välj ett annat filnamn, eller lägg till --force för att skriva över.",
            )
    write_bytes_atomic(path, data)
