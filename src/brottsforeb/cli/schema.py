"""bfa schema"""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import command


@command("schema")
def schema_cmd(
    out: Path = typer.Option(
        Path("scheman"), "--out", "-o", help="Mappen som schemafilerna skrivs till."
    ),
) -> None:
    """Skriv JSON Schema för varje filsort (för VS Code:s YAML-tillägg)."""
    from ..schema import write_schemas

    for path in write_schemas(out):
        typer.echo(f"skrev {path}")
