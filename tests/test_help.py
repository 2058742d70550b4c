"""Every command has Swedish help, and the real entry point starts."""

from __future__ import annotations

import re
import subprocess
import sys
from typing import Any

import pytest

from brottsforeb.cli import app

from .conftest import ROOT

COMMANDS = sorted(c.name or "" for c in app.registered_commands)


def test_commands_registered() -> None:
    assert {"validate", "check", "calendar", "schema"} <= set(COMMANDS)


def test_command_table_names_every_command_and_its_module() -> None:
    """`bfa NAME` imports only the module cli.COMMANDS names: a command missing from the
    table, or registered by another module, would be "Kommandot finns inte"."""
    from brottsforeb import cli
    from brottsforeb.cli._common import REGISTERED

    assert REGISTERED == cli.COMMANDS
    assert sorted(cli.COMMANDS) == COMMANDS
    # the main help lists them in the table's order
    assert [c.name for c in app.registered_commands] == list(cli.COMMANDS)


@pytest.mark.parametrize("name", ["validate", "log", "new"])
def test_a_command_line_builds_only_its_command(name: str) -> None:
    code = (
        "import sys; from brottsforeb.cli import _for_args, COMMANDS; "
        f"app = _for_args([{name!r}, 'x']); "
        "print(sorted(c.name for c in app.registered_commands)); "
        f"print(sorted(n for n, m in COMMANDS.items() if m == COMMANDS[{name!r}]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == out[1] and name in out[0], out


@pytest.mark.parametrize("args", [["--help"], ["valdate"], ["--", "validate"], []])
def test_other_command_lines_build_every_command(args: list[str]) -> None:
    from brottsforeb import cli

    code = (
        "from brottsforeb.cli import _for_args; "
        f"print(len(_for_args({args!r}).registered_commands))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert int(out.stdout) == len(cli.COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_help(cli, name: str) -> None:
    result = cli(name, "--help")
    assert result.exit_code == 0
    text = result.stdout
    assert "örråd" in text or "Skriv" in text, text  # Swedish help, not Click defaults
    assert "Usage" in text or "Användning" in text


def test_top_level_help_lists_commands(cli) -> None:
    result = cli("--help")
    assert result.exit_code == 0
    for name in COMMANDS:
        assert name in result.stdout
    assert "brottsförebyggande" in result.stdout


def test_version() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "--version"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0 and proc.stdout.startswith("bfa ")


def test_every_option_and_argument_has_swedish_help() -> None:
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        assert command.help, name
        for param in command.params:
            if param.name == "help":
                continue
            assert getattr(param, "help", None), f"bfa {name}: {param.name} saknar hjälptext"


@pytest.mark.parametrize("name", COMMANDS)
def test_no_click_english_left(cli, name: str) -> None:
    text = cli(name, "--help").stdout
    assert "Usage:" not in text and "Show this message" not in text
    assert "Användning: bfa" in text and "Visa den här hjälpen" in text
    # type labels and ranges too: <sökväg>, <heltal>, "minst 0" — not <path>, <int>, x>=0
    for english in ("<path>", "<int", "<str>", "<float", "<datetime>", "x>=", "x<=", "default:"):
        assert english not in text, (name, english)


def test_usage_errors_are_swedish(cli) -> None:
    r = cli("validate", "--bogus")
    assert r.exit_code == 2
    assert "Flaggan --bogus finns inte." in r.stderr and "Skriv 'bfa validate -h'" in r.stderr
    r = cli("new")
    assert r.exit_code == 2 and "Argumentet 'SLAG' saknas." in r.stderr
    r = cli("check", "--horizon", "x")
    assert r.exit_code == 2 and "ska vara ett heltal" in r.stderr


def test_cli_reference_is_generated_from_help() -> None:
    from tools import docgen as _docgen

    text = (ROOT / "docs/cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## bfa {name}" in text
    assert text == _docgen.cli_reference(ROOT / "examples")


def test_typer_private_reach_still_fits() -> None:
    """cli/_sv.py patches private Typer modules: a Typer upgrade must fail here, loudly."""
    import tomllib
    from importlib.metadata import version

    from brottsforeb.cli import _sv

    assert _sv.missing_touches() == [], "Typer har ändrat de privata delar som cli/_sv.py lagar"
    assert _sv.typer_supported(version("typer")), f"Typer {version('typer')} är inte prövad"
    assert _sv.install() is True
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (low_major, low_minor), (high_major, high_minor) = _sv.SUPPORTED_TYPER
    pin = f"typer>={low_major}.{low_minor},<{high_major}.{high_minor}"
    assert pin in pyproject["project"]["dependencies"]


def test_typer_version_range() -> None:
    from brottsforeb.cli._sv import typer_supported

    assert typer_supported("0.29.2") and not typer_supported("0.30.0")
    assert not typer_supported("0.28.9")


#: Option names are English like the commands (shared/DESIGN.md); help stays Swedish.
OPTION_NAME = re.compile(r"^(--[a-z][a-z0-9]*(-[a-z0-9]+)*|-[a-zA-Z])$")


def _options() -> list[tuple[str, Any, str]]:
    """(command, parameter, shown 'names METAVAR') for every option of every command."""
    import typer.core
    import typer.main

    group = typer.main.get_command(app)
    out = []
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        ctx = typer.Context(command, info_name=name)
        for param in command.params:
            if isinstance(param, typer.core.TyperOption) and not param.hidden:
                record = param.get_help_record(ctx)
                out.append((name, param, record[0] if record else ""))
    return out


def test_option_names_are_english_and_consistent() -> None:
    """One rule for every command: English option names, one metavar per option name."""
    from brottsforeb.cli._common import DATE, OLD_SPELLINGS

    metavars: dict[str, set[str]] = {}
    for name, param, shown in _options():
        for opt in (*param.opts, *param.secondary_opts):
            assert opt.isascii() and OPTION_NAME.match(opt), f"bfa {name} {opt}"
        metavar = shown.split(" ")[-1]
        if not param.is_flag and "|" not in metavar:  # a choice lists its own values
            metavars.setdefault(max(param.opts, key=len), set()).add(metavar)
    for opt, seen in metavars.items():
        assert len(seen) == 1, f"{opt} visas olika: {seen}"
    assert metavars["--today"] == {DATE} and metavars["--date"] == {DATE}
    # the old spellings are not options any more, and each names an existing one
    names = {(c, o) for c, p, _ in _options() for o in p.opts}
    for command, table in OLD_SPELLINGS.items():
        for old, new in table.items():
            assert (command, old) not in names
            assert not new or (command, new) in names, (command, new)


def test_every_command_takes_the_repository_as_a_positional_path() -> None:
    import typer.core
    import typer.main

    group = typer.main.get_command(app)
    for name, command in group.commands.items():  # type: ignore[attr-defined]
        if name == "schema":  # writes schemas, reads no repository
            continue
        args = [p for p in command.params if isinstance(p, typer.core.TyperArgument)]
        assert args and args[-1].metavar in ("SÖKVÄG", "SÖKVÄG...", "MAPP", "MAPP..."), name
        options = {o for p in command.params for o in p.opts}
        assert not options & {"--path", "-C", "--repo"}, name


@pytest.mark.parametrize(
    ("old", "new"),
    [
        (["set", "organ/styrgrupp", "möten.antal", "4", "-C", "{root}"], "SÖKVÄG"),
        (["set", "organ/styrgrupp", "möten.antal", "4", "--sökväg={root}"], "SÖKVÄG"),
        (["new", "organ", "EST", "{root}", "--typ", "arbetsgrupp"], "--type"),
        (["new", "mote", "styrgrupp", "{root}", "--datum", "2026-04-01"], "--date"),
    ],
)
def test_old_spellings_still_work_for_one_release(cli, make_repo, old, new) -> None:
    root = make_repo()
    result = cli(*[a.replace("{root}", str(root)) for a in old])
    assert result.exit_code == 0, result.output
    assert f"heter nu {new}" in result.stderr


def test_old_spelling_with_append(cli, make_repo) -> None:
    root = make_repo()
    result = cli("set", "organ/styrgrupp", "ledamöter", "kommunpolis", "--lägg-till", root)
    assert "heter nu --append" in result.stderr
    assert "ledamöter" in (root / "organ/styrgrupp.yaml").read_text(encoding="utf-8")


def test_main_help_lists_whole_sentences(cli) -> None:
    text = cli("--help").stdout.split("Kommandon:")[1]
    assert "..." not in text and "…" not in text


@pytest.mark.parametrize(
    "args",
    [["log", "styrgrup"], ["set", "styrgrup", "namn", "X"], ["log", "orgn/styrgrupp"]],
)
def test_did_you_mean_for_every_entity_argument(cli, make_repo, args) -> None:
    import git

    root = make_repo()
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("Första versionen")
    result = cli(*args, root)
    assert result.exit_code == 2
    assert "Menade du 'organ/styrgrupp'?" in result.stderr


def test_misspelt_command_suggestion_is_swedish() -> None:
    # Before: "Kommandot 'valdate' finns inte. Did you mean 'validate'?" (Typer's English)
    proc = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "valdate", "."],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert "Kommandot 'valdate' finns inte. Menade du 'validate'?" in proc.stderr
    assert "Did you mean" not in proc.stderr
    from brottsforeb.cli._sv import translate

    two = translate("No such command 'chek'. Did you mean 'check', 'schema'?")
    assert two == "Kommandot 'chek' finns inte. Menade du 'check' eller 'schema'?"
