"""What every command shares: options, the terminal, exit codes."""

from __future__ import annotations

import datetime as dt
import functools
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, ParamSpec, TextIO

import typer

from ..findings import Finding, More, Severity, condense, exit_code_for, to_github, to_json

if TYPE_CHECKING:
    from rich.console import Console

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
P = ParamSpec("P")


class Format(StrEnum):
    human = "human"
    json = "json"
    github = "github"


PATH_ARG = typer.Argument(
    Path(),
    metavar="SÖKVÄG",
    help="Förrådets mapp (den som innehåller bfa.yaml). Standard: aktuell mapp.",
    show_default=False,
)
FORMAT_OPT = typer.Option(
    Format.human,
    "--format",
    "-f",
    help="Utdata: human (läsbar tabell), json (maskinläsbar) eller github (annoteringar i "
    "GitHub Actions).",
)
STRICT_OPT = typer.Option(False, "--strict", help="Varningar ger också felkod 1.")


#: Narrower than this, the tables of check and status have no room for their text.
MIN_COLUMNS = 60


def terminal_columns() -> int | None:
    """The width COLUMNS asks for, or None when it is unset or not a width.

    ``COLUMNS=abc`` was an internal error, ``COLUMNS=-5`` printed nothing at all and
    ``COLUMNS=1`` a table of empty cells: a width is a positive whole number, and
    below ``MIN_COLUMNS`` the tables get ``MIN_COLUMNS``.
    """
    raw = os.environ.get("COLUMNS", "").strip()
    if not raw.isdigit() or int(raw) == 0:
        return None
    return max(int(raw), MIN_COLUMNS)


def console(stderr: bool = False) -> Console:
    """The Rich console every human-readable table and line goes through.

    Whatever it prints has its control characters shown (``\\x1b``): a name, a file
    name or a commit message cannot recolour, retitle or clear the terminal, whichever
    command prints it (status printed a body's name raw). Rich's own styling is applied
    after this, from the segments' styles, so it is unaffected.
    """
    from rich.console import Console
    from rich.segment import Segment

    from .._escape import visible

    class _Console(Console):
        def render(self, renderable: Any, options: Any = None) -> Iterator[Segment]:
            for seg in super().render(renderable, options):
                if seg.control is None and seg.text:
                    safe = visible(seg.text)
                    if safe is not seg.text:
                        seg = Segment(safe, seg.style)
                yield seg

    width = terminal_columns()
    stream = sys.stderr if stderr else sys.stdout
    if width is None and not stream.isatty():
        width = 160  # logs (CI, pipes) are read wide; Rich would assume 80
    return _Console(stderr=stderr, highlight=False, soft_wrap=True, width=width)


STYLE = {Severity.ERROR: "bold red", Severity.WARNING: "yellow", Severity.INFO: "cyan"}


#: The metavar of every option that takes a date.
DATE = "ÅÅÅÅ-MM-DD"


def parse_today(value: str | None) -> dt.date:
    """The --today option: an ISO date, or the real date when not given."""
    return dt.date.today() if value is None else parse_date(value, "--today")


def parse_date(value: str, option: str) -> dt.date:
    """A date option (the library checks it); its error as a Swedish line and exit 2."""
    from ..errors import BfaError
    from ..model import given_date

    try:
        return given_date(value, option)
    except BfaError as exc:
        raise fail(exc.message, exc.hint, exc.exit_code) from None


def summary_line(findings: Sequence[Finding], files: int) -> str:
    n = {s: sum(1 for f in findings if f.severity is s) for s in Severity}
    parts = []
    if n[Severity.ERROR]:
        parts.append(f"{n[Severity.ERROR]} fel")
    if n[Severity.WARNING]:
        parts.append(f"{n[Severity.WARNING]} varning" + ("ar" if n[Severity.WARNING] > 1 else ""))
    if n[Severity.INFO]:
        parts.append(f"{n[Severity.INFO]} undantagna")
    checked = "1 fil kontrollerad" if files == 1 else f"{files} filer kontrollerade"
    if not parts:
        return f"Inga fel eller varningar. {checked}."
    return ", ".join(parts) + f". {checked}."


_ANSI = {"bold": "1", "dim": "2", "underline": "4", "red": "31", "green": "32", "yellow": "33"}
_ANSI["cyan"] = "36"


def _styler(stream: TextIO) -> Callable[[str, str], str]:
    """ANSI styles for a terminal (not with NO_COLOR, not in pipes and CI logs).

    The findings list is printed without Rich: `bfa validate` is run dozens of times a
    day and in hooks, and importing Rich would be a tenth of its start-up.
    """
    force = bool(os.environ.get("FORCE_COLOR"))
    if os.environ.get("NO_COLOR") or not (force or stream.isatty()):
        return lambda text, style: text

    def paint(text: str, style: str) -> str:
        codes = ";".join(_ANSI[s] for s in style.split() if s in _ANSI)
        return f"\x1b[{codes}m{text}\x1b[0m" if codes and text else text

    return paint


