"""Validating many repositories at once (a county, Brå, all 290 municipalities).

Each repository is validated in a worker process; the findings come back with
their file paths prefixed by the repository's folder, so one combined report
and one exit code cover them all.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .errors import NotARepositoryError
from .findings import Finding
from .loader import ROOT_FILE, find_root

__all__ = ["RepoResult", "expand", "validate_many"]


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
            children = sorted(p for p in path.iterdir() if p.is_dir() and (p / ROOT_FILE).is_file())
            if children:
                roots.extend(p.resolve() for p in children)
                continue
        roots.append(find_root(path))
    return list(dict.fromkeys(roots))


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


def validate_many(paths: Sequence[Path], jobs: int | None = None) -> list[RepoResult]:
    """Validate every repository ``paths`` name, in ``jobs`` processes (default: all cores)."""
    roots = expand(paths)
    labels = _labels(roots)
    jobs = max(1, min(jobs or os.cpu_count() or 1, len(roots)))
    if jobs == 1:
        results: Iterable[tuple[list[Finding], int]] = map(_validate_one, roots)
    else:
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor

        method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method))
        chunk = max(1, len(roots) // (jobs * 8))
        with pool:
            results = list(pool.map(_validate_one, roots, chunksize=chunk))
    out = []
    for root, label, (findings, files) in zip(roots, labels, results, strict=True):
        if label:
            findings = [
                dataclasses.replace(f, file=f"{label}/{f.file}" if f.file else f"{label}/")
                for f in findings
            ]
        out.append(RepoResult(root, label, findings, files))
    return out
