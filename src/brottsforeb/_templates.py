"""Where bfa's own templates are: the project's top-level ``templates/`` folder.

A wheel carries that folder inside the package (``brottsforeb/templates``: setup.py's
build step copies it there); a source checkout and an editable install read it where it
is, beside ``src/``. The installed copy wins, so a wheel never reads a checkout's files.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def templates_dir() -> Path:
    """The folder of bfa's own templates (document templates at its top)."""
    installed = _PACKAGE / "templates"
    if installed.is_dir():
        return installed
    checkout = _PACKAGE.parent.parent / "templates"  # src/brottsforeb → the project
    if checkout.is_dir() and (checkout.parent / "pyproject.toml").is_file():
        return checkout
    raise FileNotFoundError(
        f"bfa:s mallar saknas (varken {installed} eller {checkout} finns); installera om bfa."
    )
