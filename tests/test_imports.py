"""Start-up stays light: validate and check never import Typst, GitPython or Jinja."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLES

HEAVY = ("typst", "git", "jinja2", "markdown_it", "icalendar")

PROBE = """
import json, sys
from brottsforeb.cli import app
try:
    app(args=sys.argv[1:], standalone_mode=False)
except SystemExit:
    pass
print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] in {heavy!r})))
"""


@pytest.mark.parametrize(
    "args",
    [
        ["validate", str(EXAMPLES / "torsby")],
        ["check", str(EXAMPLES / "torsby"), "--today", "2026-11-21"],
        ["--version"],
    ],
)
def test_heavy_modules_not_imported(args: list[str]) -> None:
    code = PROBE.format(heavy=set(HEAVY))
    proc = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded == [], loaded


def test_version_does_not_import_pydantic() -> None:
    code = PROBE.format(heavy={"pydantic"})
    proc = subprocess.run(
        [sys.executable, "-c", code, "--version"], capture_output=True, text=True, check=False
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []


def test_validate_does_not_import_rich() -> None:
    """The findings list of validate is printed without Rich (a tenth of its start-up)."""
    code = PROBE.format(heavy={"rich"})
    proc = subprocess.run(
        [sys.executable, "-c", code, "validate", str(EXAMPLES / "torsby")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert json.loads(proc.stdout.strip().splitlines()[-1]) == []
