"""bfa overview"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ._common import command, fail, parse_today


class OverviewFormat(StrEnum):
    md = "md"
    csv = "csv"
    json = "json"
    pdf = "pdf"


@command("overview")
def overview_cmd(
    paths: list[Path] | None = typer.Argument(
        None,
        metavar="MAPP...",
        help="Förråd, eller mappar som innehåller förråd på valfritt djup (t.ex. ett läns "
        "alla kommuner). Standard: aktuell mapp.",
        show_default=False,
    ),
    fmt: OverviewFormat = typer.Option(
        OverviewFormat.md,
        "--format",
        "-f",
        help="md (Markdown, standard), csv (kalkylblad), json (se docs/json.md) eller pdf.",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Fil att skriva. Utan -o skrivs md, csv och json till standard ut och pdf "
        "till oversikt.pdf.",
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Räkna fristerna från detta datum. Standard: i dag.",
    ),
    horizon: int = typer.Option(
        90,
        "--horizon",
        min=0,
        metavar="DAGAR",
        help="Dagar framåt som räknas som 'förfaller snart'.",
    ),
    jobs: int | None = typer.Option(
        None, "--jobs", "-j", min=1, help="Antal processer. Standard: alla kärnor."
    ),
    force: bool = typer.Option(
        False, "--force", help="Skriv över en fil som inte är skriven av bfa."
    ),
) -> None:
    """Länsöversikt: en rad per kommun med beslutad åtgärdsplan, lägesbild,
    samordningsfunktion, ledning och det som är försenat.

    Hittar förråden på valfritt djup under mapparna och läser dem parallellt. Försenat
    räknas med samma regler som bfa check. Felkod 0 även när något är försenat (använd
    bfa check i varje kommuns CI); 2 om inget förråd hittas.
    """
    from .. import overview as ov_mod
    from .._io import write_output

    ov = ov_mod.overview(paths or [Path()], parse_today(today), jobs=jobs, horizon_days=horizon)
    if not ov.rows:
        raise fail("Inga bfa-förråd hittades.", "Ange mappar som innehåller bfa.yaml.")
    if fmt is OverviewFormat.pdf:
        target = out or Path("oversikt.pdf")
        write_output(target, ov_mod.to_pdf(ov), marker=b"bfa-rendering", force=force)
        typer.echo(f"skrev {target}", err=True)
        return
    text = {
        OverviewFormat.md: ov_mod.to_markdown,
        OverviewFormat.csv: ov_mod.to_csv,
        OverviewFormat.json: ov_mod.to_json,
    }[fmt](ov)
    if fmt is OverviewFormat.json:
        text += "\n"
    if out is None:
        sys.stdout.write(text)
        return
    write_output(out, text.encode("utf-8"), marker=_marker(fmt), force=force)
    typer.echo(f"skrev {out}", err=True)


def _marker(fmt: OverviewFormat) -> bytes:
    # write_output refuses to overwrite a file without bfa's mark; each format carries one
    return {
        OverviewFormat.md: "Länsöversikt".encode(),
        OverviewFormat.csv: b"mapp,kommun,kommunkod",
        OverviewFormat.json: b'"command": "overview"',
    }[fmt]
