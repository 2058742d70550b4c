"""bfa check"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path

import typer

from ..findings import Finding, More, Severity, condense, exit_code_for
from ._common import (
    FORMAT_OPT,
    PATH_ARG,
    STRICT_OPT,
    STYLE,
    Format,
    command,
    console,
    emit_findings,
    parse_today,
    summary_line,
)


def _table(findings: Sequence[Finding], today: dt.date, files: int) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not findings:
        out.print(
            Text(
                f"Inget är försenat eller förfaller inom horisonten ({today}).", style="bold green"
            )
        )
        out.print(summary_line(findings, files))
        return
    table = Table(title=f"bfa check – läget {today.isoformat()}", title_justify="left")
    table.add_column("Förfaller", no_wrap=True, min_width=10)
    table.add_column("Dagar", justify="right", no_wrap=True, min_width=8)
    table.add_column("Nivå", no_wrap=True, min_width=7)
    table.add_column("Vad", min_width=30, ratio=3)
    table.add_column("Regel", min_width=12, ratio=1, overflow="fold")
    table.add_column("Var", min_width=16, ratio=1, overflow="fold")
    for f in condense(findings):
        if isinstance(f, More):
            table.add_row(
                Text("…"),
                Text(""),
                Text(f.severity.value, style=STYLE[f.severity]),
                Text(f.message),
                Text(f.rule, style="dim"),
                Text(f.file),
            )
            continue
        n = f.days_left(today)
        days = "" if n is None else f"{-n} över" if n < 0 else f"{n} kvar"
        table.add_row(
            Text(f.due or "–"),
            Text(days),
            Text(f.severity.value, style=STYLE[f.severity]),
            Text.assemble(f.message, (f"\n→ {f.hint}", "dim") if f.hint else ""),
            Text(f.rule, style="dim"),
            Text(f.location),
        )
    out.print(table)
    style = "bold red" if any(f.severity is Severity.ERROR for f in findings) else "bold"
    out.print(Text(summary_line(findings, files), style=style))


@command("check")
def check_cmd(
    path: Path = PATH_ARG,
    today: str | None = typer.Option(
        None,
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Räkna som om det vore detta datum (för reproducerbara körningar i CI). "
        "Standard: dagens datum.",
    ),
    horizon: int = typer.Option(
        90,
        "--horizon",
        min=0,
        metavar="DAGAR",
        help="Varna för det som förfaller inom så många dagar.",
    ),
    fmt: Format = FORMAT_OPT,
    strict: bool = STRICT_OPT,
) -> None:
    """Bevaka tidsfrister: revideringar, lägesbilder, mötesfrekvens, uppföljning och åtgärder.

    Felkoder: 0 inget försenat, 1 något är försenat (eller förfaller snart med --strict),
    2 inget bfa-förråd eller felaktiga argument.
    """
    from .. import check, load_repo

    day = parse_today(today)
    repo = load_repo(path)
    findings = check(repo, day, horizon)
    files = repo.file_count
    if fmt is Format.human:
        _table(findings, day, files)
        raise typer.Exit(exit_code_for(findings, strict=strict))
    raise typer.Exit(
        emit_findings(
            findings,
            fmt,
            files=files,
            strict=strict,
            command="check",
            root=str(repo.root),
            today=day.isoformat(),
        )
    )
