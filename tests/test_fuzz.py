"""Fuzzing: whatever is written into any file, bfa answers with findings, never a crash.

Arbitrary bytes and arbitrary YAML documents (random nesting, types, anchors,
tags, unicode, the keys of the kind's own schema) are written into one file of
a valid repository; `bfa validate`, `bfa check` and `bfa render` must exit 0, 1
or 2 without raising and without a traceback.

The normal suite runs a bounded number of examples. The longer campaign
(docs/robusthet.md records the last one):

    BFA_FUZZ_EXAMPLES=1500 python -m pytest tests/test_fuzz.py -p no:cacheprovider

Other property tests: BFA_PROPERTY_SCALE (tests/conftest.py).
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import stat
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from brottsforeb import _yaml, validate
from brottsforeb.cli import app
from brottsforeb.findings import Finding
from brottsforeb.loader import load_files
from brottsforeb.model import KINDS, Kommun
from brottsforeb.render import DOCUMENTS

from .conftest import MINIMAL, examples, write_repo

EXAMPLES = int(os.environ.get("BFA_FUZZ_EXAMPLES", "20"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=EXAMPLES <= 20,  # the normal suite is reproducible; campaigns explore
)

#: One file per kind that MINIMAL has; fuzzed content replaces it.
TARGETS = {
    "bfa": "bfa.yaml",
    "aktorer": "aktorer/polisen.yaml",
    "funktioner": "funktioner/samordnare.yaml",
    "organ": "organ/styrgrupp.yaml",
    "dokument": "dokument/atgardsplan.yaml",
    "lagesbilder": "lagesbilder/lb.yaml",
    "atgarder": "atgarder/belysning.yaml",
    "indikatorer": "indikatorer/klotter.yaml",
    "moten": "moten/2025/2025-03-01-styrgrupp.yaml",
}


def _aliases(kind: str) -> list[str]:
    model = Kommun if kind == "bfa" else KINDS[kind].model
    return [f.alias or name for name, f in model.model_fields.items()]


SCALARS = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(-(2**70), 2**70),
    st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=40),
    st.dates(dt.date(1, 1, 1), dt.date(9999, 12, 31)),
    st.sampled_from(
        ["styrgrupp", "samordnare", "lb/klotter", "år", "vecka", "2025-02-30", "", "~", "ja"]
    ),
)


def _values(keys: st.SearchStrategy[str]) -> st.SearchStrategy[Any]:
    return st.recursive(
        SCALARS,
        lambda inner: st.one_of(
            st.lists(inner, max_size=4), st.dictionaries(keys, inner, max_size=4)
        ),
        max_leaves=12,
    )


HAZARDS = [
    "",
    "!!python/object/apply:os.system ['echo pwned'] ",
    "!custom ",
    "!!binary aGVq ",
    "&a ",
    "*a ",
    "*saknas ",
    "!!str ",
    "!!int ",
    "? ",
    "<<: ",
    "\t",
    "'",
    '"',
    "{",
    "[",
    "%YAML 1.1\n---\n",
    "--- |\n",
    "\ufeff",
]


@st.composite
def yaml_documents(draw: st.DrawFn, kind: str) -> bytes:
    keys = st.one_of(st.sampled_from(_aliases(kind)), st.text(max_size=12))
    data = draw(st.dictionaries(keys, _values(keys), max_size=8) | _values(keys))
    try:
        text = yaml.safe_dump(
            data, allow_unicode=True, sort_keys=False, width=draw(st.integers(20, 200))
        )
    except (yaml.YAMLError, ValueError):
        text = str(data)
    lines = text.splitlines()
    for _ in range(draw(st.integers(0, 3))):  # splice hazards in at random places
        at = draw(st.integers(0, len(lines)))
        line = lines[at] if at < len(lines) else ""
        cut = draw(st.integers(0, len(line)))
        lines[at : at + 1] = [line[:cut] + draw(st.sampled_from(HAZARDS)) + line[cut:]]
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    return "\n".join(lines).encode(encoding, errors="replace")


def _run_everything(root: Path, runner: CliRunner, document: str) -> None:
    for args in (
        ["validate", str(root)],
        ["validate", str(root), "--format", "json"],
        ["check", str(root), "--today", "2026-06-01"],
        ["status", str(root), "--today", "2026-06-01"],
        ["render", document, str(root)],
    ):
        result = runner.invoke(app, args, catch_exceptions=True)
        assert result.exception is None or isinstance(result.exception, SystemExit), (
            args,
            result.exception,
        )
        assert result.exit_code in (0, 1, 2), (args, result.exit_code, result.output)
        assert "Traceback" not in result.output


@pytest.fixture(scope="module")
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture
def base(tmp_path: Path) -> Path:
    root = tmp_path / "base"
    write_repo(root, dict(MINIMAL))
    write_repo(
        root,
        {
            TARGETS["moten"]: "organ: styrgrupp\ndatum: 2025-03-01\nnärvarande: [samordnare]\n"
            "åtgärdspunkter:\n  - {vad: Boka lokal, vem: samordnare, senast: 2025-06-01}\n"
        },
    )
    return root


def _with(base: Path, tmp_path: Path, rel: str, content: bytes) -> Path:
    root = tmp_path / "fuzz"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(base, root)
    (root / rel).parent.mkdir(parents=True, exist_ok=True)
    (root / rel).write_bytes(content)
    return root


@FUZZ
@given(
    kind=st.sampled_from(sorted(TARGETS)),
    content=st.binary(max_size=300),
    document=st.sampled_from(sorted(DOCUMENTS)),
)
def test_arbitrary_bytes_never_crash(base, tmp_path, runner, kind, content, document) -> None:
    _run_everything(_with(base, tmp_path, TARGETS[kind], content), runner, document)


@FUZZ
@given(data=st.data(), document=st.sampled_from(sorted(DOCUMENTS)))
def test_arbitrary_yaml_never_crashes(base, tmp_path, runner, data, document) -> None:
    kind = data.draw(st.sampled_from(sorted(TARGETS)))
    content = data.draw(yaml_documents(kind))
    _run_everything(_with(base, tmp_path, TARGETS[kind], content), runner, document)


@FUZZ
@given(data=st.data())
def test_arbitrary_values_in_valid_shapes_never_crash(base, tmp_path, runner, data) -> None:
    """Keep the file a mapping of the schema's own keys, so the rules run, not just the loader."""
    kind = data.draw(st.sampled_from(sorted(TARGETS)))
    original = yaml.safe_load((base / TARGETS[kind]).read_text(encoding="utf-8"))
    key = data.draw(st.sampled_from(_aliases(kind)))
    value = data.draw(_values(st.sampled_from(_aliases(kind))))
    changed = {**original, key: value}
    text = yaml.safe_dump(changed, allow_unicode=True, sort_keys=False)
    root = _with(base, tmp_path, TARGETS[kind], text.encode("utf-8"))
    _run_everything(root, runner, data.draw(st.sampled_from(sorted(DOCUMENTS))))


