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
    from ..batch import expand

    given = paths or [Path()]
    roots = expand(given)
    if len(roots) == 1:
        from .. import load_repo, validate

        repo = load_repo(roots[0])
        raise typer.Exit(
            emit_findings(
                validate(repo),
                fmt,
                files=repo.file_count,
                strict=strict,
                title=f"bfa validate {repo.root}" if fmt is Format.human else "",
                command="validate",
                root=str(repo.root),
            )
        )
    from ..batch import validate_many

    results = validate_many(roots, jobs)
    findings = [f for r in results for f in r.findings]
    files = sum(r.files for r in results)
    with_errors = sum(1 for r in results if any(f.severity.value == "fel" for f in r.findings))
    raise typer.Exit(
        emit_findings(
            findings,
            fmt,
            files=files,
            strict=strict,
            title=f"bfa validate: {len(results)} förråd, {with_errors} med fel"
            if fmt is Format.human
            else "",
            command="validate",
            root=str(Path(*_common_root(results))),
            repositories=[
                {"label": r.label, "root": str(r.root), "files": r.files} for r in results
            ],
        )
    )


def _common_root(results: list) -> tuple[str, ...]:  # type: ignore[type-arg]
    import os

    return (os.path.commonpath([str(r.root) for r in results]),)
