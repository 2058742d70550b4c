"""Writing what the scaffold made: all files or none, never over an existing one."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .._io import check_inside, write_bytes_atomic, write_text_atomic
from ..errors import WriteRefusedError
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


def write_new(root: Path, files: dict[str, str | bytes]) -> None:
    """Write ``files`` under ``root``; refuse, writing nothing, if any of them exists."""
    existing = [rel for rel in files if (root / rel).exists() or (root / rel).is_symlink()]
    if "bfa.yaml" in existing:
        raise WriteRefusedError(
            f"Det finns redan ett bfa-förråd i {root} (bfa.yaml); inget har ändrats.",
            hint="Välj en tom mapp, t.ex. bfa init ny-mapp --name 'Kommunens namn'.",
        )
    if existing:
        shown = ", ".join(existing[:5]) + (
            f" och {len(existing) - 5} till" if len(existing) > 5 else ""
        )
        raise WriteRefusedError(
            f"Finns redan och skrivs inte över: {shown}.",
            hint="Inget har ändrats. Välj en annan mapp eller ett annat namn.",
        )
    for rel in files:
        check_inside(root, root / rel)
    for rel, text in files.items():
        if isinstance(text, bytes):
            write_bytes_atomic(root / rel, text)
        else:
            write_text_atomic(root / rel, text)