# == The shapes that found the #16 bugs, in every data folder (deterministic) ==============
#
# Each class below is run at and around its limit, in every kind of data file, through the
# library (fast: in memory where the shape is content) and, for what lives on disk (links,
# special files, names), through the CLI as well. The Hypothesis test at the end mixes them
# (BFA_PROPERTY_SCALE=50 for a campaign; docs/robusthet.md records the last one).

PNR = "900101-0009"  # a valid personnummer (Luhn); the test data's own, no one's
ESC = "\x1b]0;hacked\x07\x1b[2J"

NESTING: dict[str, Callable[[int], str]] = {
    "flow list": lambda n: "namn: " + "[" * n + "]" * n + "\n",
    "flow map": lambda n: "namn: " + "{a: " * n + "1" + "}" * n + "\n",
    "block list on one line": lambda n: "namn:\n  " + "- " * n + "x\n",
    "block map by indent": lambda n: (
        "".join(" " * i + "a:\n" for i in range(min(n, 1200))) + " " * min(n, 1200) + "b: 1\n"
    ),
    "complex keys": lambda n: "? " * n + "x\n",
    "mixed, unclosed": lambda n: "namn: " + "[{b: " * (n // 2) + "\n",
}
DEPTHS = [_yaml.MAX_DEPTH - 2, _yaml.MAX_DEPTH + 1, 10_000, 100_000]


def _minimal_bytes() -> dict[str, bytes]:
    files = {rel: textwrap.dedent(text).lstrip("\n").encode() for rel, text in MINIMAL.items()}
    files[TARGETS["moten"]] = b"organ: styrgrupp\ndatum: 2025-03-01\n"
    return files


def _load_with(rel: str, content: bytes) -> list[Finding]:
    """The findings of the minimal repository with ``rel`` replaced, read in memory."""
    files = _minimal_bytes()
    files[rel] = content
    repo = load_files(files)
    return [f for f in validate(repo) if f.file == rel]


def _deep(shape: str, depth: int) -> bool:
    if shape == "block map by indent":
        return min(depth, 1200) > _yaml.MAX_DEPTH
    if shape == "mixed, unclosed":
        return depth // 2 * 2 + 1 > _yaml.MAX_DEPTH  # + the top-level mapping
    return depth > _yaml.MAX_DEPTH


@pytest.mark.parametrize("depth", DEPTHS)
@pytest.mark.parametrize("shape", list(NESTING))
def test_nesting_at_and_around_the_limit_in_every_kind(shape: str, depth: int) -> None:
    text = NESTING[shape](depth).encode()
    for kind, rel in TARGETS.items():
        rules = {f.rule for f in _load_with(rel, text)}
        if _deep(shape, depth):
            assert "YAML-STORLEK" in rules, (kind, shape, depth, rules)
        else:
            assert "YAML-STORLEK" not in rules, (kind, shape, depth, rules)


@pytest.mark.parametrize(
    ("count", "size"),
    [
        # values: just under and just over MAX_NODES (11 values per alias of a 10-list)
        (_yaml.MAX_NODES // 11 - 20, 1),
        (_yaml.MAX_NODES // 11 + 20, 1),
        # characters (the anchored value counts once more): just under and just over
        (40, _yaml.MAX_EXPANDED_CHARS // 41 - 1000),
        (40, _yaml.MAX_EXPANDED_CHARS // 41 + 1000),
        (2_000, 400_000),  # the observed 11 GB case, scaled to the file limit
    ],
)
def test_aliases_at_and_around_both_expansion_limits(count: int, size: int) -> None:
    ten = "[1, 2, 3, 4, 5, 6, 7, 8, 9, 10]"
    anchor = f"x: &a {ten}\n" if size == 1 else f"x: &a '{'y' * size}'\n"
    text = anchor + "namn: [" + ", ".join(["*a"] * count) + "]\n"
    expanded_values = count * (11 if size == 1 else 1)
    expanded_chars = (count + 1) * size if size > 1 else 0
    over = expanded_values > _yaml.MAX_NODES or expanded_chars > _yaml.MAX_EXPANDED_CHARS
    parsed = _yaml.parse(text, "organ/x.yaml")
    storlek = [f for f in parsed.findings if f.rule == "YAML-STORLEK"]
    assert bool(storlek) == over, (count, size, parsed.findings)
    if over:
        assert parsed.data is None


@pytest.mark.parametrize("delta", [-1, 0, 1])
def test_file_size_at_and_around_the_limit(delta: int) -> None:
    head = b"namn: Styrgrupp\ntyp: styrgrupp\n#"
    content = head + b"x" * (_yaml.MAX_FILE_BYTES + delta - len(head) - 1) + b"\n"
    assert len(content) == _yaml.MAX_FILE_BYTES + delta
    rules = {f.rule for f in _load_with(TARGETS["organ"], content)}
    assert ("FIL-STORLEK" in rules) == (delta > 0), rules


SAMPLE = "namn: Styrgrupp för åäö\ntyp: styrgrupp\n"
ENCODINGS: dict[str, tuple[bytes, str | None]] = {
    "utf-8": (SAMPLE.encode("utf-8"), None),
    "utf-8 with BOM": (b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"), None),
    "utf-16 with BOM": (SAMPLE.encode("utf-16"), "UTF-16"),
    "utf-16-le": (SAMPLE.encode("utf-16-le"), "UTF-16"),
    "utf-16-be": (SAMPLE.encode("utf-16-be"), "UTF-16"),
    "utf-32 with BOM": (SAMPLE.encode("utf-32"), "UTF-32"),
    "utf-32-le": (SAMPLE.encode("utf-32-le"), "UTF-32"),
    "utf-32-be": (SAMPLE.encode("utf-32-be"), "UTF-32"),
    "latin-1": (SAMPLE.encode("latin-1"), "1252"),
    "mixed line endings": (b"namn: Styrgrupp\r\ntyp: styrgrupp\ruppdrag: x\n", None),
    "CR only": (b"namn: Styrgrupp\rtyp: styrgrupp\r", None),
    "NUL byte": (b"namn: Styr\x00grupp\ntyp: styrgrupp\n", ""),
}


@pytest.mark.parametrize("name", list(ENCODINGS))
def test_every_encoding_is_read_or_named(name: str) -> None:
    content, named = ENCODINGS[name]
    found = _load_with(TARGETS["organ"], content)
    coding = [f for f in found if f.rule in ("FIL-KODNING", "YAML-SYNTAX")]
    if named is None:
        assert not coding, found
    else:
        assert coding, found
        assert named in coding[0].message, coding[0].message


def _cli_json(root: Path, runner: CliRunner | None = None) -> tuple[dict[str, Any], str]:
    """`bfa validate --format json` and the human report: in a subprocess (as a user runs
    it, bytes and all), or in-process with ``runner`` (fast, for the campaign)."""
    if runner is not None:
        out = []
        for fmt in ("json", "human"):
            result = runner.invoke(app, ["validate", str(root), "--format", fmt])
            assert result.exception is None or isinstance(result.exception, SystemExit), (
                result.exception
            )
            assert result.exit_code in (0, 1), result.output
            out.append(result.output)
        return json.loads(out[0]), out[1]
    proc = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "validate", str(root), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode in (0, 1), proc.stderr
    assert "Traceback" not in proc.stderr
    human = subprocess.run(
        [sys.executable, "-m", "brottsforeb", "validate", str(root)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        env={**os.environ, "COLUMNS": "200"},
    )
    assert human.returncode in (0, 1) and "Traceback" not in human.stderr
    return json.loads(proc.stdout), human.stdout + human.stderr


def _never_echoed(text: str) -> None:
    assert "\x1b" not in text and "\x07" not in text
    assert PNR not in text and "9001010009" not in text and "01-0009" not in text


@pytest.mark.skipif(sys.platform == "win32", reason="links, FIFOs and sockets are POSIX here")
def test_links_and_special_files_in_every_data_folder(base: Path, tmp_path: Path) -> None:
    import socket

    outside = tmp_path / "utanför"
    outside.mkdir()
    (outside / "hemligt.yaml").write_text("namn: HEMLIGT\ntyp: styrgrupp\n", encoding="utf-8")
    root = base
    expected: dict[str, str] = {}
    for folder in ("aktorer", "organ", "funktioner", "dokument", "atgarder", "moten/2025"):
        d = root / folder
        d.mkdir(parents=True, exist_ok=True)
        os.symlink(outside / "hemligt.yaml", d / "ut.yaml")
        expected[f"{folder}/ut.yaml"] = "FIL-LANK"
        os.symlink("slinga.yaml", d / "slinga.yaml")
        expected[f"{folder}/slinga.yaml"] = "FIL-LANK"
        os.symlink("b-varv.yaml", d / "a-varv.yaml")
        os.symlink("a-varv.yaml", d / "b-varv.yaml")
        expected[f"{folder}/a-varv.yaml"] = "FIL-LANK"
        os.symlink("finns-inte.yaml", d / "trasig.yaml")
        expected[f"{folder}/trasig.yaml"] = "FIL-LANK"
        os.mkfifo(d / "fifo.yaml")
        expected[f"{folder}/fifo.yaml"] = "FIL-TYP"
        (d / "mapp.yaml").mkdir()
        expected[f"{folder}/mapp.yaml"] = "FIL-TYP"
        os.symlink(d / "fifo.yaml", d / "till-fifo.yaml")
        expected[f"{folder}/till-fifo.yaml"] = "FIL-TYP"
        here = os.getcwd()
        os.chdir(d)  # a socket's path is limited to ~100 bytes: bind it relative
        try:
            with socket.socket(socket.AF_UNIX) as sock:
                sock.bind("sock.yaml")
        finally:
            os.chdir(here)
        expected[f"{folder}/sock.yaml"] = "FIL-TYP"
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            os.mknod(d / "null.yaml", stat.S_IFCHR | 0o600, os.makedev(1, 3))
            expected[f"{folder}/null.yaml"] = "FIL-TYP"
    os.symlink(outside, root / "lagesbilder-ut")  # a folder link out, not a data folder
    shutil.rmtree(root / "indikatorer")
    os.symlink(outside, root / "indikatorer")  # a data folder that is a link out
    expected["indikatorer/"] = "FIL-LANK"
    os.symlink("..", root / "organ" / "upp")  # a folder loop inside
    report, human = _cli_json(root)
    found = {(f["file"], f["rule"]) for f in report["findings"]}
    for rel, rule in expected.items():
        assert (rel, rule) in found, (rel, rule, sorted(found))
    assert "HEMLIGT" not in human and "HEMLIGT" not in json.dumps(report)
    _never_echoed(human)


HOSTILE_NAMES = {
    "escape sequence": f"a{ESC}b.yaml",
    "newline": "rad\nbrytning.yaml",
    "carriage return": "rad\rretur.yaml",
    "tab": "tabb\t.yaml",
    "personnummer": f"{PNR}.yaml",
    "personnummer inside": f"fall-19{PNR.replace('-', '')}-x.yaml",
    "windows reserved": "con.yaml",
    "windows reserved with suffix": "com1.yaml",
    "very long": "x" * 240 + ".yaml",
    "decomposed ö": "lo\u0308sa.yaml",
    "trailing space": "mellanslag .yaml",
    "leading dash": "-flagga.yaml",
    "not utf-8": b"\xff\xfe-bytes.yaml",
}


@pytest.mark.skipif(sys.platform == "win32", reason="these names cannot exist on Windows")
def test_hostile_file_names_are_findings_never_echoed(base: Path) -> None:
    folder = os.fsencode(base / "organ")
    for name in HOSTILE_NAMES.values():
        raw = name if isinstance(name, bytes) else name.encode("utf-8")
        with open(os.path.join(folder, raw), "wb") as f:
            f.write(b"namn: Grupp\ntyp: styrgrupp\n")
    report, human = _cli_json(base)
    _never_echoed(human)
    _never_echoed(json.dumps(report, ensure_ascii=False))
    files = {f["file"] for f in report["findings"]}
    # every hostile name is reported (as a bad id, a personnummer or a reserved name)
    assert len([f for f in files if f.startswith("organ/")]) >= len(HOSTILE_NAMES) - 1, files
    assert any(f["rule"] == "PERSONNUMMER" for f in report["findings"])


def test_hostile_history_never_crashes_or_echoes(base: Path) -> None:
    import git

    repo = git.Repo.init(base)
    repo.git.add(A=True)
    actor = git.Actor(f"Evil {ESC} {PNR}", "x@example.se")
    repo.index.commit("Första", author=actor, committer=actor)
    (base / "organ" / "djup.yaml").write_text(NESTING["flow list"](100_000), encoding="utf-8")
    (base / "organ" / "styrgrupp.yaml").write_text(
        "namn: Styrgrupp\ntyp: styrgrupp\nuppdrag: " + ESC + "\n", encoding="utf-8"
    )
    repo.git.add(A=True)
    repo.index.commit(f"Ändrat {ESC} av {PNR}\x1e\x1f", author=actor, committer=actor)
    (base / "organ" / "alias.yaml").write_text(
        f"x: &a '{'y' * 400_000}'\nnamn: [" + ", ".join(["*a"] * 20) + "]\n", encoding="utf-8"
    )
    for args in (["minutes"], ["log"], ["log", "organ/styrgrupp.yaml"]):
        proc = subprocess.run(
            [sys.executable, "-m", "brottsforeb", *args],
            cwd=base,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert proc.returncode in (0, 1, 2), (args, proc.stderr)
        assert "Traceback" not in proc.stderr and "internt fel" not in proc.stderr, proc.stderr
        _never_echoed(proc.stdout + proc.stderr)


# -- the campaign: hostile trees drawn at random -------------------------------------------------

_CONTENT = st.one_of(
    st.builds(
        lambda shape, depth: NESTING[shape](depth).encode(),
        st.sampled_from(sorted(NESTING)),
        st.integers(1, 100_000),
    ),
    st.builds(
        lambda count, size: (
            f"x: &a '{'y' * size}'\nnamn: [" + ", ".join(["*a"] * count) + "]\n"
        ).encode(),
        st.integers(1, 3_000),
        st.integers(1, 300_000),
    ),
    st.builds(
        lambda enc: ENCODINGS[enc][0],
        st.sampled_from(sorted(ENCODINGS)),
    ),
    st.builds(
        lambda pad: b"namn: x\n#" + b"x" * pad + b"\n",
        st.integers(_yaml.MAX_FILE_BYTES - 50, _yaml.MAX_FILE_BYTES + 50),
    ),
    st.binary(max_size=200),
)
_SPECIAL = st.sampled_from(["file", "file", "file", "fifo", "dir", "loop", "dangling", "out"])
_NAME = st.one_of(
    st.sampled_from([n for n in HOSTILE_NAMES.values() if isinstance(n, str)]),
    st.from_regex(r"[a-z0-9-]{1,20}\.ya?ml", fullmatch=True),
)


@settings(
    max_examples=examples(6),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(
    entries=st.lists(
        st.tuples(st.sampled_from(sorted(KINDS)), _NAME, _SPECIAL, _CONTENT),
        min_size=1,
        max_size=4,
    )
)
def test_hostile_trees_never_crash_hang_or_echo(
    base: Path, tmp_path: Path, runner: CliRunner, entries
) -> None:
    if sys.platform == "win32":
        pytest.skip("links and FIFOs")
    root = tmp_path / "fientlig"
    if root.exists():
        shutil.rmtree(root)
    shutil.copytree(base, root)
    outside = tmp_path / "ute.yaml"
    outside.write_text("namn: HEMLIGT\n", encoding="utf-8")
    for kind, name, special, content in entries:
        folder = root / kind / ("2025" if KINDS[kind].by_year else "")
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / name
        if os.path.lexists(path):
            continue
        if special == "file":
            path.write_bytes(content)
        elif special == "fifo":
            os.mkfifo(path)
        elif special == "dir":
            path.mkdir()
        elif special == "loop":
            os.symlink(name, path)
        elif special == "dangling":
            os.symlink("finns-inte", path)
        else:
            os.symlink(outside, path)
    report, human = _cli_json(root, runner)
    _never_echoed(human + json.dumps(report, ensure_ascii=False))
    assert "HEMLIGT" not in human