def print_findings_human(findings: Sequence[Finding], files: int, title: str = "") -> None:
    out = sys.stdout
    paint = _styler(out)
    lines = []
    if title:
        from .._pii import shown

        lines.append(paint(shown(title), "bold"))  # the path as given: no escapes, no number
    current = None
    # at most KEEP_PER_GROUP of one rule in one file, then the rest counted: a file of
    # 70 000 unknown keys printed 140 000 lines (the summary still counts every finding)
    for f in condense(sorted(findings, key=Finding.sort_key), command="validate"):
        if isinstance(f, More):
            severity = paint(f"{f.severity.value:<8}", STYLE[f.severity])
            lines.append(f"  {'…':>7}  {severity}{f.message}")
            continue
        if f.file != current:
            current = f.file
            lines.append(paint(f.file or "(förrådet som helhet)", "bold underline"))
        pos = f"{f.line}:{f.column}" if f.line else "–"
        severity = paint(f"{f.severity.value:<8}", STYLE[f.severity])
        lines.append(f"  {pos:>7}  {severity}{f.message}  {paint(f'[{f.rule}]', 'dim')}")
        if f.hint:
            lines.append(paint("           → " + f.hint, "dim"))
    style = "bold red" if any(f.severity is Severity.ERROR for f in findings) else "bold green"
    lines.append(paint(summary_line(findings, files), style))
    out.write("\n".join(lines) + "\n")
    out.flush()


def emit_findings(
    findings: Sequence[Finding],
    fmt: Format,
    *,
    files: int,
    strict: bool,
    title: str = "",
    **extra: object,
) -> int:
    if fmt is Format.json:
        typer.echo(to_json(findings, **extra, files=files))
    elif fmt is Format.github:
        text = to_github(findings)
        if text:
            typer.echo(text)
        typer.echo(summary_line(findings, files))
    else:
        print_findings_human(findings, files, title)
    return exit_code_for(findings, strict=strict)


#: Option spellings of earlier releases, kept working for one release but not shown in
#: the help: command → {old: new}. An empty new name means the value is the command's
#: positional SÖKVÄG (every command takes the repository as its last positional argument).
OLD_SPELLINGS: dict[str, dict[str, str]] = {
    "set": {"--lägg-till": "--append", "--sökväg": "", "--sokvag": "", "-C": ""},
    "render": {"--år": "--year"},
    "new": {"--typ": "--type", "--datum": "--date"},
}


def respell(command: str, args: Sequence[str]) -> tuple[list[str], list[str]]:
    """``args`` with old option spellings replaced; and a note per replacement.

    Options are English (``--year``, ``--append``); the Swedish spellings of earlier
    releases still work, with a note, until the next release.
    """
    table = OLD_SPELLINGS.get(command, {})
    out: list[str] = []
    trailing: list[str] = []
    notes: list[str] = []
    items = list(args)
    i = 0
    while i < len(items):
        arg = items[i]
        if arg == "--":
            out += items[i:]
            break
        name, eq, value = arg.partition("=")
        if name in table:
            new = table[name]
            shown = new or "SÖKVÄG (sist, utan flagga)"
            notes.append(
                f"'{name}' heter nu {shown}; den gamla stavningen tas bort i nästa version."
            )
            if new:
                out.append(new + eq + value)
            elif eq:
                trailing.append(value)
            elif i + 1 < len(items):
                trailing.append(items[i + 1])
                i += 1
        else:
            out.append(arg)
        i += 1
    return out + trailing, notes


def _short_help(doc: str | None) -> str | None:
    """The command's first sentence, whole: `bfa --help` lists it without "…" cuts."""
    if not doc:
        return None
    first = " ".join(doc.strip().split("\n\n")[0].split())
    end = first.find(". ")
    return first if end < 0 else first[: end + 1]


@functools.cache
def _command_class() -> type:
    from typer.core import TyperCommand

    class BfaCommand(TyperCommand):
        """A Typer command that accepts the old option spellings of ``OLD_SPELLINGS``."""

        def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
            args, notes = respell(self.name or "", args)
            for note in notes:
                sys.stderr.write(f"bfa: obs: {note}\n")
            result: list[str] = super().parse_args(ctx, args)
            return result

    return BfaCommand


#: Every registered command and the module (under cli/) that registered it; checked
#: against ``cli.COMMANDS``, the table `bfa NAME` imports only that module by.
REGISTERED: dict[str, str] = {}


def command(name: str) -> Callable[[Callable[P, None]], Callable[P, None]]:
    """Register a command; library errors become a Swedish line on stderr and exit 2."""
    from ._app import app

    def wrap(fn: Callable[P, None]) -> Callable[P, None]:
        @functools.wraps(fn)
        def run(*args: P.args, **kwargs: P.kwargs) -> None:
            from ..errors import BfaError

            try:
                fn(*args, **kwargs)
            except BfaError as exc:
                raise fail(exc.message, exc.hint, exc.exit_code) from None

        app.command(name, cls=_command_class(), short_help=_short_help(fn.__doc__))(run)
        REGISTERED[name] = fn.__module__.rpartition(".")[2]
        return run

    return wrap


def fail(message: str, hint: str | None = None, code: int = EXIT_USAGE) -> typer.Exit:
    """Print a one-line Swedish error to stderr and return the Exit to raise."""
    from .._pii import shown

    sys.stderr.write(f"bfa: fel: {shown(message)}\n")
    if hint:
        sys.stderr.write(f"  → {shown(hint)}\n")
    return typer.Exit(code)
