"""The one way a line from bfa reaches stderr: masked and with control characters visible.

Error messages quote what the user typed (an id, a revision, a path) and what a file
holds. Either may carry a personnummer or a terminal escape (ESC, OSC, BEL), so every
``bfa: fel:`` line goes through ``shown`` first, like findings do (issue #16).
"""

from __future__ import annotations

import sys
from typing import TextIO

__all__ = ["error", "note", "shown"]


def shown(text: object) -> str:
    """``text`` as a terminal may show it: personnummer masked, control characters as ``\\x1b``.

    A line break inside a message is kept but indented, so text from a file can never
    start a line of its own that looks like bfa's (``bfa: …`` or ``  • …``).
    """
    from .._escape import visible
    from .._pii import mask

    return mask(visible(text)).replace("\r", "\\r").replace("\n", "\n    ")


def error(message: object, hint: object | None = None, stream: TextIO | None = None) -> None:
    """Write ``bfa: fel: message`` (and ``  → hint``) to stderr."""
    out = stream if stream is not None else sys.stderr
    out.write(f"bfa: fel: {shown(message)}\n")
    if hint:
        out.write(f"  → {shown(hint)}\n")


def note(prefix: str, message: object, stream: TextIO | None = None) -> None:
    """Write ``bfa: <prefix>: message`` to stderr (``obs``, ``skrev`` …)."""
    out = stream if stream is not None else sys.stderr
    out.write(f"bfa: {prefix}: {shown(message)}\n")
