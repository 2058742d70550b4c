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
    value: str | None = typer.Argument(
        None,
        metavar="VÄRDE",
        help="Det nya värdet, skrivet som i YAML: 3 är ett tal, 2026-05-01 ett datum, "
        '"[a, b]" en hel lista och "{antal: 4, per: år}" en mappning. Med --remove: värdet '
        "som ska bort ur listan (utelämnas när FÄLT pekar ut platsen, t.ex. ledamöter[2]).",
        show_default=False,
    ),
    path: Path = PATH_ARG,
    append: bool = typer.Option(
        False, "--append", "-a", help="Lägg till VÄRDE sist i listan FÄLT."
    ),
    remove: bool = typer.Option(
        False,
        "--remove",
        "-r",
        help="Ta bort VÄRDE ur listan FÄLT; utan VÄRDE tas FÄLT självt bort "
        "(ledamöter[2] eller en nyckel).",
    ),
) -> None:
    """Ändra ett värde i en fil och låt allt annat stå kvar tecken för tecken.

    Kommentarer, ordning, citattecken och tomma rader ändras inte; en ny nyckel
    tar platsen för mallens bortkommenterade rad (# datum: ÅÅÅÅ-MM-DD). Förrådet
    kontrolleras innan filen skrivs: en ändring som skulle ge ett nytt fel skrivs
    inte (felkod 1). Skrivningen är atomär.
    """
    from rich.text import Text

    from .._escape import one_line
    from .._pii import mask
    from ..edit import set_value
    from ..errors import InvalidEditError
    from ._common import fail

    if append and remove:
        raise fail("Välj --append eller --remove, inte båda.")
    if value is None and not remove:
        raise fail(
            f"Ange det nya värdet för '{field}'.",
            "Skriv t.ex. bfa set organ/styrgrupp möten.antal 4, eller --remove för att ta bort.",
        )
    out = console()
    try:
        edit = set_value(path, entity, field, value, append=append, remove=remove)
    except InvalidEditError as exc:
        import sys

        sys.stderr.write(f"bfa: fel: {mask(one_line(exc.message))}\n")
        print_findings_human(exc.findings, 1)
        raise typer.Exit(EXIT_FINDINGS) from None
    out.print(Text(edit.summary(), style="green" if edit.changed else ""))
