"""Git's refusals and a damaged object store, told in Swedish (issue #16, A43/A44).

GitPython reports a missing or corrupt object as a ``ValueError`` ("SHA … could not be
resolved"), a ``gitdb`` error or a ``GitCommandError`` with git's English text; git
refuses a repository owned by another user ("dubious ownership", common in CI
containers) on every command, which read as "no commits". Every public history entry
point runs under :func:`git_errors`, so any of these becomes one ``HistoryError`` that
says what is wrong and what to do, never an internal error.
"""

from __future__ import annotations

import functools
import re
import shlex
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, ParamSpec, TypeVar

from .._escape import one_line
from .._pii import mask
from ..errors import HistoryError

P = ParamSpec("P")
T = TypeVar("T")

#: Words in git's or GitPython's text that mean the object store is damaged or incomplete.
_DAMAGED = (
    "could not be resolved",
    "bad object",
    "missing",
    "corrupt",
    "loose object",
    "packfile",
    "unable to read",
    "invalid object",
    "did not match",
    "inflate",
    "object file",
    "bad file",
)


def _git_text(exc: BaseException) -> str:
    stderr = getattr(exc, "stderr", None)
    text = stderr if isinstance(stderr, str) and stderr.strip() else str(exc)
    return text.replace("stderr:", "").strip()


def _first_line(text: str) -> str:
    line = next((ln.strip() for ln in text.splitlines() if ln.strip()), "")
    return mask(one_line(line.removeprefix("fatal: ").removeprefix("error: ")))[:200]


_SHA = re.compile(r"\b[0-9a-f]{40}\b")

HINT_DAMAGED = (
    "Kör `git fsck` för att se vad som saknas. En ofullständig kopia (utan .git/objects, "
    "eller efter en avbruten git gc) hämtas om med git clone."
)


def damaged(what: str) -> HistoryError:
    """The one message for a damaged or incomplete object store."""
    return HistoryError(f"Git-förrådet är skadat eller ofullständigt: {what}.", hint=HINT_DAMAGED)


NO_GIT = (
    "Programmet git finns inte på den här datorn (eller går inte att starta), så "
    "historiken kan inte läsas."
)
NO_GIT_HINT = "Installera git (https://git-scm.com) och kör kommandot igen."


def import_git() -> Any:
    """GitPython, or a Swedish HistoryError when the git program is missing: GitPython
    refuses to import then (an ImportError that read as an internal error)."""
    try:
        import git
    except ImportError:
        raise HistoryError(NO_GIT, hint=NO_GIT_HINT) from None
    return git


def translate(exc: BaseException, where: Path | str | None = None) -> HistoryError | None:
    """The Swedish HistoryError for a git failure, or None when ``exc`` is not one."""
    import git
    import gitdb.exc  # type: ignore[import-untyped]

    text = _git_text(exc)
    low = text.lower()
    folder = one_line(str(where)) if where is not None else "förrådet"
    quoted = shlex.quote(str(where)) if where is not None else "MAPPEN"
    if "dubious ownership" in low or "safe.directory" in low:
        return HistoryError(
            f"Git vägrar läsa {folder}: mappen ägs av en annan användare än den som kör bfa "
            "(git kallar det 'dubious ownership'), så historiken kan inte läsas.",
            hint=f"Godkänn mappen en gång: git config --global --add safe.directory {quoted} "
            "— eller kör bfa som mappens ägare (i GitHub Actions: samma användare som "
            "actions/checkout).",
        )
    git_kind = isinstance(exc, (git.GitError, gitdb.exc.ODBError))
    if isinstance(exc, ValueError) and not git_kind and "could not be resolved" not in low:
        return None
    if not git_kind and not isinstance(exc, (ValueError, OSError)):
        return None
    if any(word in low for word in _DAMAGED):
        sha = _SHA.search(text)
        what = f"objektet {sha.group(0)[:12]}" if sha else "ett objekt som historiken behöver"
        return damaged(f"{what} saknas eller går inte att läsa")
    if isinstance(exc, OSError) and not git_kind:
        return None
    if isinstance(exc, git.GitCommandNotFound):
        return HistoryError(NO_GIT, hint=NO_GIT_HINT)
    return HistoryError(
        f"Git kunde inte läsa historiken: {_first_line(text) or type(exc).__name__}.",
        hint="Kör `git status` och `git fsck` i mappen för att se vad git säger.",
    )


@contextmanager
def git_errors(where: Path | str | None = None) -> Iterator[None]:
    """Turn git failures inside the block into a Swedish HistoryError."""
    try:
        yield
    except HistoryError:
        raise
    except Exception as exc:
        out = translate(exc, where)
        if out is None:
            raise
        raise out from None


def guarded(fn: Callable[P, T]) -> Callable[P, T]:
    """``fn`` run under :func:`git_errors` (the first argument names the folder, if a path)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> T:
        where = args[0] if args and isinstance(args[0], (str, Path)) else None
        with git_errors(where):
            return fn(*args, **kwargs)

    return wrapper
