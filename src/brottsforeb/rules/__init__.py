"""Rules: the catalog and the pure functions that apply it to a Repo."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..findings import Finding, Severity
from ..repo import Repo
from . import (  # noqa: F401 - importing registers the rules
    bra,
    cadences,
    collaboration,
    deadlines,
    lag,
    lifecycle,
    structure,
)
from ._engine import CHECKS, Context, Hit, rule, run
from .catalog import BY_ID, RENAMED, RULES, Rule, Source

__all__ = [
    "BY_ID",
    "CHECKS",
    "RULES",
    "Context",
    "Hit",
    "Rule",
    "apply_exceptions",
    "rule",
    "run",
    "validate",
]


def apply_exceptions(repo: Repo, findings: Sequence[Finding]) -> list[Finding]:
    """Downgrade findings of rules the municipality has consciously set aside."""
    kommun = repo.kommun
    reasons = {RENAMED.get(e.rule, e.rule): e.reason for e in kommun.exceptions} if kommun else {}
    out = []
    for f in findings:
        rule_ = BY_ID.get(f.rule)
        if f.rule in reasons and rule_ is not None and rule_.source is Source.BRA:
            f = dataclasses.replace(
                f, severity=Severity.INFO, message=f"{f.message} Undantagen: {reasons[f.rule]}"
            )
        out.append(f)
    return out


def check(repo: Repo, today: dt.date | None = None, horizon_days: int = 90) -> list[Finding]:
    """Every finding of `bfa check`, sorted by due date: what is overdue or due soon.

    Files that could not be read are reported too, so that nothing is skipped silently.
    """
    ctx = Context(today=today or dt.date.today(), horizon_days=horizon_days)
    findings = [*repo.findings, *run(repo, "check", ctx), *_shared(repo, ctx)]
    return sorted(apply_exceptions(repo, findings), key=lambda f: (f.due or "0000", f.sort_key()))


def _shared(repo: Repo, ctx: Context) -> list[Finding]:
    """The deadlines of what a member shares from its collaborations (samverkan.py)."""
    if repo.kommun is None or not repo.kommun.collaborations:
        return []
    from ..samverkan import links, shared_findings

    out: list[Finding] = []
    for link in links(repo):
        if link.repo is not None:
            out.extend(shared_findings(repo, link, run(link.repo, "check", ctx)))
    return out


def validate(repo: Repo) -> list[Finding]:
    """Every finding of `bfa validate`: files, schema, references, law and Brå."""
    findings = [*repo.findings, *run(repo, "validate", Context())]
    return sorted(apply_exceptions(repo, findings), key=Finding.sort_key)
