"""bfa validate"""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import FORMAT_OPT, STRICT_OPT, Format, command, emit_findings


@command("validate")
def validate_cmd(
    paths: list[Path] | None = typer.Argument(
        None,
        metavar="SÖKVÄG...",
        help="Förrådets mapp (den som innehåller bfa.yaml), flera förråd, eller en mapp vars "
        "undermappar är förråd. Standard: aktuell mapp.",
        show_default=False,
    ),
    fmt: Format = FORMAT_OPT,
    strict: bool = STRICT_OPT,
    jobs: int | None = typer.Option(
        None,
        "--jobs",
        "-j",
        min=1,
        help="Antal processer när flera förråd kontrolleras. Standard: alla kärnor.",
    ),
) -> None:
    """Kontrollera förrådets filer: YAML, schema, hänvisningar, lagens krav och Brås råd.

    Med flera förråd (t.ex. alla kommuner i ett län) kontrolleras de parallellt och
    redovisas i en gemensam rapport, där varje fil har förrådets mapp framför sig.

    Felkoder: 0 inga fel, 1 fel (eller varningar med --strict), 2 inget bfa-förråd.
    """
    from ..batch import validate_paths

    report = validate_paths(paths or [Path()], jobs)
    raise typer.Exit(
        emit_findings(
            report.findings,
            fmt,
            files=report.files,
            strict=strict,
            title=report.title if fmt is Format.human else "",
            command="validate",
            **report.fields(),
        )
    )
