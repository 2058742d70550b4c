"""One catalog row: the ``Rule`` dataclass, its severities, sources and commands."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from ..._escape import one_line
from ...findings import Finding, Severity


class Source(StrEnum):
    """Where a rule comes from; the value is what findings cite."""

    LAG = "Lag (2023:196)"  # duties of the law: errors
    BRA = "Brå"  # Brå's recommendations: warnings, exemptable
    EGET = "Kommunens beslut"  # what the municipality itself decided
    BFA = "bfa"  # the repository format
    YAML = "YAML"  # reading the files
    SCHEMA = "schema"


E, W = Severity.ERROR, Severity.WARNING
LAG, BRA, EGET, BFA = Source.LAG, Source.BRA, Source.EGET, Source.BFA
YAML, SCHEMA = Source.YAML, Source.SCHEMA

#: When a rule runs: ``validate``, ``check`` (depends on today's date) or ``load``
#: (made while reading the files; reported by both commands).
COMMANDS = ("validate", "check", "load")


class _Args(dict[str, Any]):
    """Template arguments; a missing one stays visible as ``{name}`` (tests look for it)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    source: Source
    reference: str  # paragraph or publication; empty where not verified
    title: str
    message: str  # str.format template over the hit's arguments
    hint: str
    command: str = "validate"  # see COMMANDS
    #: case name → (message, hint) templates, for rows whose wording depends on the case;
    #: a hint of None is the row's own
    variants: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)
    #: what the rule checks, exactly, and where its source says so (docs/regler.md);
    #: every rule that is not made at load time has one
    scope: str = ""

    @property
    def cited(self) -> str:
        """The source as findings show it: 'Lag (2023:196) 4 §', 'Brå', 'YAML'."""
        cite = f" {self.reference}" if self.reference and self.source is not Source.BRA else ""
        return self.source.value + cite

    def texts(self, variant: str = "") -> tuple[str, str]:
        """The (message, hint) templates of one case ('' is the row's own)."""
        if not variant:
            return self.message, self.hint
        message, hint = self.variants[variant]
        return message, self.hint if hint is None else hint

    def finding(
        self,
        file: str = "",
        line: int = 0,
        column: int = 0,
        args: Mapping[str, Any] | None = None,
        *,
        variant: str = "",
        severity: Severity | None = None,
        due: str = "",
    ) -> Finding:
        """The finding this row makes at one place, its templates filled with ``args``."""
        message, hint = self.texts(variant)
        # a value is one line in a message: a newline in a name cannot start a new line
        filled = _Args(
            {k: one_line(v) if isinstance(v, str) else v for k, v in (args or {}).items()}
        )
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message.format_map(filled),
            file=file,
            line=line,
            column=column,
            hint=hint.format_map(filled),
            source=self.cited,
            due=due,
        )
