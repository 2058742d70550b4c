"""Findings: the one type every check returns, and the formats they leave in."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any

__all__ = [
    "JSON_VERSION",
    "Finding",
    "More",
    "Severity",
    "as_dict",
    "condense",
    "exit_code_for",
    "from_catalog",
    "to_github",
    "to_json",
    "worst",
]


#: The version of every JSON output of bfa (docs/json.md). One convention across commands:
#: keys are English snake_case, enumeration values the Swedish words of the files and the
#: screens (severity "fel", a measure's status "pågående"); each output names its command.
JSON_VERSION = 2


class Severity(StrEnum):
    """How serious a finding is. Values are the Swedish words users see."""

    ERROR = "fel"
    WARNING = "varning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {Severity.ERROR: 2, Severity.WARNING: 1, Severity.INFO: 0}[self]


@dataclass(frozen=True, slots=True)
class Finding:
    """One problem at one place in the repository.

    ``file`` is relative to the repository root (POSIX separators); ``line``
    and ``column`` are 1-based and 0 when the finding concerns the whole
    file or the whole repository.
    """

    rule: str
    severity: Severity
    message: str
    file: str = ""
    line: int = 0
    column: int = 0
    hint: str = ""
    source: str = ""
    due: str = ""  # ISO date for time-dependent findings (bfa check)
    data: dict[str, str | int] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        # No finding may echo a personnummer or reach a terminal with control characters,
        # whatever rule wrote it: masked and made visible here, once for all (#16). A file
        # name is one line: a newline in it (git allows one) cannot forge a report line.
        from ._escape import one_line, visible
        from ._pii import mask

        for name in ("message", "file", "hint"):
            text = getattr(self, name)
            clean = (one_line if name == "file" else visible)(mask(text))
            if clean != text:
                object.__setattr__(self, name, clean)

    @property
    def location(self) -> str:
        if not self.file:
            return "(förrådet)"
        if self.line:
            return f"{self.file}:{self.line}:{self.column}"
        return self.file

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.file, self.line, self.column, self.rule)

    def days_left(self, today: dt.date) -> int | None:
        """Days from ``today`` to the finding's due date (negative: overdue); None without."""
        return (dt.date.fromisoformat(self.due) - today).days if self.due else None


def from_catalog(
    rule_id: str, file: str = "", line: int = 0, column: int = 0, variant: str = "", **args: Any
) -> Finding:
    """The finding of row ``rule_id`` of the one catalog (rules/catalog/) at one place.

    For the code that reads files (loader, _yaml, _messages), which the rules package
    itself imports: the catalog is looked up when the first finding is made.
    """
    from .rules.catalog import finding

    return finding(rule_id, file, line, column, variant, **args)


def worst(findings: Iterable[Finding]) -> Severity | None:
    best: Severity | None = None
    for f in findings:
        if best is None or f.severity.rank > best.rank:
            best = f.severity
    return best


#: How many findings of one rule in one file a table shows before it counts the rest.
KEEP_PER_GROUP = 20


@dataclass(frozen=True, slots=True)
class More:
    """The findings of one rule in one file a table leaves out, counted."""

    rule: str
    file: str
    count: int
    severity: Severity
    command: str = "check"  # the command whose JSON lists them all

    @property
    def message(self) -> str:
        count = f"{self.count:,}".replace(",", " ")
        return (
            f"… och {count} till av samma slag ({self.rule}) i {self.file}. "
            f"Alla står i bfa {self.command} -f json."
        )


def condense(
    findings: Sequence[Finding], keep: int = KEEP_PER_GROUP, command: str = "check"
) -> list[Finding | More]:
    """``findings`` for a table a person reads: at most ``keep`` of one rule in one file,
    then one ``More`` row where the next would have stood. A meeting file with 17,500 open
    action items made ``bfa check`` print 12 MB over 38 s; exit codes and summary lines
    still come from every finding."""
    seen: dict[tuple[str, str], int] = {}
    worst_left: dict[tuple[str, str], Severity] = {}
    out: list[Finding | More] = []
    slot: dict[tuple[str, str], int] = {}
    for f in findings:
        key = (f.rule, f.file or "")
        n = seen[key] = seen.get(key, 0) + 1
        if n <= keep:
            out.append(f)
            continue
        if n == keep + 1:
            slot[key] = len(out)
            out.append(More(f.rule, f.file or "", 0, f.severity, command))
        if key not in worst_left or f.severity.rank > worst_left[key].rank:
            worst_left[key] = f.severity
    for key, i in slot.items():
        out[i] = More(key[0], key[1], seen[key] - keep, worst_left[key], command)
    return out


def exit_code_for(findings: Iterable[Finding], *, strict: bool = False) -> int:
    """0 without errors, 1 with errors (or warnings when ``strict``)."""
    w = worst(findings)
    if w is Severity.ERROR or (strict and w is Severity.WARNING):
        return 1
    return 0


def to_json(findings: Sequence[Finding], **extra: object) -> str:
    """The documented, stable JSON shape (see docs/json.md)."""
    counts = {s.value: 0 for s in Severity}
    for f in findings:
        counts[f.severity.value] += 1
    doc = {
        "version": JSON_VERSION,
        **extra,
        "summary": counts,
        "findings": [as_dict(f) for f in findings],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def as_dict(finding: Finding) -> dict[str, Any]:
    """One finding in the documented JSON shape (empty ``data`` and ``due`` left out)."""
    d = asdict(finding)
    d["severity"] = finding.severity.value
    if not d["data"]:
        del d["data"]
    if not d["due"]:
        del d["due"]
    return d


def _gh_escape(text: str, *, prop: bool = False) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def to_github(findings: Sequence[Finding], *, root_prefix: str = "") -> str:
    """GitHub Actions workflow commands, one line per finding."""
    level = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}
    lines = []
    for f in findings:
        props = []
        if f.file:
            props.append(f"file={_gh_escape(root_prefix + f.file, prop=True)}")
            if f.line:
                props.append(f"line={f.line}")
                props.append(f"col={f.column}")
        props.append(f"title={_gh_escape(f.rule, prop=True)}")
        msg = f.message + (f" – {f.hint}" if f.hint else "")
        lines.append(f"::{level[f.severity]} {','.join(props)}::{_gh_escape(msg)}")
    return "\n".join(lines)
