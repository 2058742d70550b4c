"""The one error hierarchy of bfa.

Library code raises these; only the CLI turns them into messages and exit
codes. Every message is Swedish because it reaches the user as it is.

    BfaError                      base: anything bfa refuses to do (exit 2)
    ├── NotARepositoryError       no bfa.yaml at or above the given path
    ├── UsageError                arguments that cannot be used
    │   └── InvalidEditError      `bfa set` would make the repository invalid (exit 1)
    ├── RenderError               a document cannot be rendered
    ├── WriteRefusedError         a write would overwrite or escape unasked
    ├── HistoryError              git history cannot be read
    └── ConflictError             a file changed under bfa's feet (exit 1)

Findings (problems *in* the repository's files) are not exceptions: they
are data, see ``brottsforeb.findings``.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .findings import Finding

__all__ = [
    "BfaError",
    "ConflictError",
    "HistoryError",
    "InvalidEditError",
    "NotARepositoryError",
    "RenderError",
    "UsageError",
    "WriteRefusedError",
]


class BfaError(Exception):
    """Base of every error bfa raises on purpose."""

    exit_code = 2

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


class NotARepositoryError(BfaError):
    """The path holds no bfa repository."""

    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{path} är inte ett bfa-förråd: filen bfa.yaml saknas "
            "(varken i mappen eller i någon mapp ovanför).",
            hint="Ange mappen som innehåller bfa.yaml, eller skapa ett nytt förråd "
            "med `bfa init MAPP --name 'Kommunens namn'`.",
        )
        self.path = path


class UsageError(BfaError):
    """Arguments that cannot be used."""


class InvalidEditError(UsageError):
    """The edit would make the repository invalid; nothing was written.

    ``findings`` are the errors the edit would have introduced.
    """

    exit_code = 1

    def __init__(self, message: str, findings: list[Finding], hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.findings = findings


class RenderError(BfaError):
    """A document cannot be rendered from the repository."""


class BrokenRepositoryError(RenderError):
    """The repository has errors and no draft was asked for; nothing was written.

    ``errors`` are the repository's errors, one line each with file:line:column.
    """

    exit_code = 1

    def __init__(self, message: str, errors: list[str], hint: str | None = None) -> None:
        super().__init__(message, hint=hint)
        self.errors = errors


class WriteRefusedError(BfaError):
    """A write would overwrite something unasked, or leave its allowed place."""


class HistoryError(BfaError):
    """The git history cannot be read as asked."""


class ConflictError(BfaError):
    """Someone else changed or holds the file bfa is about to write; nothing was written."""

    exit_code = 1
