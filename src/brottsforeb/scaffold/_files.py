"""Writing what the scaffold made: all files or none, never over an existing one.

Each file is created exclusively (a hard link from a finished temporary file, which fails
when the name exists), so two ``bfa new`` at the same moment cannot both succeed with one
file left: the second is refused, and what it had created is removed again.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from .._escape import one_line
from .._ids import no_personnummer
from .._io import check_inside, os_reason, refuse_oversized
from .._pii import mask
from ..errors import UsageError, WriteRefusedError
from ._install import InstallSource


@dataclass(frozen=True)
class Created:
    """What a scaffold command wrote, relative to the repository root."""

    root: Path
    files: list[str]
    git_initialised: bool = False
    #: The enclosing git repository's top folder when ``root`` lies inside one.
    git_root: Path | None = None
    git_missing: bool = False
    install: InstallSource | None = None


def shown(text: str) -> str:
    """A user's text as bfa may echo it: control characters visible, personnummer masked."""
    return mask(one_line(text))


_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


def checked_name(name: str, what: str = "Namnet") -> str:
    """A name bfa writes into a file: one line, no control characters, no personnummer."""
    text = name.strip()
    if not text:
        raise UsageError(f"{what} är tomt.", hint="Skriv namnet inom citattecken.")
    if any(c in _BREAKS for c in text):
        raise UsageError(f"{what} får bara vara en rad.", hint="Ta bort radbrytningen.")
    if any(unicodedata.category(c) in ("Cc", "Cf") for c in text):
        raise UsageError(
            f"{what} innehåller styrtecken ({shown(text)}).",
            hint="Skriv namnet med vanliga tecken; inget har skrivits.",
        )
    no_personnummer(text, what)
    return text


def write_new(root: Path, files: dict[str, str | bytes | Path]) -> None:
    """Write ``files`` under ``root``; refuse, writing nothing, if any of them exists.

    A ``Path`` value is a file to copy (streamed, e.g. a wheel).
    """
    existing = [rel for rel in files if (root / rel).exists() or (root / rel).is_symlink()]
    if "bfa.yaml" in existing:
        raise WriteRefusedError(
            f"Det finns redan ett bfa-förråd i {shown(str(root))} (bfa.yaml); inget har ändrats.",
            hint="Välj en tom mapp, t.ex. bfa init ny-mapp --name 'Kommunens namn'.",
        )
    if existing:
        _refuse(existing)
    for rel, content in files.items():
        check_inside(root, root / rel)
        if isinstance(content, str):
            refuse_oversized(
                rel,
                content.encode("utf-8"),
                "En ny mötesfil tar med de öppna åtgärdspunkterna från förra mötet: markera "
                "de avklarade som klara (klar: ja) först."
                if rel.startswith("moten/")
                else "",
            )
    made: list[Path] = []
    try:
        for rel, content in files.items():
            path = root / rel
            try:
                _create(path, content)
            except FileExistsError:
                _refuse([rel])
            except OSError as exc:
                raise WriteRefusedError(
                    f"{shown(str(path))} kan inte skrivas ({os_reason(exc)}); inget har skrivits.",
                    hint="Kontrollera att mappen finns, är en mapp och är skrivbar.",
                ) from None
            made.append(path)
    except BaseException:
        for path in made:  # all or nothing: what this call created goes again
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _refuse(existing: list[str]) -> None:
    listed = ", ".join(existing[:5]) + (
        f" och {len(existing) - 5} till" if len(existing) > 5 else ""
    )
    raise WriteRefusedError(
        f"Finns redan och skrivs inte över: {shown(listed)}.",
        hint="Inget har ändrats. Välj en annan mapp eller ett annat namn.",
    )


def _create(path: Path, content: str | bytes | Path) -> None:
    """Create ``path`` complete or not at all; FileExistsError when the name is taken."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            if isinstance(content, Path):
                with content.open("rb") as src:
                    shutil.copyfileobj(src, fh, 1 << 20)
            else:
                fh.write(content.encode("utf-8") if isinstance(content, str) else content)
            fh.flush()
            os.fsync(fh.fileno())
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        try:
            os.link(tmp, path)  # fails if the name exists, unlike a rename
        except FileExistsError:
            raise
        except OSError:  # no hard links here (some network or FAT file systems)
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL
            with os.fdopen(os.open(path, flags, 0o666), "wb") as out, open(tmp, "rb") as again:
                shutil.copyfileobj(again, out, 1 << 20)
    finally:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
