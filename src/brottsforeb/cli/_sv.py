"""Swedish for the strings Typer and its vendored Click print themselves.

Typer ships its own copy of Click (``typer._click``) whose usage line, help-option
text and error messages are English f-strings, not gettext. bfa's users read
Swedish, so ``install()`` replaces those few places: the usage prefix, the help
option's text, the "Try … for help" hint and the error line, whose message is
translated by the patterns below (unknown messages pass through unchanged).

Typer has no public API for this (no gettext catalogue, no hook for the usage
line), so ``_install`` reaches into private modules. That reach is confined: every
private attribute it reads or replaces is listed in ``TOUCHES``, the Typer versions
it is written for are ``SUPPORTED_TYPER`` (pyproject.toml pins the same range), and
tests/test_help.py fails loudly when either no longer holds — before a user sees
English, or a crash.
"""

from __future__ import annotations

import contextlib
import importlib
import re
from typing import IO, Any

#: The Typer versions ``_install`` is written for: at least the first, below the second.
SUPPORTED_TYPER = ((0, 29), (0, 30))

#: Every private attribute of Typer ``_install`` reads or replaces: (module, attribute).
TOUCHES: tuple[tuple[str, str], ...] = (
    ("typer.core", "_"),
    ("typer.core", "describe_number_range"),
    ("typer.core", "_TyperParameter.display_type"),
    ("typer.core", "TyperArgument.display_type_rich"),
    ("typer._click.decorators", "help_option"),
    ("typer._click.formatting", "HelpFormatter.write_usage"),
    ("typer._click.exceptions", "UsageError.show"),
    ("typer._click.exceptions", "ClickException.show"),
    ("typer._click._compat", "get_text_stderr"),
    ("typer._click.utils", "echo"),
)


def missing_touches() -> list[str]:
    """The attributes of ``TOUCHES`` this Typer no longer has ('module:attr')."""
    out = []
    for module, attr in TOUCHES:
        try:
            obj: Any = importlib.import_module(module)
            for part in attr.split("."):
                obj = getattr(obj, part)
        except (ImportError, AttributeError):
            out.append(f"{module}:{attr}")
    return out


def typer_supported(version: str) -> bool:
    """Whether a Typer version ('0.29.2') is in ``SUPPORTED_TYPER``."""
    parts = tuple(int(p) for p in re.findall(r"\d+", version)[:2])
    low, high = SUPPORTED_TYPER
    return low <= parts < high


HELP_TEXT = "Visa den här hjälpen och avsluta."

#: gettext-marked strings (typer.core): section headings and option extras.
SV: dict[str, str] = {
    "Arguments": "Argument",
    "Options": "Flaggor",
    "Commands": "Kommandon",
    "Missing command.": "Kommando saknas.",
    "No such command {name!r}.": "Kommandot {name!r} finns inte.",
    "default: {default}": "standard: {default}",
    "required": "krävs",
    "env var: {var}": "miljövariabel: {var}",
    "Aborted!": "Avbrutet.",
}

#: English message → Swedish, tried in order; groups are kept.
PATTERNS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^No such option: (.+?)(?: \(Possible options: (.+)\))?$"), "option"),
    (re.compile(r"^Missing argument (.+)\.$"), r"Argumentet \1 saknas."),
    (re.compile(r"^Missing option (.+)\.$"), r"Flaggan \1 saknas."),
    (re.compile(r"^Missing parameter (.+)\.$"), r"Värdet \1 saknas."),
    (re.compile(r"^Got unexpected extra arguments? \((.+)\)$"), r"Oväntat argument: \1"),
    (re.compile(r"^Option (.+) does not take a value\.$"), r"Flaggan \1 tar inget värde."),
    (re.compile(r"^Option (.+) requires an argument\.$"), r"Flaggan \1 kräver ett värde."),
    (re.compile(r"^Option (.+) requires (\d+) arguments\.$"), r"Flaggan \1 kräver \2 värden."),
    (re.compile(r"^Invalid value for (.+?): (.*)$", re.S), "invalid"),
    (re.compile(r"^Invalid value: (.*)$", re.S), "invalid"),
    (re.compile(r"^No such command (.+)\.$"), r"Kommandot \1 finns inte."),
]

#: Reasons inside "Invalid value …" messages.
REASONS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(.+) is not one of (.+)\.$"), r"\1 är inte något av \2."),
    (re.compile(r"^Input should be a valid integer.*$"), "ska vara ett heltal."),
    (re.compile(r"^Input should be a valid number.*$"), "ska vara ett tal."),
    (re.compile(r"^Input should be greater than or equal to (\S+).*$"), r"ska vara minst \1."),
    (re.compile(r"^Input should be less than or equal to (\S+).*$"), r"ska vara högst \1."),
    (re.compile(r"^Value (.+) is not a valid (.+)\.$"), r"\1 är inget giltigt värde."),
    (re.compile(r"^(.+) is not in the range (.+)\.$"), r"\1 ligger inte inom \2."),
]


#: Type labels in help ("<path>", "<int range>") in Swedish.
TYPE_LABELS: dict[str, str] = {
    "path": "sökväg",
    "int": "heltal",
    "int range": "heltal",
    "float": "tal",
    "float range": "tal",
    "str": "text",
    "datetime": "datum",
    "bool": "ja|nej",
}


