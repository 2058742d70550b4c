"""bfa calendar"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ._common import PATH_ARG, command, parse_today


@command("calendar")
def calendar_cmd(
    path: Path = PATH_ARG,
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Filen att skriva (.ics). Utan -o skrivs kalendern till standard ut.",
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="ÅÅÅÅ-MM-DD", help="Räkna från detta datum. Standard: i dag."
    ),
    force: bool = typer.Option(False, "--force", help="Skriv över en fil som inte är från bfa."),
) -> None:
    """Skriv en iCalendar-fil (.ics) med planerade möten och tidsfrister.

    Filen kan importeras i Outlook och Google Kalender. Planerade möten är mötesfiler i
    moten/ med ett datum från i dag och framåt; fristerna är desamma som bfa check visar.
    """
    from .. import load_repo
    from .._io import write_output
    from ..calendar import PRODID, calendar_ics

    day = parse_today(today)
    data = calendar_ics(load_repo(path), day)
    if out is None:
        sys.stdout.buffer.write(data)
        return
    write_output(out, data, marker=PRODID.encode(), force=force)
    typer.echo(f"skrev {out}")
