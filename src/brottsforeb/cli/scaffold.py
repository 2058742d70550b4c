"""bfa init and bfa new"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import typer

from ._common import checked_date, command, console, fail


@command("init")
def init_cmd(
    path: Path = typer.Argument(
        Path("."),
        metavar="MAPP",
        help="Mappen för det nya förrådet (skapas om den inte finns). Standard: aktuell mapp.",
        show_default=False,
    ),
    name: str = typer.Option(
        ..., "--name", "-n", help='Kommunens namn, t.ex. "Testby kommun".', show_default=False
    ),
) -> None:
    """Skapa ett nytt förråd för kommunen: en minsta giltig grund enligt Brås struktur.

    Skriver bfa.yaml, styrgrupp, beredningsgrupp, samordnare och kommunpolis, en
    lägesbild och en samverkansöverenskommelse att fylla i, CI för GitHub och
    GitLab, pre-commit och inställningar för VS Code. Kör git init om mappen inte
    redan ligger i ett git-förråd. Skriver aldrig över något som finns.
    """
    from rich.text import Text

    from ..scaffold import PLACEHOLDER, init_repo

    created = init_repo(path, name)
    out = console()
    out.print(Text(f"Skapade ett bfa-förråd för {name.strip()} i {created.root}:", style="bold"))
    for rel in created.files:
        if not rel.startswith("scheman/"):
            out.print(Text(f"  {rel}"))
    out.print(Text("  scheman/ (JSON Schema för redigeraren)"))
    if created.git_initialised:
        out.print(Text("Körde git init."))
    elif not (created.root / ".git").exists():
        out.print(Text("git hittades inte; installera git och kör git init i mappen.", "yellow"))
    out.print(
        Text(
            f"\nNästa steg: skriv om texterna som börjar med '{PLACEHOLDER}' "
            "(bfa validate visar var), och checka in:\n"
            f"  cd {path}\n  bfa validate\n  git add . && git commit -m 'Första versionen'"
        )
    )


@command("new")
def new_cmd(
    kind: str = typer.Argument(
        ...,
        metavar="SLAG",
        help="funktion, aktor, organ, dokument, lagesbild, atgard, indikator eller mote.",
        show_default=False,
    ),
    name: str = typer.Argument(
        ...,
        metavar="NAMN",
        help="Namnet (inom citattecken om det har mellanslag). För mote: organets id.",
        show_default=False,
    ),
    path: Path = typer.Argument(
        Path("."), metavar="SÖKVÄG", help="Förrådets mapp.", show_default=False
    ),
    typ: str | None = typer.Option(
        None,
        "--typ",
        "-t",
        help="Slag inom slaget, t.ex. arbetsgrupp för organ eller åtgärdsplan för dokument.",
    ),
    eid: str | None = typer.Option(
        None, "--id", help="Id (filnamn) i stället för det som bildas av namnet."
    ),
    date: str | None = typer.Option(
        None, "--date", "--datum", help="Mötesdatum ÅÅÅÅ-MM-DD (för mote). Standard: i dag."
    ),
) -> None:
    """Skapa en ny fil från en mall med de nycklar som krävs och korta kommentarer.

    Id:t bildas av namnet: små bokstäver, å→a, ä→a, ö→o, é→e. För möten fylls
    organets ledamöter i som väntade deltagare och förra mötets öppna
    åtgärdspunkter förs över. Skriver aldrig över en fil som finns.
    """
    from rich.text import Text

    from ..model import kind_by_name
    from ..scaffold import new_entity, new_meeting

    k = kind_by_name(kind)
    if k is not None and k.folder == "moten":
        when = dt.date.today()
        if date is not None:
            try:
                when = dt.date.fromisoformat(date)
            except ValueError:
                raise fail(f"'{date}' är inget giltigt datum.", "Skriv ÅÅÅÅ-MM-DD.") from None
            when = checked_date(when, "--date")
        created = new_meeting(path, name, when)
    else:
        if date is not None:
            raise fail("--date gäller bara bfa new mote.")
        created = new_entity(path, kind, name, typ=typ, eid=eid)
    rel = created.files[0]
    out = console()
    out.print(Text(f"Skapade {rel}", style="bold green"))
    out.print(Text(f"Fyll i filen och kör bfa validate. ({created.root / rel})", style="dim"))
