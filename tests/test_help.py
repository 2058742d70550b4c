"""Every command has Swedish help, and the real entry point starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from brottsforeb.cli import app

from .conftest import ROOT

COMMANDS = sorted(c.name or "" for c in app.registered_commands)


def test_commands_registered() -> None:
    assert {"validate", "check", "calendar", "schema"} <= set(COMMANDS)


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
