"""bfa – kommunens brottsförebyggande arbete som kod.

The public API: load a repository, validate it, and the types the results
come in. The CLI (``brottsforeb.cli``) is a thin layer over these.
"""

from __future__ import annotations

from .errors import (
    BfaError,
    HistoryError,
    NotARepositoryError,
    RenderError,
    UsageError,
    WriteRefusedError,
)
from .findings import Finding, Severity

TYPE_CHECKING = False
if TYPE_CHECKING:
    from .loader import find_root, load_repo
    from .repo import Repo
    from .rules import check, validate

#: Public names that import Pydantic and the models: loaded on first use, so that
#: `bfa --version` and `--help` start without them.
_LAZY = {
    "find_root": "loader",
    "load_repo": "loader",
    "Repo": "repo",
    "check": "rules",
    "validate": "rules",
}


def __getattr__(name: str) -> object:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(f".{_LAZY[name]}", __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__version__ = "0.1.0"

__all__ = [
    "BfaError",
    "Finding",
    "HistoryError",
    "NotARepositoryError",
    "RenderError",
    "Repo",
    "Severity",
    "UsageError",
    "WriteRefusedError",
    "__version__",
    "check",
    "find_root",
    "load_repo",
    "validate",
]
