"""bfa validate"""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import FORMAT_OPT, PATH_ARG, STRICT_OPT, Format, command, emit_findings


@command("validate")
def validate_cmd(
    path: Path = PATH_ARG,
    fmt: Format = FORMAT_OPT,
    strict: bool = STRICT_OPT,
) -> None:
    """Kontrollera förrådets filer: YAML, schema, hänvisningar, lagens krav och Brås råd.

    Felkoder: 0 inga fel, 1 fel (eller varningar med --strict), 2 inget bfa-förråd.
    """
    from .. import load_repo, validate

    repo = load_repo(path)
    findings = validate(repo)
    files = repo.file_count
    raise typer.Exit(
        emit_findings(
            findings,
            fmt,
            files=files,
            strict=strict,
            title=f"bfa validate {repo.root}" if fmt is Format.human else "",
            command="validate",
            root=str(repo.root),
        )
    )
