"""bfa validate through the CLI and the library, on the examples and on bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

import brottsforeb
from brottsforeb import Severity, load_repo, validate

from .conftest import EXAMPLE_NAMES, EXAMPLES


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_examples_validate_clean(cli, name: str) -> None:
    result = cli("validate", EXAMPLES / name)
    assert result.exit_code == 0, result.output
    summary = result.output.strip().splitlines()[-1]
    # Norsjö sets aside three Brå recommendations with reasons (one is BRA-MANDAT: the
    # fact sheet states no mandate for Folkhälsorådet)
    assert summary.startswith(("Inga fel eller varningar.", "2 undantagna.", "3 undantagna.")), (
        summary
    )
    assert "filer kontrollerade" in summary
    findings = validate(load_repo(EXAMPLES / name))
    assert not [f for f in findings if f.severity is not Severity.INFO]


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_json_output_parses(cli, name: str) -> None:
    result = cli("validate", EXAMPLES / name, "--format", "json")
    doc = json.loads(result.stdout)
    assert doc["version"] == 2
    assert doc["command"] == "validate"
    assert doc["files"] > 30
    assert doc["summary"]["fel"] == 0


def test_not_a_repository_exits_2_and_says_what_is_missing(cli, tmp_path: Path) -> None:
    result = cli("validate", tmp_path)
    assert result.exit_code == 2
    assert "bfa.yaml saknas" in result.stderr
    assert "bfa init" in result.stderr


def test_unknown_format_is_usage_error(cli) -> None:
    result = cli("validate", EXAMPLES / "torsby", "--format", "xml")
    assert result.exit_code == 2


def test_subdirectory_finds_the_root(cli) -> None:
    result = cli("validate", EXAMPLES / "torsby" / "organ")
    assert result.exit_code == 0


def _every_file(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.yaml"))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_broken_yaml_appended_to_any_file_is_named_with_line(cli, example, name: str) -> None:
    root = example(name)
    files = _every_file(root)
    # One file in every kind folder, plus bfa.yaml: broken at the end.
    chosen = {p.relative_to(root).parts[0]: p for p in files}
    for path in chosen.values():
        lines = path.read_text(encoding="utf-8").count("\n")
        with path.open("a", encoding="utf-8") as fh:
            fh.write("trasig: [öppen lista\n")
        rel = path.relative_to(root).as_posix()
        result = cli("validate", root, "--format", "json")
        assert result.exit_code == 1
        found = json.loads(result.stdout)["findings"]
        mine = [f for f in found if f["file"] == rel]
        assert mine, rel
        assert mine[0]["rule"].startswith("YAML")
        assert mine[0]["line"] in (lines + 1, lines + 2)
        path.write_text(path.read_text(encoding="utf-8").replace("trasig: [öppen lista\n", ""))


def test_other_files_still_checked_when_one_is_broken(cli, example) -> None:
    root = example("torsby")
    (root / "organ" / "sspf.yaml").write_text("namn: [\n", encoding="utf-8")
    (root / "funktioner" / "skolchef.yaml").write_text("titel: Skolchef\naktör: okand\n")
    result = cli("validate", root)
    assert result.exit_code == 1
    assert "organ/sspf.yaml" in result.stdout
    assert "funktioner/skolchef.yaml" in result.stdout
    assert "hänvisar till aktören 'okand'" in result.stdout
    # the broken body is not reported as missing wherever it is referenced
    assert "organet 'sspf', som inte finns" not in result.stdout


def test_github_format(cli, make_repo) -> None:
    root = make_repo({"organ/styrgrupp.yaml": "namn: S\ntyp: styrgrup\n"})
    result = cli("validate", root, "--format", "github")
    assert result.exit_code == 1
    line = next(x for x in result.stdout.splitlines() if "file=organ/styrgrupp.yaml" in x)
    assert line.startswith("::error file=organ/styrgrupp.yaml,line=2,col=6,title=SCHEMA::")
    assert "Menade du 'styrgrupp'?" in line


def test_strict_makes_warnings_fail(cli, make_repo) -> None:
    root = make_repo({"organ/styrgrupp.yaml": "namn: Styrgrupp\ntyp: styrgrupp\n"})
    assert cli("validate", root).exit_code == 0
    result = cli("validate", root, "--strict")
    assert result.exit_code == 1
    assert "varning" in result.stdout


def test_library_and_cli_agree(cli) -> None:
    repo = brottsforeb.load_repo(EXAMPLES / "norsjo")
    lib = validate(repo)
    doc = json.loads(cli("validate", EXAMPLES / "norsjo", "-f", "json").stdout)
    assert [f["rule"] for f in doc["findings"]] == [f.rule for f in lib]


def test_real_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    (tmp_path / "bfa.yaml").write_bytes(b"namn: \xe4\n")
    proc = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "validate", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 1
    assert "Traceback" not in proc.stdout + proc.stderr
    assert "UTF-8" in proc.stdout
