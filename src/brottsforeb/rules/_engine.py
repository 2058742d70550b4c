"""How a rule runs: a pure function yields hits; the engine makes findings."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

from .._yaml import Path_
from ..findings import Finding, Severity
from ..repo import Repo
from .catalog import BY_ID, Source


@dataclass(frozen=True)
class Context:
    """What time-dependent rules need besides the repository."""

    today: dt.date = field(default_factory=dt.date.today)
    horizon_days: int = 90


@dataclass
class Hit:
    """One place where a rule fires, with the arguments of its message."""

    kind: str
    id: str
    path: Path_ = ()
    key: bool = False
    args: dict[str, Any] = field(default_factory=dict)
    due: dt.date | None = None
    severity: Severity | None = None  # overrides the catalog's, e.g. "due soon" warnings
    basis: str | None = None  # "file: key" a municipality's own decision comes from
    variant: str = ""  # which of the catalog row's cases words the finding ('' its own)


Check = Callable[[Repo, Context], Iterable[Hit]]
CHECKS: dict[str, Check] = {}


def rule(rule_id: str) -> Callable[[Check], Check]:
    """Register the function that applies catalog row ``rule_id``."""
    if rule_id not in BY_ID:
        raise KeyError(f"{rule_id} is not in the catalog")
    if BY_ID[rule_id].command == "load":
        raise KeyError(f"{rule_id} is made while loading, not by a rule function")

    def register(fn: Check) -> Check:
        CHECKS[rule_id] = fn
        return fn

    return register


def to_finding(repo: Repo, rule_id: str, hit: Hit) -> Finding:
    file, line, col = repo.where(hit.kind, hit.id, hit.path, key=hit.key)
    r = BY_ID[rule_id]
    f = r.finding(
        file,
        line,
        col,
        hit.args,
        variant=hit.variant,
        severity=hit.severity,
        due=hit.due.isoformat() if hit.due else "",
    )
    if r.source is not Source.EGET:
        return f
    basis = hit.basis
    if basis is None and file:
        key = next((str(p) for p in hit.path if isinstance(p, str)), "")
        basis = f"{file}: {key}" if key else file
    return dataclasses.replace(f, source=f"{f.source} ({basis})") if basis else f


#: Brå's advice on a municipality's own structure, which a collaboration does not have.
MUNICIPAL = frozenset({"BRA-STYRGRUPP", "BRA-BEREDNINGSGRUPP"})


def run(repo: Repo, command: str, ctx: Context) -> list[Finding]:
    out: list[Finding] = []
    # the law's duties are the municipality's: a collaboration's own repository has none
    collaboration = repo.kommun is not None and repo.kommun.kind == "samverkan"
    for rule_id, fn in CHECKS.items():
        if BY_ID[rule_id].command != command:
            continue
        if collaboration and (BY_ID[rule_id].source is Source.LAG or rule_id in MUNICIPAL):
            continue
        out.extend(to_finding(repo, rule_id, hit) for hit in fn(repo, ctx))
    return out
