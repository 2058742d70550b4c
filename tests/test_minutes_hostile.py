"""#16: hostile commit metadata in bfa minutes and bfa log, as a class.

Commits are written as raw objects (``git hash-object --literally``), so every byte an
attacker controls can be tried: separators, NUL, ESC/BEL/OSC and C1 controls, a forged
header line, personnummer, very long texts, non-UTF-8 and unknown encodings, dates git
itself would never write. Whatever the metadata, minutes and log finish (exit 0/1 or a
Swedish error), show no control character and no personnummer, cannot be made to show
another date or message than the commit's own, and leave every byte of ``.git`` as it was.

The property test runs a fixed set of examples in the suite (a few seconds);
``BFA_PROPERTY_SCALE=N`` runs N times as many, new ones each run.
"""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import git
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from brottsforeb.cli import app
from brottsforeb.history import entity_log, human_lines, minutes, to_json, to_markdown

from .conftest import MINIMAL, examples, write_repo

PNR = "900101-0009"  # a valid personnummer (Luhn); the test data's own, no one's
#: Control characters that must never reach a terminal or a document (C0 but newline, DEL, C1).
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _git(root: Path, *args: str, data: bytes | None = None) -> str:
    env = {**os.environ, "GIT_CONFIG_NOSYSTEM": "1"}
    proc = subprocess.run(
        ["git", *args], cwd=root, input=data, capture_output=True, check=True, env=env
    )
    return proc.stdout.decode().strip()


def raw_commit(
    root: Path,
    *,
    author: bytes,
    message: bytes,
    committer: bytes | None = None,
    when: bytes = b"1700000000 +0100",
    encoding: bytes | None = None,
) -> str:
    """A commit object with exactly these bytes, on top of the base commit, as HEAD.

    Its tree renames the styrgrupp, so minutes attributes a change to it."""
    tree = _git(root, "rev-parse", "change^{tree}")
    parent = _git(root, "rev-parse", "base")
    head = b"tree %s\nparent %s\n" % (tree.encode(), parent.encode())
    head += b"author " + author + b" <x@example.se> " + when + b"\n"
    head += b"committer " + (committer or author) + b" <x@example.se> " + when + b"\n"
    if encoding is not None:
        head += b"encoding " + encoding + b"\n"
    sha = _git(
        root,
        "hash-object",
        "-t",
        "commit",
        "-w",
        "--literally",
        "--stdin",
        data=head + b"\n" + message,
    )
    _git(root, "update-ref", "HEAD", sha)
    return sha


