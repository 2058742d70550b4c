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
from .loader import find_root, load_repo
from .repo import Repo
from .rules import check, validate

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
