"""bfa init and bfa new"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import typer

from ._common import command, console


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
    install_from: str = typer.Option(
        "auto",
        "--install-from",
        metavar="KÄLLA",
        help="Hur kommunens CI installerar bfa: pypi (paketindexet), en git-adress "
        "(git+https://…@v0.1.0) eller sökvägen till en .whl-fil som kopieras till .bfa/. "
        "Standard (auto): samma väg som denna bfa installerades. Står i .bfa/requirements.txt.",
    ),
    collaboration: bool = typer.Option(
        False,
        "--collaboration",
        help="Förråd för en samverkan mellan kommuner (slag: samverkan) i stället för en kommun; "
        "kommunernas förråd hänvisar hit med ingår_i_samverkan:.",
    ),
    members: list[str] | None = typer.Option(
        None,
        "--member",
        metavar="KOMMUN",
        help='Med --collaboration: en medlemskommun, t.ex. "Sorsele kommun" (upprepas).',
        show_default=False,
    ),
    police_area: str | None = typer.Option(
        None,
        "--police-area",
        metavar="NAMN",
        help="Med --collaboration: lokalpolisområdet samverkan hör till.",
        show_default=False,
    ),
) -> None:
    """Skapa ett nytt förråd för kommunen: en minsta giltig grund enligt Brås struktur.

    Skriver bfa.yaml, styrgrupp, beredningsgrupp, samordnare och kommunpolis, en
    lägesbild och en samverkansöverenskommelse att fylla i, CI för GitHub och
    GitLab, pre-commit och inställningar för VS Code. Kör git init om mappen inte
    redan ligger i ett git-förråd. Skriver aldrig över något som finns.
    """
    from rich.text import Text

    from ..scaffold import PLACEHOLDER, REQUIREMENTS, first_steps, init_repo

    created = init_repo(
        path,
        name,
        install_from=install_from,
        collaboration=collaboration,
        members=members or [],
        police_area=police_area,
    )
    out = console()
    out.print(Text(f"Skapade ett bfa-förråd för {name.strip()} i {created.root}:", style="bold"))
    for rel in created.files:
        if not rel.startswith("scheman/"):
            out.print(Text(f"  {rel}"))
    out.print(Text("  scheman/ (JSON Schema för redigeraren)"))
    if created.git_initialised:
        out.print(Text("Körde git init."))
    elif created.git_root is not None:
        out.print(
            Text(
                f"Mappen ligger redan i git-förrådet {created.git_root}; filerna hör till det "
                "(inget nytt förråd inuti, så att historiken finns på ett ställe)."
            )
        )
        if created.git_root != Path(os.path.realpath(created.root)):
            out.print(
                Text(
                    "GitHub och GitLab läser CI-filerna bara i förrådets rot: flytta "
                    ".github/workflows/bfa.yml och .gitlab-ci.yml dit (jobben går redan in "
                    "i den här mappen).",
                    "yellow",
                )
            )
    elif created.git_missing:
        out.print(Text("git hittades inte; installera git och kör git init i mappen.", "yellow"))
    if created.install is not None:
        out.print(Text(f"CI installerar bfa med: {created.install.requirement} ({REQUIREMENTS})"))
        if created.install.note:
            out.print(Text(created.install.note, "yellow"))
    out.print(
        Text(
            "\nDet första att skriva in (punkt 1–3 är lagens krav; tills de finns är bfa check "
            "rött. Punkt 4 är inget krav i lagen):"
        )
    )
    out.print(Text(f"  cd {path}"))
    for i, (what, commands) in enumerate(first_steps(name.strip(), dt.date.today()), 1):
        out.print(Text(f"{i}. {what}"))
        for c in commands:
            out.print(Text(f"     {c}"))
    out.print(
        Text(
            f"\nSkriv sedan om texterna som börjar med '{PLACEHOLDER}' (bfa validate visar "
            "var), och checka in:\n  bfa validate\n  git add . && git commit -m 'Första versionen'"
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
        "--type",
        "-t",
        metavar="TYP",
        help="Slag inom slaget, t.ex. arbetsgrupp för organ eller åtgärdsplan för dokument.",
    ),
    eid: str | None = typer.Option(
        None, "--id", metavar="ID", help="Id (filnamn) i stället för det som bildas av namnet."
    ),
    date: str | None = typer.Option(
        None, "--date", metavar="ÅÅÅÅ-MM-DD", help="Mötesdatum (för mote). Standard: i dag."
    ),
) -> None:
    """Skapa en ny fil från en mall med de nycklar som krävs och korta kommentarer.

    Id:t bildas av namnet: små bokstäver, å→a, ä→a, ö→o, é→e. För möten fylls
    organets ledamöter i som väntade deltagare och förra mötets öppna
    åtgärdspunkter förs över. Skriver aldrig över en fil som finns.
    """
    from rich.text import Text

    from ..scaffold import new

    created = new(path, kind, name, typ=typ, eid=eid, date=date)
    rel = created.files[0]
    out = console()
    out.print(Text(f"Skapade {rel}", style="bold green"))
    out.print(Text(f"Fyll i filen och kör bfa validate. ({created.root / rel})", style="dim"))
