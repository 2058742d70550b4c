"""The released package: sdist and wheel build, and bfa works from the installed wheel.

Built the way ``python -m build`` builds (the PEP 517 hooks of setuptools: an sdist, then
the wheel from the unpacked sdist, so a file missing from the sdist is missing from the
wheel), installed with pip into a new venv, and run from there. To stay quick the new venv
reuses this environment's dependencies through a ``.pth`` line (bfa itself comes only from
the wheel: the test checks where it was imported from); the release workflow installs the
wheel with its dependencies from the index into a clean venv as well.
"""

from __future__ import annotations

import io
import os
import subprocess
import sys
import sysconfig
import tarfile
import venv
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from brottsforeb import __version__

from .conftest import EXAMPLES, ROOT

BUILD = """
import sys
from setuptools import build_meta
kind, out = sys.argv[1], sys.argv[2]
hooks = {"sdist": build_meta.build_sdist, "wheel": build_meta.build_wheel,
         "editable": build_meta.build_editable}
hook = hooks[kind]
print(hook(out))
"""


def _hook(kind: str, source: Path, out: Path) -> Path:
    proc = subprocess.run(
        [sys.executable, "-c", BUILD, kind, str(out)],
        cwd=source,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    return out / proc.stdout.strip().splitlines()[-1]


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    out = tmp_path_factory.mktemp("dist")
    sdist = _hook("sdist", ROOT, out)
    with tarfile.open(sdist) as tar:
        tar.extractall(out / "src", filter="data")
    (unpacked,) = (out / "src").iterdir()
    wheel = _hook("wheel", unpacked, out)
    return sdist, wheel


def _scripts(env: Path) -> Path:
    return env / ("Scripts" if os.name == "nt" else "bin")


@pytest.fixture(scope="module")
def installed(dist: tuple[Path, Path], tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A new venv with only the wheel installed; dependencies reused from this one."""
    env = tmp_path_factory.mktemp("venv") / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    python = _scripts(env) / ("python.exe" if os.name == "nt" else "python")
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--no-cache-dir", "-q", str(dist[1])],
        capture_output=True,
        text=True,
        check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    # Only now point at this environment's dependencies: with the line in place during the
    # install, pip saw a non-editable bfa here as "already satisfied" and skipped the wheel.
    here = sysconfig.get_paths()["purelib"]
    (Path(site) / "_bfa_test_deps.pth").write_text(here + "\n", encoding="utf-8")
    return env


def _run(env: Path, *args: str | Path, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [_scripts(env) / "bfa", *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env={**os.environ, "COLUMNS": "200", "PYTHONPATH": ""},
        check=False,
    )


def test_the_sdist_and_the_wheel_carry_every_template(dist: tuple[Path, Path]) -> None:
    sdist, wheel = dist
    assert wheel.name == f"brottsforeb-{__version__}-py3-none-any.whl"
    top = ROOT / "templates"
    templates = sorted(p.relative_to(top).as_posix() for p in top.rglob("*") if p.is_file())
    assert "riktlinje.md.j2" in templates
    assert not (ROOT / "src/brottsforeb/templates").exists()  # one home: the top level
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        metadata = zf.read(f"brottsforeb-{__version__}.dist-info/METADATA").decode()
        entry_points = zf.read(f"brottsforeb-{__version__}.dist-info/entry_points.txt").decode()
    for name in templates:
        assert f"brottsforeb/templates/{name}" in names, name
    assert not any(n.startswith("templates/") for n in names)  # inside the package only
    assert "brottsforeb/py.typed" in names
    assert not any(n.startswith(("tests/", "examples/")) for n in names)
    assert "bfa = brottsforeb.cli:main" in entry_points
    assert "Requires-Python: >=3.11" in metadata
    assert "Description-Content-Type: text/markdown" in metadata
    with tarfile.open(sdist) as tar:
        members = {m.split("/", 1)[1] for m in tar.getnames() if "/" in m}
    assert "README.md" in members and "pyproject.toml" in members
    assert {f"templates/{name}" for name in templates} <= members


def test_twine_check_passes(dist: tuple[Path, Path]) -> None:
    pytest.importorskip("twine", reason="twine ingår i .[test]; äldre miljöer saknar det")
    proc = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, dist)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("PASSED") == 2


def test_init_validate_and_pdf_from_the_installed_wheel(installed: Path, tmp_path: Path) -> None:
    where = subprocess.run(
        [_scripts(installed) / "python", "-c", "import brottsforeb; print(brottsforeb.__file__)"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        env={**os.environ, "PYTHONPATH": ""},
        check=True,
    ).stdout.strip()
    assert Path(where).resolve().is_relative_to(installed.resolve()), where

    r = _run(installed, "--version", cwd=tmp_path)
    assert r.returncode == 0 and __version__ in r.stdout
    r = _run(installed, "init", "kommun", "--name", "Testby kommun", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    root = tmp_path / "kommun"
    # installed from a wheel file: the municipality's CI installs that same wheel
    wheels = [p.name for p in (root / ".bfa").glob("*.whl")]
    assert wheels == [f"brottsforeb-{__version__}-py3-none-any.whl"]
    assert f"./.bfa/{wheels[0]}" in (root / ".bfa/requirements.txt").read_text().splitlines()

    r = _run(installed, "validate", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    r = _run(installed, "render", "riktlinje", "--format", "pdf", "-o", "utdata/r.pdf", cwd=root)
    assert r.returncode == 0, r.stdout + r.stderr
    pdf = PdfReader(io.BytesIO((root / "utdata/r.pdf").read_bytes()))
    text = " ".join(page.extract_text() for page in pdf.pages)
    assert "Testby kommun" in text
    r = _run(installed, "render", "organisation", cwd=root)
    assert r.returncode == 0 and "Styrgrupp" in r.stdout
    # the templates come from the installed package, not from this checkout
    found = subprocess.run(
        [_scripts(installed) / "python", "-c",
         "from brottsforeb._templates import templates_dir; print(templates_dir())"],
        cwd=tmp_path, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": ""},
        check=True,
    ).stdout.strip()  # fmt: skip
    assert Path(found).resolve().is_relative_to(installed.resolve()), found


def test_an_editable_install_reads_the_top_level_templates(tmp_path: Path) -> None:
    """``pip install -e .``: no copy in the package; bfa renders from ``templates/`` here."""
    env = tmp_path / "env"
    venv.EnvBuilder(with_pip=False).create(env)
    python = _scripts(env) / ("python.exe" if os.name == "nt" else "python")
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    # what ``pip install -e .`` does: the PEP 660 hook builds an editable wheel, pip installs it
    editable = _hook("editable", ROOT, tmp_path)
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--no-cache-dir", "-q", str(editable)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stdout + proc.stderr
    (Path(site) / "_bfa_test_deps.pth").write_text(
        sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8"
    )
    probe = (
        "import brottsforeb; from brottsforeb._templates import templates_dir; "
        "print(brottsforeb.__file__); print(templates_dir())"
    )
    out = subprocess.run(
        [python, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
        env={**os.environ, "PYTHONPATH": ""}, check=True,
    ).stdout.splitlines()  # fmt: skip
    assert Path(out[0]).resolve().is_relative_to((ROOT / "src").resolve()), out
    assert Path(out[1]).resolve() == (ROOT / "templates").resolve(), out
    r = _run(env, "render", "riktlinje", EXAMPLES / "torsby", cwd=tmp_path)
    assert r.returncode == 0, r.stdout + r.stderr
    assert "Torsby" in r.stdout


def test_version_changelog_and_release_workflow_agree() -> None:
    import re
    import tomllib

    import yaml

    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    assert project["version"] == __version__
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    headings = re.findall(r"^## (.+)$", changelog, re.M)
    # "Unreleased" on top, then one "X.Y.Z – ÅÅÅÅ-MM-DD" per release, newest first
    assert headings[0] == "Unreleased"
    assert all(re.fullmatch(r"\d+\.\d+\.\d+ – \d{4}-\d{2}-\d{2}", h) for h in headings[1:])
    release = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8"))
    assert release[True] == {"push": {"tags": ["v*"]}}  # YAML 1.1 reads "on" as True
    publish = release["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"}
    assert set(publish["needs"]) == {"test", "smoke"}
    test = yaml.safe_load((ROOT / ".github/workflows/test.yml").read_text(encoding="utf-8"))
    matrix = test["jobs"]["test"]["strategy"]["matrix"]
    assert set(matrix["os"]) == {"ubuntu-latest", "windows-latest", "macos-latest"}
    assert matrix["python"] == ["3.11", "3.12", "3.13"]


def test_ci_runs_the_readmes_test_command_and_fails_with_the_tests() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(
        line for line in readme.splitlines() if line.endswith(".venv/bin/python -m pytest")
    )
    script = (ROOT / ".ci/run").read_text(encoding="utf-8")
    assert command in script.splitlines()
    assert "set -euo pipefail" in script.splitlines()  # a failing step fails the run
    assert os.access(ROOT / ".ci/run", os.X_OK) or os.name == "nt"
