"""bfa calendar"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from ._common import PATH_ARG, command, fail, parse_today


@command("calendar")
def calendar_cmd(
    path: Path = PATH_ARG,
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Filen att skriva (.ics). Utan -o skrivs kalendern till standard ut.",
    ),
    today: str | None = typer.Option(
        None, "--today", metavar="ÅÅÅÅ-MM-DD", help="Räkna från detta datum. Standard: i dag."
    ),
    force: bool = typer.Option(False, "--force", help="Skriv över en fil som inte är från bfa."),
    meeting: list[str] | None = typer.Option(
        None,
        "--meeting",
        metavar="MÖTE",
        help="Skriv en inbjudan till ett enda möte: mötesfilen, id:t eller organ och datum "
        "(--meeting styrgrupp --meeting 2026-03-10 eller --meeting 2026-03-10-styrgrupp). "
        "Ledamöternas e-postadresser blir deltagare där de finns.",
    ),
) -> None:
    """Skriv en iCalendar-fil (.ics) med planerade möten och tidsfrister.

    Filen kan importeras i Outlook och Google Kalender. Planerade möten är mötesfiler i
    moten/ med ett datum från i dag och framåt; fristerna är desamma som bfa check visar.
    """
    from .. import load_repo
    from .._io import write_output
    from .._pii import shown
    from ..calendar import PRODID, calendar_ics, meeting_ics, unreachable
    from ..render import repository_errors

    words = [w for part in meeting or [] for w in part.split()]
    if words and today is not None:  # an invitation is the meeting's own day, whenever sent
        raise fail(
            "--today gäller inte --meeting: en inbjudan gäller mötets egen dag.",
            "Ta bort --today, eller --meeting för hela kalendern från --today.",
        )
    if path == Path() and len(words) == 1 and Path(words[0]).is_file():
        path = Path(words[0]).resolve().parent
    repo = load_repo(path)
    errors = repository_errors(repo)
    if errors:  # a meeting file with an error would be missing from the calendar
        for line in errors:
            sys.stderr.write(f"  {line}\n")
        raise fail(
            f"Förrådet har {len(errors)} fel; ingen kalender skrivs.",
            "Rätta felen (se bfa validate): en mötesfil med fel kommer annars inte med.",
            code=1,
        )
    data = meeting_ics(repo, words) if words else calendar_ics(repo, parse_today(today))
    if words:
        missing, invited = unreachable(repo, words)
        if missing:
            sys.stderr.write(
                shown(
                    f"obs: {len(missing)} av {invited} kallade saknar e-post och kommer inte med "
                    f"som deltagare: {', '.join(missing)}. Fyll i innehavare.e_post i "
                    "funktionernas filer."
                )
                + "\n"
            )
    if out is None:
        sys.stdout.buffer.write(data)
        return
    write_output(out, data, marker=PRODID.encode(), force=force)
    typer.echo(f"skrev {out}", err=True)
