"""bfa minutes, bfa log"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Any

import typer

from ._common import PATH_ARG, command, console


class MinutesFormat(StrEnum):
    human = "human"
    md = "md"
    json = "json"


@command("minutes")
def minutes_cmd(
    path: Path = PATH_ARG,
    since: str | None = typer.Option(
        None,
        "--since",
        metavar="REV",
        help="Från denna "
        "revision (commit, tagg, HEAD~3). Standard: senaste "
        "taggen, annars första incheckningen.",
    ),
    until: str | None = typer.Option(
        None,
        "--until",
        metavar="REV",
        help="Till denna revision. Standard: arbetskopian, med ej incheckade ändringar.",
    ),
    fmt: MinutesFormat = typer.Option(
        MinutesFormat.human, "--format", "-f", help="human, md (Markdown) eller json."
    ),
    out: Path | None = typer.Option(None, "--out", "-o", help="Skriv till fil."),
    force: bool = typer.Option(False, "--force", help="Skriv över en fil som inte är från bfa."),
) -> None:
    """Beskriv vad som ändrats i förrådet, i svenska meningar med vem som ändrade och när."""
    from ..history import human_lines, minutes, render_minutes, write_minutes

    m = minutes(path, since, until)
    if out is not None:
        write_minutes(m, out, fmt.value, force=force)
    elif fmt is MinutesFormat.human:
        from rich.text import Text

        term = console()
        for text, kind in human_lines(m):
            term.print(Text(text, style=_STYLE.get(kind, "")))
    else:
        sys.stdout.write(render_minutes(m, fmt.value))


_STYLE = {"title": "bold", "heading": "bold underline", "by": "dim", "problem": "yellow"}


@command("log")
def log_cmd(
    entity: str = typer.Argument(
        ..., metavar="ENTITET", help="T.ex. organ/styrgrupp eller styrgrupp."
    ),
    path: Path = PATH_ARG,
) -> None:
    """Visa historiken för ett organ, en funktion, ett dokument eller en åtgärd."""
    from rich.text import Text

    from ..history import entity_log, log_lines

    term = console()
    bar = _Progress()
    history = entity_log(path, entity, progress=bar.update)
    bar.close()
    for text, kind in log_lines(history):
        term.print(Text(text, style=_STYLE.get(kind, "")))


class _Progress:
    """A progress bar on stderr, shown only when the walk is long and stderr is a terminal."""

    LONG = 25

    def __init__(self) -> None:
        self.bar: Any = None
        self.task: Any = None

    def update(self, done: int, total: int) -> None:
        if self.bar is None:
            if total < self.LONG or not sys.stderr.isatty():
                return
            from rich.progress import Progress

            self.bar = Progress(console=console(stderr=True), transient=True)
            self.bar.start()
            self.task = self.bar.add_task("Läser historiken", total=total)
        self.bar.update(self.task, completed=done)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
