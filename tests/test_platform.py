"""Windows and macOS: what can be tested on any machine.

Terminal encodings (cp1252, cp850) through a real subprocess, Windows-style paths typed
by a user, CRLF files, names Windows reserves, line endings in a new repository, a
target file held open by another program, and NO_COLOR.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import git
import pytest

from brottsforeb import load_repo, validate
from brottsforeb._io import write_text_atomic
from brottsforeb.cli._streams import ERRORS, console_encoding
from brottsforeb.errors import WriteRefusedError

from .conftest import ROOT

TORSBY = ROOT / "examples/torsby"


def _bfa(
    *args: str | Path, env: dict[str, str], cwd: Path = ROOT
) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "brottsforeb", *map(str, args)],
        cwd=cwd,
        env={**{k: v for k, v in os.environ.items() if k != "NO_COLOR"}, "COLUMNS": "160", **env},
        capture_output=True,
        check=False,
    )


@pytest.mark.parametrize("encoding", ["cp1252", "cp850"])
@pytest.mark.parametrize(
    ("args", "codes", "expected"),
    [
        (("--help",), {0}, "Användning"),
        (("validate", TORSBY), {0}, "kontrollerade"),
        (("check", TORSBY, "--today", "2026-11-21"), {1}, "Förfaller"),
        (("status", TORSBY), {0}, "läget"),
        (("render", "riktlinje", TORSBY), {0}, "Riktlinje för Torsby kommuns"),
        (("validate", ROOT / "saknas"), {2}, "förråd"),
    ],
)
def test_a_windows_terminal_gets_aaoo_and_no_crash(
    encoding: str, args: tuple[str | Path, ...], codes: set[int], expected: str
) -> None:
    """In cp850 (PowerShell, cmd) `bfa --help` and `bfa check` crashed on – and •."""
    proc = _bfa(*args, env={"PYTHONIOENCODING": encoding})
    out = proc.stdout.decode(encoding) + proc.stderr.decode(encoding)
    assert proc.returncode in codes, out
    assert "Traceback" not in out and "internt fel" not in out, out
    assert expected in out


def test_characters_a_code_page_lacks_become_ascii_and_aaoo_stay() -> None:
    text = "Åsele – läget → • ”ö” ▁▃█ …"
    assert (
        text.encode("cp850", errors=ERRORS).decode("cp850") == 'Åsele - läget -> * "ö" _:█ ...'
    )  # cp850 has █
    assert "é".encode("ascii", errors=ERRORS) == b"e"
    assert "☃".encode("cp1252", errors=ERRORS) == b"?"
    assert "▁█".encode("cp1252", errors=ERRORS) == b"_#"


def test_piped_output_follows_the_windows_console_code_page() -> None:
    # PowerShell decodes piped output with the console's code page (850), not Python's 1252
    assert (
        console_encoding("cp1252", console_cp=850, utf8_mode=False, ioencoding_set=False) == "cp850"
    )
    assert (
        console_encoding("cp1252", console_cp=65001, utf8_mode=False, ioencoding_set=False)
        == "utf-8"
    )
    assert console_encoding("cp850", console_cp=850, utf8_mode=False, ioencoding_set=False) is None
    # the user's choice wins, and without a console (macOS, Linux, services) nothing changes
    assert console_encoding("cp1252", console_cp=850, utf8_mode=True, ioencoding_set=False) is None
    assert console_encoding("cp1252", console_cp=850, utf8_mode=False, ioencoding_set=True) is None
    assert console_encoding("utf-8", console_cp=0, utf8_mode=False, ioencoding_set=False) is None


@pytest.mark.parametrize(
    "ref", ["organ\\lfr-styrgrupp", ".\\organ\\lfr-styrgrupp.yaml", "./organ/lfr-styrgrupp.yaml"]
)
def test_windows_paths_name_a_file(cli, example, ref: str) -> None:
    root = example("torsby")
    r = cli("set", ref, "möten.antal", "3", "-C", root)
    assert r.exit_code == 0, r.output
    text = (root / "organ/lfr-styrgrupp.yaml").read_text(encoding="utf-8")
    assert "antal: 3" in text and "antal: 2" not in text


def test_crlf_files_validate_and_keep_their_line_endings(cli, example) -> None:
    root = example("torsby")
    for path in root.rglob("*.yaml"):
        path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert [f for f in validate(load_repo(root)) if f.severity.value == "fel"] == []
    target = root / "organ/lfr-styrgrupp.yaml"
    lines_before = target.read_bytes().count(b"\r\n")
    assert cli("set", "organ/lfr-styrgrupp", "möten.antal", "3", "-C", root).exit_code == 0
    data = target.read_bytes()
    assert data.count(b"\r\n") == lines_before and data.count(b"\n") == lines_before
    # a finding in a CRLF file points at the right line and column
    text = target.read_text(encoding="utf-8").replace("typ: styrgrupp", "typ: stygrupp")
    target.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    (finding,) = [f for f in validate(load_repo(root)) if f.file == "organ/lfr-styrgrupp.yaml"]
    lines = data.decode("utf-8").split("\r\n")
    row = next(i for i, x in enumerate(lines, 1) if x.startswith("typ:"))
    assert (finding.line, finding.column) == (row, 6)


@pytest.mark.parametrize("name", ["Aux", "NUL", "com1", "Lpt9"])
def test_names_windows_reserves_are_refused(cli, tmp_path: Path, name: str) -> None:
    assert cli("init", tmp_path / "r", "--name", "Testby kommun").exit_code == 0
    r = cli("new", "organ", name, tmp_path / "r")
    assert r.exit_code == 2 and "Windows" in r.stderr and "--id" in r.stderr
    assert not list((tmp_path / "r/organ").glob(f"{name.lower()}.*"))
    r = cli("new", "organ", name, tmp_path / "r", "--id", f"{name.lower()}-grupp")
    assert r.exit_code == 0, r.output


def test_a_new_repository_has_the_same_line_endings_on_windows(cli, tmp_path: Path) -> None:
    root = tmp_path / "r"
    assert cli("init", root, "--name", "Testby kommun").exit_code == 0
    attrs = git.Repo(root).git.check_attr("-a", "organ/styrgrupp.yaml")
    assert "eol: lf" in attrs and "text: auto" in attrs
    assert "binary: set" in git.Repo(root).git.check_attr("-a", "utdata/x.pdf")
    # bfa's own repository: golden files compare byte for byte on a Windows checkout too
    assert "eol: lf" in git.Repo(ROOT).git.check_attr("-a", "tests/golden/x.md")


def test_a_file_held_open_by_another_program_is_a_swedish_error(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows refuses to replace a file another program holds open (PermissionError)."""
    target = tmp_path / "riktlinje.md"
    target.write_text("gammal\n", encoding="utf-8")

    def held_open(src: object, dst: object) -> None:
        raise PermissionError(13, "Åtkomst nekad", str(dst))

    monkeypatch.setattr(os, "replace", held_open)
    with pytest.raises(WriteRefusedError, match="öppen i ett annat program"):
        write_text_atomic(target, "ny\n")
    assert target.read_text(encoding="utf-8") == "gammal\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["riktlinje.md"]  # no temp file left


