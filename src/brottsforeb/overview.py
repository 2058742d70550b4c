"""`bfa overview`: the county view – one row per municipality, from many repositories.

For a länsstyrelse or a regional collaboration: is there a decided åtgärdsplan built on a
lägesbild, when was the lägesbild made, is there a samordningsfunktion, is the leadership
in place, and what is overdue. Overdue comes from the same rules as `bfa check`, so the
overview and each municipality's own report never disagree.

Repositories are found at any depth (``batch.discover``) and read in parallel, one
repository per task; each worker returns a small row, never the Repo.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ._escape import cell, csv_cell, md
from ._words import plural
from .findings import JSON_VERSION, Severity

__all__ = ["SCHEMA_VERSION", "Overview", "Row", "overview", "to_csv", "to_json", "to_markdown"]

#: Version of the JSON shape (docs/json.md); fields may be added, never removed or renamed.
SCHEMA_VERSION = JSON_VERSION  # one version for every JSON output (findings.JSON_VERSION)


@dataclass(frozen=True)
class Row:
    """One municipality (or collaboration) as the county sees it."""

    label: str  # the folder, relative to the common parent of all repositories
    name: str
    code: str | None
    kind: str  # "kommun" or "samverkan"
    action_plan: str | None  # title of the newest decided åtgärdsplan
    action_plan_date: str | None
    action_plan_on_lagesbild: bool  # the decided plan names an existing lägesbild
    lagesbild_date: str | None  # when the newest lägesbild was made
    lagesbild_type: str | None
    coordination: str | None  # title of the samordningsfunktion, if it exists
    leadership: str | None  # name of the leading nämnd, if it exists
    reporting: bool  # reporting to kommunfullmäktige is decided
    overdue: list[str] = field(default_factory=list)  # Swedish sentences, oldest due first
    due_soon: int = 0
    unreadable: int = 0  # files that could not be read or did not fit the schema
    failed: str | None = None  # why reading the repository was cut short (a dying worker)
    #: one key per overdue deadline (rule, the file's real path, due): a deadline a
    #: samverkan shares with its members is one deadline, not one per repository
    overdue_keys: list[str] = field(default_factory=list)
    #: the samordningsfunktion's file when it has errors (then ``coordination`` is None,
    #: but the column says the file could not be read, not that there is none)
    coordination_unread: str | None = None

    @property
    def leadership_in_place(self) -> bool:
        return self.leadership is not None and self.reporting


@dataclass
class Overview:
    today: dt.date
    rows: list[Row]

    @property
    def municipalities(self) -> list[Row]:
        """The rows of municipalities: a samverkan's own repository has no duties of its own
        under the law, which binds each member municipality."""
        return [r for r in self.rows if r.kind != "samverkan"]

    @property
    def with_action_plan(self) -> int:
        return sum(1 for r in self.municipalities if r.action_plan)

    @property
    def overdue_total(self) -> int:
        """Overdue deadlines, each counted once: a shared agreement's review that is late
        stands in the samverkan's row and in each member's, and is one deadline."""
        return len({k for r in self.rows for k in r.overdue_keys})

    @property
    def overdue_listed(self) -> int:
        return sum(len(r.overdue) for r in self.rows)


def _iso(value: object) -> str | None:
    if value is None:
        return None
    return value.isoformat() if isinstance(value, dt.date) else str(value)


def _row(args: tuple[Path, str, dt.date, int]) -> Row:
    """One repository's row (runs in a worker process)."""
    from . import duties
    from .loader import load_repo
    from .rules import check

    root, label, today, horizon = args
    repo = load_repo(root)
    k = repo.kommun
    plans = [d for _k, d in duties.decided_plans(repo, today)]  # as check sees them
    plan = max(plans, key=lambda d: d.date or dt.date.min, default=None)
    on_lagesbild = plan is not None and any(ref in repo.lagesbilder for ref in plan.based_on)
    pictures = list(duties.made_pictures(repo, today).values())  # as LAG-LAGESBILD counts
    newest = max(pictures, key=lambda lb: lb.date, default=None)
    funktioner, organ = repo.funktioner, repo.organ
    coord = k.coordination if k else None
    coord_f = funktioner.get(coord) if coord else None
    entry = repo.entry("funktioner", coord) if coord else None
    data = entry.parsed.data if entry else None
    if isinstance(data, dict) and data.get("vakant") is True:
        coord_f = None  # a vacant function coordinates nothing (vakant: true)
    unread = entry.file if entry is not None and entry.model is None else None
    lead = k.leadership.organ if k and k.leadership else None
    findings = check(repo, today, horizon)
    # every error check reports: a missing duty (no lägesbild, never reported to KF) has no
    # date and is listed first; before, it was left out and the count was not check's (N10)
    errors = [
        f
        for f in sorted(findings, key=lambda f: (bool(f.due), f.due))
        if f.severity is Severity.ERROR
    ]
    overdue = [f"{f.message} ({f.file})" if f.file else f.message for f in errors]
    real = root.resolve()
    keys = [f"{f.rule}|{(real / f.file).resolve() if f.file else real}|{f.due}" for f in errors]
    unreadable = sum(
        1
        for f in repo.findings
        if f.severity is Severity.ERROR and f.rule.startswith(("YAML", "FIL", "SCHEMA"))
    )
    return Row(
        label=label,
        name=k.name if k else root.name,
        code=k.code if k else None,
        kind=str(getattr(k, "kind", None) or "kommun"),
        action_plan=plan.title if plan else None,
        action_plan_date=_iso(plan.date) if plan else None,
        action_plan_on_lagesbild=on_lagesbild,
        lagesbild_date=_iso(newest.date) if newest else None,
        lagesbild_type=newest.type if newest else None,
        coordination=coord_f.title if coord_f else None,
        leadership=organ[lead].name if lead and lead in organ else None,
        # reporting decided, and a report registered as check sees it (RAPPORTERING-KF)
        reporting=bool(k and k.reporting)
        and not any(f.rule == "RAPPORTERING-KF" and f.severity is Severity.ERROR for f in findings),
        overdue=overdue,
        overdue_keys=keys,
        coordination_unread=unread,
        due_soon=sum(1 for f in findings if f.severity is Severity.WARNING and f.due),
        unreadable=unreadable,
    )


