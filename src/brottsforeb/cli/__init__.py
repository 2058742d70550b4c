"""The command line: thin commands over the library. Only this package prints."""

from __future__ import annotations

import os
import sys

import typer

from .. import _startup
from . import _app

# bfa's models use no Pydantic plugins: without this, building the validators on first use
# scans every installed package's entry points for some (a tenth of `bfa validate`'s start).
_startup.no_pydantic_plugins()

TYPE_CHECKING = False
if TYPE_CHECKING:
    app: typer.Typer

__all__ = ["COMMANDS", "app", "main"]

#: Every command and the module that registers it, in the order `bfa --help` lists them
#: (the order a coordinator meets them). `bfa validate …` imports only cli/validate.py:
#: building the other commands' options is start-up time for nothing.
COMMANDS: dict[str, str] = {
    "init": "scaffold",
    "new": "scaffold",
    "validate": "validate",
    "check": "check",
    "status": "status",
    "set": "edit",
    "render": "render",
    "calendar": "calendar",
    "minutes": "minutes",
    "log": "minutes",
    "overview": "overview",
    "schema": "schema",
}


def _registered(names: list[str]) -> typer.Typer:
    """The application with (at least) the commands ``names`` registered."""
    import importlib

    for module in dict.fromkeys(COMMANDS[name] for name in names):
        importlib.import_module(f".{module}", __name__)
    order = list(COMMANDS)
    _app.app.registered_commands.sort(
        key=lambda c: order.index(c.name) if c.name in order else len(order)
    )
    return _app.app


def _for_args(args: list[str]) -> typer.Typer:
    """The application for a command line: only the named command's module when the
    first word is a command, every command otherwise (``--help``, a misspelt name)."""
    word = next((a for a in args if not a.startswith("-") or a == "--"), None)
    return _registered([word] if word in COMMANDS else list(COMMANDS))


def __getattr__(name: str) -> object:
    # ``app``: the whole application, every command registered (tests, docs).
    if name == "app":
        value = _registered(list(COMMANDS))
        globals()["app"] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"bfa {__version__}")
        raise typer.Exit()


@_app.app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", "-V", callback=_version, is_eager=True, help="Visa versionen."
    ),
) -> None:
    """bfa – kommunens brottsförebyggande arbete som kod."""


def main() -> None:
    """Entry point: run the app; every BfaError becomes a Swedish line and exit 2."""
    from ..errors import BfaError
    from ._streams import prepare_streams

    _startup.hold()  # until the first repository is loaded (see _startup)
    prepare_streams()
    # ``app`` once something asked for the whole application (it is then in globals)
    application: typer.Typer = globals().get("app") or _for_args(sys.argv[1:])
    try:
        application(standalone_mode=True)
    except BfaError as exc:
        from .._pii import shown

        sys.stderr.write(f"bfa: fel: {shown(exc.message)}\n")
        if exc.hint:
            sys.stderr.write(f"  → {shown(exc.hint)}\n")
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("bfa: avbrutet.\n")
        sys.exit(130)
    except SystemExit:
        raise
    except OSError as exc:  # the file system refused: the user's environment, not a bug
        from .._escape import one_line
        from .._io import os_reason
        from .._pii import mask

        where = f" {mask(one_line(exc.filename))}" if exc.filename else ""
        sys.stderr.write(
            f"bfa: fel: filen eller mappen{where} kan inte användas ({os_reason(exc)}).\n"
        )
        sys.stderr.write("  → Kontrollera sökvägen och behörigheterna.\n")
        sys.exit(2)
    except BaseException as exc:  # a bug in bfa (or a pyo3 PanicException,
        # a MemoryError, a RecursionError): still no traceback for the coordinator
        if os.environ.get("BFA_DEBUG"):
            raise
        from .._escape import one_line
        from .._pii import mask

        detail = mask(one_line(str(exc)))
        detail = detail if len(detail) <= 300 else detail[:300] + "…"
        sys.stderr.write(
            f"bfa: internt fel ({type(exc).__name__}: {detail}).\n"
            "  → Detta är ett fel i bfa, inte i dina filer. Kör med BFA_DEBUG=1 för detaljer "
            "och rapportera det.\n"
        )
        sys.exit(2)
