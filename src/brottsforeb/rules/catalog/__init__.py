"""The catalog: every finding bfa makes, as data — one row per id, in one table.

The rows live in one module per source, in the order the docs list them:

- ``structure``: the repository format itself (``bfa``: references, ids, cycles).
- ``lag``: duties of Lag (2023:196) — errors. Only 4 § is confirmed from the law's
  text here; the other duties come from the government bill and Brå's guidance, and
  their paragraph is left empty (``reference``) until checked, rather than guessed.
- ``deadlines``: what the municipality itself decided (``Kommunens beslut``),
  checked against today's date.
- ``bra``: Brå's recommended way of working — warnings.
- ``collaboration``: collaborations across municipalities.
- ``load_files``, ``load_yaml``: findings made while reading the files
  (``command="load"``), before any rule runs; the loader makes them from these rows.

A row's ``message`` and ``hint`` are ``str.format`` templates over the hit's
arguments. Where the wording depends on the case (which YAML syntax error, which
kind of schema error), ``variants`` names each case's (message, hint); ``scope`` says
what the rule checks (docs/regler.md). A new rule is one row here plus one function
under ``rules/``; a new load-time finding is one row plus one ``finding(id, …)`` call.
"""

from __future__ import annotations

from typing import Any

from ...findings import Finding
from . import bra, collaboration, deadlines, lag, load_files, load_yaml, structure
from ._row import BFA, BRA, COMMANDS, EGET, LAG, SCHEMA, YAML, E, Rule, Source, W

__all__ = [
    "BFA",
    "BRA",
    "BY_ID",
    "COMMANDS",
    "EGET",
    "LAG",
    "RENAMED",
    "RULES",
    "SCHEMA",
    "SCOPE",
    "YAML",
    "E",
    "Rule",
    "Source",
    "W",
    "finding",
]

RULES: tuple[Rule, ...] = (
    structure.ROWS
    + lag.ROWS
    + deadlines.ROWS
    + bra.ROWS
    + collaboration.ROWS
    + load_files.ROWS
    + load_yaml.ROWS
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
#: Rule ids that were renamed; an exception may still name the old id.
RENAMED: dict[str, str] = {"LAG-SAMVERKAN": "BRA-SAMVERKAN"}
#: What each rule checks, exactly, and where its source says so (docs/regler.md).
SCOPE: dict[str, str] = {r.id: r.scope for r in RULES if r.scope}


def finding(
    rule_id: str, file: str = "", line: int = 0, column: int = 0, variant: str = "", **args: Any
) -> Finding:
    """The finding of catalog row ``rule_id`` at one place, ``args`` filling its templates."""
    return BY_ID[rule_id].finding(file, line, column, args, variant=variant)
