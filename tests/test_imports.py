"""Start-up stays light: every read-only command imports only what it uses."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from .conftest import EXAMPLES

HEAVY = ("typst", "git", "jinja2", "markdown_it", "icalendar", "docx")

#: Runs bfa as the console script does (``main``: only the named command's module is
#: imported), then prints which of the ``heavy`` top-level packages were imported.
PROBE = """
import atexit, json, sys
from brottsforeb.cli import main
@atexit.register
def _report():
    heavy = {heavy!r}
    # (not bfa's stand-in for Pydantic's plugin loader, which imports nothing: no __spec__)
    loaded = sorted(m for m, mod in sys.modules.items()
                    if m.split('.')[0] in heavy and getattr(mod, '__spec__', None))
    sys.__stdout__.write("\\n" + json.dumps(loaded) + "\\n")
sys.argv = ["bfa", *sys.argv[1:]]
main()
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


MEETING = "2025-03-18-lfr-styrgrupp"
NOT_FOR_READING = ("typst", "jinja2", "markdown_it", "docx")
#: (command line, top-level packages it must not import). Rich draws the screens of check,
#: status, minutes and log; machine formats (json, github) and validate print without it.
READ_ONLY = [
    (["validate", "{torsby}"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["check", "{torsby}", "--today", "2026-11-21"], (*NOT_FOR_READING, "git", "icalendar")),
    (["check", "{torsby}", "-f", "json"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["check", "{torsby}", "-f", "github"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["status", "{torsby}"], (*NOT_FOR_READING, "git", "icalendar")),
    (["status", "{torsby}", "-f", "json"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["calendar", "{torsby}"], (*NOT_FOR_READING, "git", "rich")),
    (["calendar", "{torsby}", "--meeting", "{meeting}"], (*NOT_FOR_READING, "git", "rich")),
    (["minutes", "{torsby}", "-f", "md"], (*NOT_FOR_READING, "icalendar")),
    (["minutes", "{torsby}", "-f", "json"], (*NOT_FOR_READING, "icalendar", "rich")),
    (["log", "lfr-styrgrupp", "{torsby}"], (*NOT_FOR_READING, "icalendar")),
    (["log", "styrgrup", "{torsby}"], (*NOT_FOR_READING, "icalendar")),
    (["overview", "{examples}"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["overview", "{examples}", "-f", "csv"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["overview", "{examples}", "-f", "json"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["render", "--list", "{torsby}"], ("typst", "git", "icalendar", "rich", "docx")),
    (["--help"], (*NOT_FOR_READING, "git", "icalendar", "rich", "pydantic")),
    (["--version"], (*NOT_FOR_READING, "git", "icalendar", "rich", "pydantic", "yaml")),
    # (Typer coerces the command's options with Pydantic before it shows the help)
    (["validate", "--help"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
    (["render", "--help"], (*NOT_FOR_READING, "git", "icalendar", "rich")),
]


@pytest.mark.parametrize("args", [a for a, _ in READ_ONLY], ids=lambda a: " ".join(a[:3]))
def test_read_only_commands_import_only_what_they_use(args: list[str], example, tmp_path) -> None:
    import git

    root = example("torsby")
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("Första versionen")
    forbidden = next(f for a, f in READ_ONLY if a == args)
    argv = [a.format(torsby=root, examples=EXAMPLES, meeting=MEETING) for a in args]
    code = PROBE.format(heavy=set(forbidden))
    proc = subprocess.run(
        [sys.executable, "-c", code, *argv], capture_output=True, text=True, check=False
    )
    assert "Traceback" not in proc.stderr, proc.stderr
    loaded = json.loads(proc.stdout.strip().splitlines()[-1])
    assert loaded == [], (argv, loaded)