@pytest.fixture(scope="module")
def base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A repository with a base commit and a change (tagged), its worktree at the change."""
    root = write_repo(tmp_path_factory.mktemp("hostile") / "kommun", dict(MINIMAL))
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    actor = git.Actor("Samordnaren", "s@example.se")
    repo.index.commit("Första versionen", author=actor, committer=actor)
    repo.create_tag("base")
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(path.read_text().replace("namn: Styrgrupp", "namn: Styrgruppen"))
    repo.git.add(A=True)
    repo.index.commit("Ändringen", author=actor, committer=actor)
    repo.create_tag("change")
    return root


def snapshot(root: Path) -> dict[str, str]:
    out = {}
    for dirpath, _dirs, files in os.walk(root / ".git"):
        for name in files:
            p = Path(dirpath) / name
            out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest() + str(p.stat().st_mtime_ns)
    return out


def everything_shown(root: Path) -> str:
    """Every text minutes and log produce for HEAD~1..HEAD and for the working tree."""
    m = minutes(root, "HEAD~1", "HEAD")
    texts = [to_markdown(m), to_json(m), *(t for t, _ in human_lines(m))]
    texts += [to_markdown(minutes(root, "base"))]
    for commit, sentences in entity_log(root, "styrgrupp"):
        texts += [commit.author, commit.date, commit.message, *sentences]
    runner = CliRunner()
    for args in (["minutes", str(root), "--since", "base"], ["log", "styrgrupp", str(root)]):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
        texts.append(result.output)
    return "\n".join(texts)


def check_clean(text: str) -> None:
    assert not CONTROL.search(text.replace("\n", " ")), repr(CONTROL.search(text))
    assert PNR not in text and PNR.replace("-", "") not in text


NAMES = st.lists(
    st.sampled_from(
        [
            "a",
            "Å",
            " ",
            "\x1e",
            "\x1f",
            "\x00",
            "\x1b",
            "\x07",
            "\x9b",
            "]0;",
            "<",
            ">",
            "\r",
            "|",
            "%x1e",
            "FÖRFALSKAT",
            PNR,
            "\u202e",
            "\ufeff",
        ]
    ),
    min_size=1,
    max_size=12,
).map(lambda parts: "".join(parts).encode("utf-8"))
RAW = st.binary(max_size=60)
MESSAGES = st.one_of(
    st.lists(
        st.sampled_from(["Ny ", "\n", "\x1e", "\x00", "\x1b[2J", "\x07", PNR, "ö", "\x85"]),
        max_size=20,
    ).map(lambda parts: "".join(parts).encode("utf-8")),
    RAW,
)
WHEN = st.sampled_from(
    [
        b"1700000000 +0100",
        b"0 +0000",
        b"-5 +0000",
        b"99999999999999999999 +0000",
        b"1700000000 +9999",
        b"1700000000 junk",
        b"",
        b"1e9 +0000",
    ]
)
ENCODINGS = st.sampled_from([None, b"UTF-8", b"ISO-8859-1", b"x-finns-inte", b"UTF-16", b""])


@settings(
    max_examples=examples(12),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(author=st.one_of(NAMES, RAW), message=MESSAGES, when=WHEN, encoding=ENCODINGS)
def test_hostile_commit_metadata_never_crashes_leaks_or_forges(
    base: Path, author: bytes, message: bytes, when: bytes, encoding: bytes | None
) -> None:
    author = author.replace(b"\n", b" ").replace(b"<", b"").replace(b">", b"") or b"x"
    sha = raw_commit(base, author=author, message=message, when=when, encoding=encoding)
    before = snapshot(base)
    m = minutes(base, "HEAD~1", "HEAD")
    [change] = m.changes
    [info] = change.commits
    assert info.sha == sha  # the change is the hostile commit's, whatever it says
    assert "FÖRFALSKAT" not in info.message and "FÖRFALSKAT" not in info.date
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}|okänt datum", info.date), info.date
    texts = [to_markdown(m), to_json(m), *(t for t, _ in human_lines(m))]
    for commit, sentences in entity_log(base, "styrgrupp"):
        texts += [commit.author, commit.date, commit.message, *sentences]
    result = CliRunner().invoke(app, ["minutes", str(base), "--since", "base"])
    assert result.exit_code == 0, result.output
    check_clean("\n".join([*texts, result.output]))
    assert snapshot(base) == before


def test_a_forged_header_line_in_the_author_is_the_authors_name(base: Path) -> None:
    # An author "A <a@b> 0 +0000\ncommitter …" cannot add a header: git's own parser and
    # GitPython's read the first line; what follows is not a date or a message to bfa.
    sha = raw_commit(
        base,
        author=b"Mallory <m@x> 978307200 +0000\x1e2001-01-01\x1eF\xc3\x96RFALSKAT",
        message=b"R\xc3\xa4tt rubrik\n\nBr\xc3\xb6dtext",
    )
    [change] = minutes(base, "HEAD~1", "HEAD").changes
    [info] = change.commits
    assert info.sha == sha and info.message == "Rätt rubrik"
    assert info.date == "2023-11-14"


def test_dates_git_would_not_write_are_unknown_not_a_crash(base: Path) -> None:
    # Before: a timestamp beyond time_t (99999999999999999999) was an OverflowError.
    raw_commit(base, author=b"Mallory", message=b"Datum", when=b"99999999999999999999 +0000")
    [change] = minutes(base, "HEAD~1", "HEAD").changes
    assert change.commits[0].date == "okänt datum"
    result = CliRunner().invoke(app, ["log", "styrgrupp", str(base)])
    assert result.exit_code == 0 and "okänt datum" in result.output


def test_non_utf8_and_unknown_encodings(base: Path) -> None:
    raw_commit(
        base,
        author=b"L\xe4nsstyrelsen",
        message=b"L\xe4nsstyrelsen \xe4ndrar",
        encoding=b"ISO-8859-1",
    )
    [change] = minutes(base, "HEAD~1", "HEAD").changes
    assert change.commits[0].message == "Länsstyrelsen ändrar"
    assert change.commits[0].author == "Länsstyrelsen"
    raw_commit(base, author=b"\xff\xfe", message=b"\xff\xfe\x00 trasig", encoding=b"x-finns-inte")
    text = everything_shown(base)
    check_clean(text)
    assert "trasig" in text


def test_a_very_long_message_is_cut_for_the_reader(base: Path) -> None:
    raw_commit(base, author=b"A" * 100_000, message=b"Rubrik " * 200_000 + PNR.encode())
    m = minutes(base, "HEAD~1", "HEAD")
    [info] = m.changes[0].commits
    assert len(info.message) <= 120 and info.message.endswith("…")
    assert len(info.author) <= 200
    assert len(to_markdown(m)) < 5_000
    raw_commit(base, author=b"A", message=b"x" * 3 + b" " + PNR.encode() + b"\n")
    check_clean(everything_shown(base))


def test_personnummer_in_author_message_and_tag_is_masked(base: Path) -> None:
    repo = git.Repo(base)
    raw_commit(base, author=f"Kalle {PNR}".encode(), message=f"Kalle {PNR} slutar".encode())
    repo.create_tag(f"ks-{PNR}", "base")
    try:
        text = everything_shown(base)
        text += to_markdown(minutes(base, f"ks-{PNR}"))
        check_clean(text)
        assert "90****-****" in text or "900101-****" in text
    finally:
        repo.delete_tag(f"ks-{PNR}")


def test_a_hostile_git_config_runs_nothing(tmp_path: Path) -> None:
    # Before: `bfa minutes` ran git diff-files, and git ran core.fsmonitor from the
    # repository's own .git/config: any command a cloned repository names.
    root = write_repo(tmp_path / "kommun", dict(MINIMAL))
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("Första versionen")
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(path.read_text().replace("namn: Styrgrupp", "namn: Styrgruppen"))
    marker = tmp_path / "pwned"
    hook = tmp_path / "hook.sh"
    hook.write_text(f"#!/bin/sh\ntouch {marker}\n")
    hook.chmod(0o755)
    with repo.config_writer() as cw:
        cw.set_value("core", "fsmonitor", str(hook))
        cw.set_value("core", "pager", str(hook))
        cw.set_value("core", "hooksPath", str(tmp_path))
        cw.set_value("diff", "external", str(hook))
    runner = CliRunner()
    for args in (["minutes", str(root)], ["log", "styrgrupp", str(root)]):
        result = runner.invoke(app, args)
        assert result.exit_code in (0, 1), result.output
    assert not marker.exists()


def test_values_from_history_are_masked_and_escaped(base: Path) -> None:
    # Before: a personnummer or an escape sequence in a value of an older revision was
    # printed as it stood by minutes and log (only the working tree was checked).
    repo = git.Repo(base)
    repo.git.checkout("-q", "change")
    path = base / "organ" / "styrgrupp.yaml"
    good = path.read_text()
    path.write_text(good.replace("Beslutar om", f'"Kontakt {PNR} \\e[2J"  #'), encoding="utf-8")
    repo.git.add(A=True)
    repo.index.commit("Med personnummer")
    path.write_text(good, encoding="utf-8")
    repo.git.add(A=True)
    repo.index.commit("Utan")
    try:
        m = minutes(base, "HEAD~2", "HEAD~1")
        text = to_markdown(m) + to_json(m) + "\n".join(t for t, _ in human_lines(m))
        for _commit, sentences in entity_log(base, "styrgrupp"):
            text += "\n".join(sentences)
        check_clean(text)
        assert "90****-****" in text
    finally:
        repo.git.checkout("-q", "change")


# -- a damaged object store and git's refusals (A43, A44) -------------------------------------


def _committed(tmp_path: Path) -> tuple[Path, git.Repo]:
    root = write_repo(tmp_path / "kommun", dict(MINIMAL))
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("Första versionen")
    return root, repo


HISTORY_COMMANDS = (
    ["minutes"],
    ["log", "styrgrupp"],
    ["render", "forslag", "--base", "HEAD"],
)


def _bfa(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """bfa as a separate process with ``env`` (a user, a PATH, a HOME of its own)."""
    return subprocess.run(
        [sys.executable, "-m", "brottsforeb", *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )


def _run_all(root: Path) -> list[tuple[list[str], int, str]]:
    runner = CliRunner()
    out = []
    for args in HISTORY_COMMANDS:
        result = runner.invoke(app, [*args, str(root)])
        out.append((args, result.exit_code, result.output))
    return out


@pytest.mark.parametrize("damage", ["garbage", "deleted", "all-objects"])
def test_a_damaged_object_store_is_named_not_an_internal_error(tmp_path: Path, damage) -> None:
    # Before: "bfa: internt fel (ValueError: SHA b'…' could not be resolved, git returned:
    # b'… missing')" from minutes, log and forslag; with every object gone (a copy without
    # .git/objects), "har inga incheckningar ännu" — told to commit what was committed.
    root, repo = _committed(tmp_path)
    objects = Path(repo.git_dir) / "objects"
    blob = repo.head.commit.tree["organ/styrgrupp.yaml"].hexsha
    loose = objects / blob[:2] / blob[2:]
    if damage == "garbage":
        loose.chmod(0o644)
        loose.write_bytes(b"garbage")
    elif damage == "deleted":
        loose.unlink()
    else:
        for d in objects.glob("??"):
            for f in d.iterdir():
                f.unlink()
    for args, code, output in _run_all(root):
        assert code == 2, (args, output)
        assert "internt fel" not in output and "Traceback" not in output, (args, output)
        assert "skadat eller ofullständigt" in output, (args, output)
        assert "git fsck" in output, (args, output)
        if damage != "all-objects":
            assert "organ/styrgrupp.yaml" in output, (args, output)
        assert "could not be resolved" not in output, (args, output)


def test_a_repository_git_refuses_to_read_is_named_with_the_fix(tmp_path: Path) -> None:
    # Before: a repository owned by another user (CI containers) was reported as
    # "har inga incheckningar ännu" / "Revisionen 'HEAD' finns inte": git refuses every
    # command there ("dubious ownership") and bfa read the refusal as emptiness.
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("needs root to give the repository to another user (CI runs as root)")
    root, _repo = _committed(tmp_path)
    for path, dirs, files in os.walk(root):
        for name in [*dirs, *files, "."]:
            os.chown(os.path.join(path, name), 65534, 65534)
    home = tmp_path / "home"  # no safe.directory from the machine's own ~/.gitconfig
    home.mkdir()
    env = {**os.environ, "HOME": str(home), "GIT_CONFIG_NOSYSTEM": "1"}
    env.pop("GIT_CONFIG_GLOBAL", None)
    for args in HISTORY_COMMANDS:
        proc = _bfa([*args, str(root)], env)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "dubious ownership" in proc.stderr, (args, proc.stderr)
        assert f"safe.directory {root}" in proc.stderr, (args, proc.stderr)
        assert "inga incheckningar" not in proc.stderr and "finns inte" not in proc.stderr


def test_no_git_program_is_named_not_an_internal_error(tmp_path: Path) -> None:
    # Before: GitPython refused to import without a git program: "internt fel
    # (ImportError: Failed to initialize: Bad git executable …)".
    root, _repo = _committed(tmp_path)
    env = {**os.environ, "PATH": str(tmp_path / "no-programs-here")}
    for args in HISTORY_COMMANDS:
        proc = _bfa([*args, str(root)], env)
        assert proc.returncode == 2, (args, proc.stderr)
        assert "Programmet git finns inte" in proc.stderr, (args, proc.stderr)
        assert "internt fel" not in proc.stderr
    proc = _bfa(["validate", str(root)], env)
    assert proc.returncode in (0, 1), proc.stderr  # validate needs no git
