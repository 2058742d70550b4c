"""bfa status"""

from __future__ import annotations

import datetime as dt
import json
from enum import StrEnum
from pathlib import Path

import typer

from ._common import PATH_ARG, STYLE, command, console, parse_today, summary_line


class StatusFormat(StrEnum):
    human = "human"
    json = "json"


def _date(d: dt.date | None) -> str:
    return d.isoformat() if d else "–"


@command("status")
def status_cmd(
    path: Path = PATH_ARG,
    today: str | None = typer.Option(
        None, "--today", metavar="ÅÅÅÅ-MM-DD", help="Räkna som om det vore detta datum."
    ),
    horizon: int = typer.Option(
        90,
        "--horizon",
        min=0,
        metavar="DAGAR",
        help="Visa det som förfaller inom så många dagar.",
    ),
    fmt: StatusFormat = typer.Option(
        StatusFormat.human,
        "--format",
        "-f",
        help="human (en skärm i terminalen) eller json (för en egen översikt, se docs/json.md).",
    ),
) -> None:
    """Läget på en skärm: organen och deras möten, frister, åtgärder och indikatorer.

    Felkod 0 även när något är försenat; använd bfa check i CI.
    """
    from .. import load_repo
    from .._escape import visible
    from ..findings import More, condense
    from ..status import measures_text, sparkline, status

    when = parse_today(today)
    repo = load_repo(path)
    s = status(repo, when, horizon)
    if fmt is StatusFormat.json:
        doc = s.to_dict(root=str(repo.root))
        typer.echo(json.dumps(doc, ensure_ascii=False, indent=2))
        return
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(Text(f"{s.name} – läget {when.isoformat()}", style="bold"))
    if s.law:
        out.print(Text("Lagens krav som inte är uppfyllda (bfa validate):", style="bold red"))
        for duty in s.law:
            where = f" ({duty.file})" if duty.file else ""
            out.print(Text(f"  • {duty.message}{where}"))
    if s.unreadable:
        shown = ", ".join(visible(f) for f in s.unreadable[:5])
        more = f" och {len(s.unreadable) - 5} till" if len(s.unreadable) > 5 else ""
        out.print(
            Text(
                f"Filer med fel räknas inte här förrän de är rättade (bfa validate visar "
                f"felen): {shown}{more}.",
                style="bold red",
            )
        )

    bodies = Table(title="Organ och möten", title_justify="left", expand=False)
    for col in ("Organ", "Mötesfrekvens", "Senaste", "Nästa planerade", "Frist enligt frekvens"):
        bodies.add_column(col)
    for b in s.bodies:
        bodies.add_row(
            Text(visible(b.name)),
            Text(b.cadence or "–"),
            Text(_date(b.last)),
            Text(_date(b.next_planned)),
            Text(_date(b.next_due), style="red" if b.late else ""),
        )
    out.print(bodies)

    if s.due:
        due = Table(title="Försenat och snart förfallet", title_justify="left")
        for col in ("Förfaller", "Nivå", "Vad"):
            due.add_column(col)
        for f in condense(s.due):
            due.add_row(
                Text("…" if isinstance(f, More) else f.due or "–"),
                Text(f.severity.value, style=STYLE[f.severity]),
                Text(f.message),
            )
        out.print(due)
    else:
        out.print(Text("Inget är försenat eller förfaller inom horisonten.", style="green"))

    out.print(Text(measures_text(s.measures), style="bold"))

    if s.indicators:
        ind = Table(title="Indikatorer", title_justify="left")
        for col in ("Indikator", "Utveckling", "Senaste", "Trend"):
            ind.add_column(col)
        for i in s.indicators:
            last = i.latest or "inga värden"
            style = {"bättre": "green", "sämre": "red"}.get(i.trend, "")
            span = f"{i.labels[0]}–{i.labels[-1]} " if len(i.values) > 1 else ""
            ind.add_row(
                Text(visible(i.name)),
                Text(span + sparkline(i.values)),
                Text(last),
                Text(i.trend or "–", style=style),
            )
        out.print(ind)
    out.print(
        Text(
            # The same words and counts as bfa check's summary, so the two never disagree.
            summary_line(s.due, s.files),
            style="bold red" if s.overdue else "bold",
        )
    )