def _row_worker(args: tuple[Path, str, dt.date, int]) -> Row:
    return _row(args)  # looked up at call time, so a test can plant a dying one


def _failed_row(args: tuple[Path, str, dt.date, int], why: str) -> Row:
    """The row of a repository whose worker died or hit a bug: no figures, the reason."""
    root, label = args[0], args[1]
    return Row(
        label=label,
        name=root.name,
        code=None,
        kind="kommun",
        action_plan=None,
        action_plan_date=None,
        action_plan_on_lagesbild=False,
        lagesbild_date=None,
        lagesbild_type=None,
        coordination=None,
        leadership=None,
        reporting=False,
        failed=why,
    )


def overview(
    paths: list[Path],
    today: dt.date | None = None,
    *,
    jobs: int | None = None,
    horizon_days: int = 90,
) -> Overview:
    """The county view of every repository ``paths`` name or hold at any depth."""
    from .batch import _labels, expand, map_roots

    today = today or dt.date.today()
    roots = expand(paths)
    labels = _labels(roots)
    if len(roots) == 1:
        labels = [roots[0].name]
    rows = map_roots(
        _row_worker,
        [(r, lab, today, horizon_days) for r, lab in zip(roots, labels, strict=True)],
        jobs,
        failed=_failed_row,
    )
    rows.sort(key=lambda r: (r.name.casefold(), r.label))
    return Overview(today, rows)


# -- formats ---------------------------------------------------------------------------------

COLUMNS = [
    ("kommun", "Kommun"),
    ("åtgärdsplan", "Beslutad åtgärdsplan"),
    ("grundad_på_lägesbild", "Grundad på lägesbild"),
    ("lägesbild", "Senaste lägesbild"),
    ("samordningsfunktion", "Samordningsfunktion"),
    ("ledning", "Ledning"),
    ("försenat", "Försenat"),
]


def _yes(value: bool) -> str:
    return "ja" if value else "nej"


def _flat(r: Row) -> dict[str, str]:
    # a samverkan's repository owes none of these: "saknas" would call it a failing
    none = "–" if r.kind == "samverkan" else "saknas"
    plan = f"{r.action_plan} ({r.action_plan_date})" if r.action_plan else none
    lagesbild = f"{r.lagesbild_date} ({r.lagesbild_type})" if r.lagesbild_date else none
    if r.leadership is None:
        lead = none
    else:
        lead = r.leadership + ("" if r.reporting else " (rapportering till KF saknas)")
    name = r.name + (" (samverkan)" if r.kind == "samverkan" else "")
    return {
        "kommun": name,
        "åtgärdsplan": plan,
        "grundad_på_lägesbild": _yes(r.action_plan_on_lagesbild) if r.action_plan else "–",
        "lägesbild": lagesbild,
        "samordningsfunktion": r.coordination
        or (f"kan inte läsas ({r.coordination_unread})" if r.coordination_unread else none),
        "ledning": lead,
        "försenat": str(len(r.overdue)),
    }


