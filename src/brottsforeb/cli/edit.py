"""bfa set"""

from __future__ import annotations

from pathlib import Path

import typer

from ._common import EXIT_FINDINGS, PATH_ARG, command, console, print_findings_human


@command("set")
def set_cmd(
    entity: str = typer.Argument(
        ...,
        metavar="ENTITET",
        help="Filen att ändra: t.ex. atgarder/belysning, organ/styrgrupp, bara id:t, eller bfa.",
        show_default=False,
    ),
    field: str = typer.Argument(
        ...,
        metavar="FÄLT",
        help="Nyckeln: t.ex. status, möten.antal eller ledamöter[2] (listor räknas från 1).",
        show_default=False,
    ),
    value: str = typer.Argument(
        ...,
        metavar="VÄRDE",
        help="Det nya värdet, skrivet som i YAML: 3 är ett tal, 2026-05-01 ett datum.",
        show_default=False,
    ),
    path: Path = PATH_ARG,
    append: bool = typer.Option(
        False, "--append", "-a", help="Lägg till VÄRDE sist i listan FÄLT."
    ),
) -> None:
    """Ändra ett värde i en fil och låt allt annat stå kvar tecken för tecken.

    Kommentarer, ordning, citattecken och tomma rader ändras inte. Förrådet
    kontrolleras innan filen skrivs: en ändring som skulle ge ett nytt fel skrivs
    inte (felkod 1). Skrivningen är atomär.
    """
    from rich.text import Text

    from .._escape import one_line
    from .._pii import mask
    from ..edit import set_value
    from ..errors import InvalidEditError

    out = console()
    try:
        edit = set_value(path, entity, field, value, append=append)
    except InvalidEditError as exc:
        import sys

        sys.stderr.write(f"bfa: fel: {mask(one_line(exc.message))}\n")
        print_findings_human(exc.findings, 1)
        raise typer.Exit(EXIT_FINDINGS) from None
    edit.old, edit.new, value = (  # shown, never echoed raw to the terminal (#16)
        None if edit.old is None else mask(one_line(_shown(edit.old))),
        mask(one_line(_shown(edit.new))),
        mask(one_line(value)),
    )
    if not edit.changed:
        out.print(Text(f"{edit.file}: {edit.key} är redan {edit.new!s}; inget ändrat."))
        return
    if append:
        out.print(Text(f"{edit.file}: lade till {value} i {edit.key}.", style="green"))
    elif edit.old is None:
        out.print(Text(f"{edit.file}: {edit.key} = {edit.new!s} (ny nyckel).", style="green"))
    else:
        out.print(
            Text(f"{edit.file}: {edit.key} ändrat från {edit.old!s} till {edit.new!s}.", "green")
        )


def _shown(value: object) -> str:
    """A value as the user wrote it in YAML (flow style), never as a Python repr."""
    import datetime as dt

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return str(value)
