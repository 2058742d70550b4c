"""Project hygiene that CI must enforce: lint, format, types, generated docs, help."""

from __future__ import annotations

import subprocess
import sys

import pytest
from tools import docgen as _docgen

from .conftest import ROOT


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=ROOT, capture_output=True, text=True, check=False)


def test_ruff_clean() -> None:
    lint = _run(sys.executable, "-m", "ruff", "check", ".")
    assert lint.returncode == 0, lint.stdout
    fmt = _run(sys.executable, "-m", "ruff", "format", "--check", ".")
    assert fmt.returncode == 0, fmt.stdout


def test_mypy_clean() -> None:
    result = _run(sys.executable, "-m", "mypy")
    assert result.returncode == 0, result.stdout


@pytest.mark.parametrize("name", sorted(_docgen.GENERATED))
def test_generated_docs_are_current(name: str) -> None:
    committed = (ROOT / "docs" / name).read_text(encoding="utf-8")
    assert committed == _docgen.GENERATED[name](ROOT / "examples"), (
        f"docs/{name} är inaktuell: kör `python -m tools.docgen`"
    )
