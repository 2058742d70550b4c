"""Every command has Swedish help, and the real entry point starts."""

from __future__ import annotations

import subprocess
import sys

import pytest

from brottsforeb.cli import app

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