TITLE = "Länsöversikt: kommunernas brottsförebyggande arbete"


def to_markdown(ov: Overview) -> str:
    """The overview as a Markdown report (the canonical form; the PDF is made from it)."""
    from .render._format import antal

    n, kommuner = len(ov.rows), len(ov.municipalities)
    who = f"{n} förråd"
    if kommuner != n:
        others = antal(n - kommuner, "samverkan", "samverkan")
        who += f" ({antal(kommuner, 'kommun', 'kommuner')} och {others})"
    total = ov.overdue_total
    shared = (
        " (en frist som en samverkan delar med kommunerna räknas en gång)"
        if total < ov.overdue_listed
        else ""
    )
    lines = [
        f"# {md(TITLE)}",
        "",
        f"Läget {ov.today.isoformat()} för {who}. {ov.with_action_plan} av "
        f"{antal(kommuner, 'kommun', 'kommuner')} har en beslutad åtgärdsplan; "
        f"{antal(total, 'frist', 'frister')} {plural(total, 'är försenad', 'är försenade')}"
        f"{shared}.",
        "",
        "| " + " | ".join(h for _, h in COLUMNS) + " |",
        "|" + "---|" * len(COLUMNS),
    ]
    for r in ov.rows:
        flat = _flat(r)
        lines.append("| " + " | ".join(cell(flat[k]) for k, _ in COLUMNS) + " |")
    late = [r for r in ov.rows if r.overdue or r.unreadable or r.failed]
    if late:
        lines += ["", "## Försenat per kommun", ""]
        for r in late:
            lines += [f"### {md(r.name)}", ""]
            if r.failed:
                lines.append(
                    f"- Kontrollen av förrådet avbröts ({md(r.failed)}); kör `bfa validate` "
                    "i förrådet."
                )
            if r.unreadable:
                lines.append(
                    f"- {antal(r.unreadable, 'fil', 'filer')} kunde inte läsas; kör `bfa validate`."
                )
            lines += [f"- {md(text)}" for text in r.overdue]
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


def to_csv(ov: Overview) -> str:
    """One line per municipality, columns as in the Markdown table plus the raw values."""
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(
        [
            "mapp",
            "kommun",
            "kommunkod",
            "slag",
            "åtgärdsplan",
            "åtgärdsplan_datum",
            "grundad_på_lägesbild",
            "lägesbild_datum",
            "lägesbild_typ",
            "samordningsfunktion",
            "ledning",
            "rapportering_till_kf",
            "försenat",
            "förfaller_snart",
            "olästa_filer",
            "avbruten",
        ]
    )
    for r in ov.rows:
        w.writerow(
            csv_cell(v)
            for v in [
                r.label,
                r.name,
                r.code or "",
                r.kind,
                r.action_plan or "",
                r.action_plan_date or "",
                _yes(r.action_plan_on_lagesbild),
                r.lagesbild_date or "",
                r.lagesbild_type or "",
                r.coordination or "",
                r.leadership or "",
                _yes(r.reporting),
                len(r.overdue),
                r.due_soon,
                r.unreadable,
                r.failed or "",
            ]
        )
    return buf.getvalue()


def to_json(ov: Overview) -> str:
    """The documented JSON shape (docs/json.md, "Länsöversikten")."""
    rows: list[dict[str, Any]] = []
    for r in ov.rows:
        d = asdict(r)
        del d["overdue_keys"], d["coordination_unread"]
        d["leadership_in_place"] = r.leadership_in_place
        rows.append(d)
    doc = {
        "version": SCHEMA_VERSION,
        "command": "overview",
        "today": ov.today.isoformat(),
        "summary": {
            "repositories": len(ov.rows),
            "municipalities": len(ov.municipalities),
            "with_action_plan": ov.with_action_plan,
            "overdue": ov.overdue_total,
        },
        "municipalities": rows,
    }
    return json.dumps(doc, ensure_ascii=False, indent=2)


def to_pdf(ov: Overview) -> bytes:
    """The Markdown report as a PDF/A-2b in the house style."""
    from .render import Rendered
    from .render import to_pdf as render_pdf

    doc = Rendered(
        "oversikt",
        "oversikt",
        to_markdown(ov),
        TITLE,
        [("Läget per", ov.today.isoformat()), ("Förråd", str(len(ov.rows)))],
        "Länsöversikt",
        ov.today,
    )
    return render_pdf(doc)
