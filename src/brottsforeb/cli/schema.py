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
    force: bool = typer.Option(
        False, "--force", help="Skriv över en fil som inte är skriven av bfa."
    ),
) -> None:
    """Skriv JSON Schema för varje filsort (för VS Code:s YAML-tillägg)."""
    from ..schema import write_schemas

    for path in write_schemas(out, force=force):
        typer.echo(f"skrev {path}")