def type_label(shown: str) -> str:
    """'<int range>' → '<heltal>'; labels bfa does not know pass through."""
    if shown.startswith("<") and shown.endswith(">"):
        return f"<{type_label(shown[1:-1])}>"
    return TYPE_LABELS.get(shown, shown)


def number_range(low: float | None, high: float | None) -> str | None:
    """The range note of a number option: 'minst 0', 'högst 9', '1–9'."""
    if low is None and high is None:
        return None
    if high is None:
        return f"minst {low}"
    if low is None:
        return f"högst {high}"
    return f"{low}–{high}"


def _reason(text: str) -> str:
    text = text.removeprefix("Value error, ")
    for pattern, repl in REASONS:
        if pattern.match(text):
            return pattern.sub(repl, text)
    return text


#: Typer appends its command suggestions in English to the (translated) message.
_SUGGESTION = re.compile(r"^(.*)\. Did you mean (.+)\?$", re.S)


def translate(message: str) -> str:
    """A Click/Typer usage message in Swedish (unchanged if it is not recognised)."""
    if m := _SUGGESTION.match(message):
        return f"{translate(m.group(1) + '.')} Menade du {m.group(2).replace(', ', ' eller ')}?"
    for pattern, repl in PATTERNS:
        m = pattern.match(message)
        if not m:
            continue
        if repl == "option":
            out = f"Flaggan {m.group(1)} finns inte."
            if m.group(2):
                out += f" Möjliga flaggor: {m.group(2)}."
            return out
        if repl == "invalid":
            if m.lastindex == 2:
                return f"Ogiltigt värde för {m.group(1)}: {_reason(m.group(2))}"
            return f"Ogiltigt värde: {_reason(m.group(1))}"
        return pattern.sub(repl, message)
    return message


def gettext(message: str) -> str:
    return SV.get(message, message)


def install() -> bool:
    """Patch the few English strings of Typer's Click; idempotent. True if it took.

    A Typer without the vendored Click (or with a different layout) is left as it
    is: English usage strings are better than a crash. tests/test_help.py notices.
    """
    with contextlib.suppress(ImportError, AttributeError):
        _install()
        return True
    return False


def _install() -> None:
    import typer.core
    from typer._click import decorators, exceptions, formatting, utils
    from typer._click._compat import get_text_stderr

    typer.core._ = gettext  # type: ignore[attr-defined]
    typer.core.describe_number_range = number_range  # type: ignore[attr-defined,assignment]
    parameter = typer.core._TyperParameter
    if not getattr(parameter.display_type, "_bfa_sv", False):
        original_display_type = parameter.display_type

        def display_type(self: Any, ctx: Any) -> str:
            return type_label(original_display_type(self, ctx))

        display_type._bfa_sv = True  # type: ignore[attr-defined]
        parameter.display_type = display_type  # type: ignore[method-assign]

        def argument_type(self: Any, ctx: Any) -> str | None:
            # the metavar (SÖKVÄG, MAPP) already says what the argument is
            return None if self.metavar is not None else self.display_type(ctx)

        typer.core.TyperArgument.display_type_rich = argument_type  # type: ignore[method-assign]

    original_help_option = decorators.help_option
    if getattr(original_help_option, "_bfa_sv", False):
        return

    def help_option(*args: Any, **kwargs: Any) -> Any:
        decorator = original_help_option(*args, **kwargs)

        def apply(f: Any) -> Any:
            out = decorator(f)
            params = getattr(out, "params", None) or getattr(out, "__click_params__", [])
            if params:
                params[-1].help = HELP_TEXT
            return out

        return apply

    help_option._bfa_sv = True  # type: ignore[attr-defined]
    decorators.help_option = help_option

    original_usage = formatting.HelpFormatter.write_usage

    def write_usage(self: Any, prog: str, args: str = "", prefix: str | None = None) -> None:
        args = args.replace("[OPTIONS]", "[FLAGGOR]").replace("COMMAND [ARGS]", "KOMMANDO [ARG]")
        original_usage(self, prog, args, "Användning: " if prefix is None else prefix)

    formatting.HelpFormatter.write_usage = write_usage  # type: ignore[method-assign]

    from .._pii import shown

    def show_usage_error(self: Any, file: IO[Any] | None = None) -> None:
        file = file or get_text_stderr()
        ctx = self.ctx
        if ctx is not None:
            hint = ""
            if ctx.command.get_help_option(ctx) is not None:
                hint = f"Skriv '{ctx.command_path} {ctx.help_option_names[0]}' för hjälp.\n"
            utils.echo(f"{ctx.get_usage()}\n{hint}", file=file, color=ctx.color)
        utils.echo(f"bfa: fel: {shown(translate(self.format_message()))}", file=file)

    def show_error(self: Any, file: IO[Any] | None = None) -> None:
        file = file or get_text_stderr()
        utils.echo(f"bfa: fel: {shown(translate(self.format_message()))}", file=file)

    exceptions.UsageError.show = show_usage_error  # type: ignore[method-assign]
    exceptions.ClickException.show = show_error  # type: ignore[method-assign]
