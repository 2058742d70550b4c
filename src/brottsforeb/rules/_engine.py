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
    note = _not_counted(repo, rule_id, hit)
    if note:
        f = dataclasses.replace(f, message=f.message + note)
    if r.source is not Source.EGET:
        return f
    basis = hit.basis
    if basis is None and file:
        key = next((str(p) for p in hit.path if isinstance(p, str)), "")
        basis = f"{file}: {key}" if key else file
    return dataclasses.replace(f, source=f"{f.source} ({basis})") if basis else f


#: Rules that say something is missing, and the folder whose files could hold it. A file
#: there that could not be read (a typo in a key) is kept out of the model, so the rule
#: would call missing what the user wrote: the finding says which files were not counted.
ABSENCE = {
    "LAG-ATGARDSPLAN": "dokument",
    "BRA-SAMVERKAN": "dokument",
    "LAGESBILD-FREKVENS": "lagesbilder",
    "UPPFOLJNING-NAMND": "moten",
    "RAPPORTERING-KF": "moten",
    "MOTEN-FREKVENS": "moten",
    "BRA-STYRGRUPP": "organ",
    "BRA-BEREDNINGSGRUPP": "organ",
}


#: What an unread file must say (its ``typ``, read from the raw YAML) to be one the rule
#: could have counted; a file without a readable typ could be anything.
_COULD_BE = {
    "LAG-ATGARDSPLAN": {"åtgärdsplan"},
    "BRA-SAMVERKAN": {"samverkansöverenskommelse", "medborgarlöfte"},
    "BRA-STYRGRUPP": {"styrgrupp", "nämnd"},  # a nämnd may hold the role
    "BRA-BEREDNINGSGRUPP": {"beredningsgrupp", "nämnd", "råd"},
}


def _not_counted(repo: Repo, rule_id: str, hit: Hit) -> str:
    """' (organ/x.yaml har fel och räknas inte förrän det är rättat.)', or ''."""
    folder = ABSENCE.get(rule_id)
    if folder is None:
        return ""
    unread = []
    for e in repo.entries.get(folder, {}).values():
        if e.model is not None:
            continue
        data = e.parsed.data if isinstance(e.parsed.data, dict) else {}
        if folder == "moten" and hit.kind == "organ" and data.get("organ") not in (hit.id, None):
            continue  # another body's meeting
        typ = data.get("typ")
        could = _COULD_BE.get(rule_id)
        if could and isinstance(typ, str) and typ not in could and "ledamöter_i_roll" not in data:
            continue  # an SSPF group with an error could not have been the styrgrupp
        unread.append(e.file)
    if not unread:
        return ""
    unread.sort()
    names = [*unread[:3], f"{len(unread) - 3} till"] if len(unread) > 3 else unread
    shown = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
    until = "den är rättad" if len(unread) == 1 else "de är rättade"
    return f" ({shown} har fel och räknas inte förrän {until}.)"


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