def test_no_color_wins_over_force_color(tmp_path: Path, cli) -> None:
    assert cli("init", tmp_path / "r", "--name", "Testby kommun").exit_code == 0
    painted = _bfa("validate", tmp_path / "r", env={"FORCE_COLOR": "1"})
    assert b"\x1b[" in painted.stdout  # the test can see colour when there is some
    plain = _bfa("validate", tmp_path / "r", env={"FORCE_COLOR": "1", "NO_COLOR": "1"})
    assert plain.returncode == 0 and b"\x1b[" not in plain.stdout + plain.stderr


def test_a_file_windows_cannot_check_out_is_an_error(example) -> None:
    """A repository made on Linux or macOS with organ/aux.yaml breaks every Windows clone."""
    root = example("torsby")
    (root / "organ/aux.yaml").write_text("namn: Aux\ntyp: arbetsgrupp\n", encoding="utf-8")
    found = [f for f in validate(load_repo(root)) if f.file == "organ/aux.yaml"]
    assert [f.rule for f in found] == ["FIL-ID"]
    assert "Windows" in found[0].message and "aux-grupp.yaml" in (found[0].hint or "")


def test_bfa_names_the_encoding_wherever_it_reads_or_writes_text() -> None:
    """Windows' default is cp1252: a read_text() without encoding garbles åäö there."""
    import ast

    offenders = []
    for path in sorted((ROOT / "src/brottsforeb").rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            keywords = {k.arg for k in node.keywords}
            if isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "os":
                continue  # os.open and os.fdopen(..., "wb"): descriptors, bytes
            # Path.read_text() takes no positional argument (Distribution.read_text(name) does)
            text_mode = (
                (name == "read_text" and not node.args)
                or name == "write_text"
                or (
                    name in ("open", "fdopen")
                    and not any(
                        isinstance(a, ast.Constant) and "b" in str(a.value)
                        for a in [*node.args, *(k.value for k in node.keywords if k.arg == "mode")]
                    )
                )
            )
            if name in ("run", "check_output", "Popen") and any(
                k.arg in ("text", "universal_newlines") for k in node.keywords
            ):
                text_mode = True
            if text_mode and "encoding" not in keywords:
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} {name}")
    assert offenders == []
