"""Validating many repositories at once (a county, Brå, all 290 municipalities).

Each repository is validated in a worker process; the findings come back with
their file paths prefixed by the repository's folder, so one combined report
and one exit code cover them all.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from .errors import NotARepositoryError
from .findings import Finding, Severity, from_catalog
from .loader import ROOT_FILE, find_root

A = TypeVar("A")
T = TypeVar("T")

__all__ = [
    "RepoResult",
    "Report",
    "discover",
    "expand",
    "map_roots",
    "validate_many",
    "validate_paths",
]

#: Folders never searched for repositories: version control, environments, caches.
_SKIP = {".git", ".hg", ".svn", ".venv", "venv", "node_modules", "__pycache__", ".tox"}


@dataclass(frozen=True)
class RepoResult:
    root: Path
    label: str  # the folder as shown in the combined report
    findings: list[Finding]
    files: int


def expand(paths: Sequence[Path]) -> list[Path]:
    """The repositories ``paths`` name: a repository (or a folder inside one), or a
    folder whose subfolders are repositories. Duplicates are dropped, order kept."""
    roots: list[Path] = []
    for path in paths:
        if not path.exists():
            raise NotARepositoryError(path)
        if path.is_dir() and not (path / ROOT_FILE).is_file():
            found = discover(path)
            if found:
                roots.extend(found)
                continue
        roots.append(find_root(path))
    return list(dict.fromkeys(roots))


def discover(folder: Path) -> list[Path]:
    """Every repository under ``folder`` at any depth (a county of collaborations of
    municipalities), sorted by path. A repository's own subfolders are not searched,
    nor hidden folders or virtual environments; symbolic links to folders are not
    followed, so a link loop cannot make the search endless."""
    found: list[Path] = []
    stack = [folder.resolve()]
    while stack:
        current = stack.pop()
        try:
            with os.scandir(current) as it:
                subdirs = [
                    Path(e.path)
                    for e in it
                    if e.is_dir(follow_symlinks=False)
                    and e.name not in _SKIP
                    and not e.name.startswith(".")
                ]
        except OSError:
            continue
        for sub in subdirs:
            if (sub / ROOT_FILE).is_file():
                found.append(sub)
            else:
                stack.append(sub)
    return sorted(found)


def _labels(roots: Sequence[Path]) -> list[str]:
    if len(roots) == 1:
        return [""]
    base = Path(os.path.commonpath([str(r) for r in roots]))
    labels = [str(r.relative_to(base)) if r != base else r.name for r in roots]
    return [label if label != "." else r.name for label, r in zip(labels, roots, strict=True)]


def _validate_one(root: Path) -> tuple[list[Finding], int]:
    from .loader import load_repo
    from .rules import validate

    repo = load_repo(root)
    return validate(repo), repo.file_count


def _worker(root: Path) -> tuple[list[Finding], int]:
    return _validate_one(root)  # looked up at call time, so a test can plant a dying one


def map_roots(
    fn: Callable[[A], T],
    roots: Sequence[A],
    jobs: int | None = None,
    *,
    failed: Callable[[A, str], T],
) -> list[T]:
    """``fn`` applied to every root, in ``jobs`` processes (default: all cores), in order.

    ``fn`` must be a module-level function (it is sent to the worker processes). A root
    on which ``fn`` raises, or whose worker dies (a crash, the OOM killer), gets
    ``failed(root, why)`` with a Swedish reason; every other root gets its real result.
    """
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(roots)))
    if jobs == 1:
        return [_guarded(fn, root, failed) for root in roots]
    return _in_processes(fn, roots, jobs, failed)


def _guarded(fn: Callable[[A], T], root: A, failed: Callable[[A, str], T]) -> T:
    try:
        return fn(root)
    except Exception as exc:  # a bug in bfa on this repository only
        return failed(root, f"internt fel: {type(exc).__name__}")


def _died(root: Path, why: str) -> tuple[list[Finding], int]:
    return [from_catalog("BFA-AVBRUTEN", why=why)], 0


def _in_processes(
    fn: Callable[[A], T], roots: Sequence[A], jobs: int, failed: Callable[[A, str], T]
) -> list[T]:
    """Each root in a worker; a worker that dies costs only its own root.

    When a worker dies the pool is broken and every pending root fails with it. Those
    are then run again, one pool each, so the one that kills its worker is reported as
    failed and every other gets its real result.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    ctx = multiprocessing.get_context(method)
    results: dict[int, T] = {}
    broken: list[int] = []
    with ProcessPoolExecutor(jobs, mp_context=ctx) as pool:
        futures = {i: pool.submit(fn, root) for i, root in enumerate(roots)}
        for i, fut in futures.items():
            try:
                results[i] = fut.result()
            except BrokenProcessPool:
                broken.append(i)
            except Exception as exc:  # a bug in bfa on this repository only
                results[i] = failed(roots[i], f"internt fel: {type(exc).__name__}")
    for i in broken:
        with ProcessPoolExecutor(1, mp_context=ctx) as alone:
            try:
                results[i] = alone.submit(fn, roots[i]).result()
            except BrokenProcessPool:
                results[i] = failed(roots[i], "processen som kontrollerade det dog")
            except Exception as exc:
                results[i] = failed(roots[i], f"internt fel: {type(exc).__name__}")
    return [results[i] for i in range(len(roots))]


def validate_many(paths: Sequence[Path], jobs: int | None = None) -> list[RepoResult]:
    """Validate every repository ``paths`` name, in ``jobs`` processes (default: all cores)."""
    roots = expand(paths)
    labels = _labels(roots)
    results = map_roots(_worker, roots, jobs, failed=_died)
    out = []
    for root, label, (findings, files) in zip(roots, labels, results, strict=True):
        if label:
            findings = [
                dataclasses.replace(f, file=f"{label}/{f.file}" if f.file else f"{label}/")
                for f in findings
            ]
        out.append(RepoResult(root, label, findings, files))
    return out


@dataclass(frozen=True)
class Report:
    """One report over one or several repositories: what `bfa validate` prints."""

    root: Path  # the repository, or the folder the repositories share
    findings: list[Finding]
    files: int
    repositories: list[RepoResult]  # empty for a single repository

    @property
    def with_errors(self) -> int:
        """How many repositories have at least one error."""
        return sum(
            1 for r in self.repositories if any(f.severity is Severity.ERROR for f in r.findings)
        )

    @property
    def title(self) -> str:
        """The report's heading in the human format."""
        if not self.repositories:
            return f"bfa validate {self.root}"
        return f"bfa validate: {len(self.repositories)} förråd, {self.with_errors} med fel"

    def fields(self) -> dict[str, object]:
        """The JSON output's fields besides the findings (docs/json.md)."""
        if not self.repositories:
            return {"root": str(self.root)}
        repos = [
            {"label": r.label, "root": str(r.root), "files": r.files} for r in self.repositories
        ]
        return {"root": str(self.root), "repositories": repos}


def validate_paths(paths: Sequence[Path], jobs: int | None = None) -> Report:
    """Validate the repositories ``paths`` name (see ``expand``) into one report: one
    repository in this process, several in ``jobs`` processes (default: all cores)."""
    roots = expand(paths)
    if len(roots) == 1:
        from .loader import load_repo
        from .rules import validate

        repo = load_repo(roots[0])
        return Report(repo.root or roots[0], validate(repo), repo.file_count, [])
    results = validate_many(roots, jobs)
    common = Path(os.path.commonpath([str(r.root) for r in results]))
    findings = [f for r in results for f in r.findings]
    return Report(common, findings, sum(r.files for r in results), results)
