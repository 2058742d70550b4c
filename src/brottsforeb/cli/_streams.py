"""The terminal's encoding: åäö everywhere, and no crash on a character it lacks.

Windows consoles and pipes often use cp1252 (ANSI) or cp850 (OEM, what PowerShell and
cmd decode a program's output with). Python writes to a real console as UTF-16 and needs
nothing; but piped or with PYTHONIOENCODING, characters such as – → • ▁ do not exist
in those code pages and ``print`` raised UnicodeEncodeError. Here every such character
becomes its nearest ASCII form (– → -, → → ->), and åäö stay what they are.
"""

from __future__ import annotations

import codecs
import io
import os
import sys
import unicodedata

__all__ = ["ERRORS", "console_encoding", "prepare_streams"]

#: The codec error handler bfa's output streams use.
ERRORS = "bfa-ascii"

_ASCII = {
    "–": "-",
    "—": "-",
    "−": "-",
    "→": "->",
    "←": "<-",
    "↑": "^",
    "↓": "v",
    "•": "*",
    "·": ".",
    "”": '"',
    "“": '"',
    "„": '"',
    "’": "'",
    "‘": "'",
    "…": "...",
    "✓": "OK",
    "✔": "OK",
    "✗": "X",
    "×": "x",
    "≥": ">=",
    "≤": "<=",
    "\u00a0": " ",
    "\u2009": " ",
    "\u202f": " ",
    **dict(zip("▁▂▃▄▅▆▇█", "_.:-=+*#", strict=True)),
}


def _replace(err: UnicodeError) -> tuple[str, int]:
    if not isinstance(err, UnicodeEncodeError):
        raise err
    out = []
    for ch in err.object[err.start : err.end]:
        rep = _ASCII.get(ch)
        if rep is None:
            base = unicodedata.normalize("NFKD", ch)
            rep = "".join(c for c in base if not unicodedata.combining(c))
        try:
            rep.encode(err.encoding)
        except (UnicodeError, LookupError):
            rep = "?"
        out.append(rep or "?")
    return "".join(out), err.end


codecs.register_error(ERRORS, _replace)


def console_encoding(
    current: str, *, console_cp: int, utf8_mode: bool, ioencoding_set: bool
) -> str | None:
    """The encoding a redirected stream should use on Windows, or None to keep ``current``.

    PowerShell and cmd decode a program's piped output with the console's output code
    page (cp850 in a Swedish Windows), while Python picks the ANSI code page (cp1252):
    å came out as †. Follow the console unless the user chose (PYTHONIOENCODING, UTF-8
    mode) or there is no console.
    """
    if utf8_mode or ioencoding_set or console_cp <= 0:
        return None
    wanted = "utf-8" if console_cp == 65001 else f"cp{console_cp}"
    try:
        if codecs.lookup(wanted).name == codecs.lookup(current).name:
            return None
    except LookupError:
        return None
    return wanted


def _console_cp() -> int:
    if os.name != "nt":
        return 0
    import ctypes

    try:
        return int(ctypes.windll.kernel32.GetConsoleOutputCP())  # type: ignore[attr-defined]
    except (AttributeError, OSError):
        return 0


def prepare_streams() -> None:
    """Make stdout and stderr safe for the terminal they go to (called by ``main``)."""
    # A closed descriptor (`bfa validate >&-`, a service without a console) leaves the
    # stream None: write into the void rather than fail on the first print.
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stderr is None:
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    for stream in (sys.stdout, sys.stderr):
        if not isinstance(stream, io.TextIOWrapper):
            continue  # replaced (tests, embedding): leave it alone
        encoding = stream.encoding
        if not stream.isatty():
            chosen = console_encoding(
                encoding,
                console_cp=_console_cp(),
                utf8_mode=bool(sys.flags.utf8_mode),
                ioencoding_set=bool(os.environ.get("PYTHONIOENCODING")),
            )
            encoding = chosen or encoding
        if codecs.lookup(encoding).name != "utf-8":
            stream.reconfigure(encoding=encoding, errors=ERRORS)
