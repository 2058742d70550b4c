"""The command line: thin commands over the library. Only this package prints."""

from __future__ import annotations

import os
import sys

import typer

# bfa's models use no Pydantic plugins: without this, building the validators on first use
# scans every installed package's entry points for some (a tenth of `bfa validate`'s start).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from . import (  # noqa: F401 - registers the commands
    calendar,
    check,
    edit,
    minutes,
    overview,
    render,
    scaffold,
    schema,
    status,
    validate,
)
from ._app import app

__all__ = ["app", "main"]

#: The order `bfa --help` lists the commands in: the order a coordinator meets them.
ORDER = [
    "init",
    "new",
    "validate",
    "check",
    "status",
    "set",
    "render",
    "calendar",
    "minutes",
    "log",
    "overview",
    "schema",
]
app.registered_commands.sort(key=lambda c: ORDER.index(c.name) if c.name in ORDER else len(ORDER))


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"bfa {__version__}")
        raise typer.Exit()


@app.callback()
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

    prepare_streams()
    try:
        app(standalone_mode=True)
    except BfaError as exc:
        from ._say import error

        error(exc.message, exc.hint)
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        sys.stderr.write("bfa: avbrutet.\n")
        sys.exit(130)
    except SystemExit:
        raise
    except OSError as exc:  # the file system refused: the user's environment, not a bug
        from .._escape import one_line
        from .._io import os_reason
        from ._say import error

        where = f" {one_line(exc.filename)}" if exc.filename else ""
        error(
            f"filen eller mappen{where} kan inte användas ({os_reason(exc)}).",
            "Kontrollera sökvägen och behörigheterna.",
        )
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
