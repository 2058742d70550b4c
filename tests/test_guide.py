"""docs/guide.md, run as a user runs it: every command of its ``sh`` blocks, in order.

A fresh directory, the installed ``bfa`` (this environment's console script) and git
through subprocess, ``cd`` followed as a shell would. A block right after the comment
``<!-- guidetest: hoppa över … -->`` is not run (installation, tested in test_wheel.py).
Every command must succeed; ``bfa check`` may report findings (exit 1) but nothing
else may fail, and nothing may print a traceback.
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import git

from .conftest import ROOT

GUIDE = ROOT / "docs/guide.md"
SKIP = "<!-- guidetest: hoppa över"


def guide_commands(text: str) -> list[str]:
    """The command lines of the guide's ``sh`` blocks, in order, skipped blocks left out."""
    commands: list[str] = []
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i].strip()
        if line == "```sh":
            skip = i > 0 and lines[i - 1].strip().startswith(SKIP)
            i += 1
            while lines[i].strip() != "```":
                if not skip and lines[i].strip():
                    commands.append(lines[i].strip())
                i += 1
        i += 1
    return commands


def _env(home: Path) -> dict[str, str]:
    bindir = str(Path(sys.executable).parent)
    return {
        **os.environ,
        "PATH": bindir + os.pathsep + os.environ.get("PATH", ""),
        "HOME": str(home),
        "GIT_AUTHOR_NAME": "Mimmi Samordnare",
        "GIT_AUTHOR_EMAIL": "samordnare@example.invalid",
        "GIT_COMMITTER_NAME": "Mimmi Samordnare",
        "GIT_COMMITTER_EMAIL": "samordnare@example.invalid",
        "GIT_CONFIG_NOSYSTEM": "1",
        "NO_COLOR": "1",
        "COLUMNS": "200",
    }


def test_the_guide_has_its_commands_and_skips_only_the_installation() -> None:
    text = GUIDE.read_text(encoding="utf-8")
    commands = guide_commands(text)
    assert commands[0].startswith("bfa init ")
    assert not any("pip install" in c for c in commands)
    assert sum(c.startswith("bfa ") for c in commands) >= 25
    # the parser sees indented blocks (inside numbered steps) too
    assert "git tag riktlinje-2026" in commands


def test_every_command_of_the_guide_runs_in_order(tmp_path: Path) -> None:
    work = tmp_path / "arbete"
    work.mkdir()
    env = _env(tmp_path)
    cwd = work
    ran = []
    for line in guide_commands(GUIDE.read_text(encoding="utf-8")):
        argv = shlex.split(line, comments=True)
        if argv[0] == "cd":
            cwd = (cwd / argv[1]).resolve()
            assert cwd.is_dir(), line
            continue
        assert argv[0] in ("bfa", "git"), f"guiden kör något annat än bfa och git: {line}"
        exe = shutil.which(argv[0], path=env["PATH"])
        assert exe is not None, argv[0]
        proc = subprocess.run(
            [exe, *argv[1:]],
            cwd=cwd,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            check=False,
        )
        allowed = {0, 1} if argv[:2] == ["bfa", "check"] else {0}
        assert proc.returncode in allowed, f"{line}\n{proc.stdout}\n{proc.stderr}"
        assert "Traceback" not in proc.stderr, line
        ran.append(line)
    root = work / "brottsforebyggande"
    # what the guide writes goes to utdata/, which git ignores: `git add .` took no PDF
    assert (root / "utdata/riktlinje.pdf").read_bytes().startswith(b"%PDF")
    assert (root / "utdata/uppfoljning-2026.pdf").is_file()
    tracked = git.Repo(root).git.ls_files().splitlines()
    assert not [t for t in tracked if t.startswith("utdata/") or t.endswith(".pdf")], tracked
    assert not list(root.glob("*.pdf"))
    # the own text put into the riktlinje with avsnitt is in the rendered document
    assert "Kommunen arbetar kunskapsbaserat mot brott." in (
        root / "utdata/riktlinje.md"
    ).read_text(encoding="utf-8")
    assert "riktlinje-2026" in git.Repo(root).git.tag().split()
    assert len(ran) >= 30


def test_the_guides_file_table_names_everything_init_writes(cli, tmp_path: Path) -> None:
    assert cli("init", tmp_path / "r", "--name", "Testby kommun").exit_code == 0
    text = GUIDE.read_text(encoding="utf-8")
    table = "\n".join(x for x in text.splitlines() if x.startswith("| `"))
    for entry in sorted((tmp_path / "r").iterdir()):
        if entry.name == ".git":
            continue
        name = entry.name + ("/" if entry.is_dir() else "")
        assert re.search(rf"`{re.escape(name)}", table), f"guidens filtabell saknar {name}"
