"""Several repositories at once: `bfa validate SÖKVÄG...` and a folder of repositories."""

from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pytest

from brottsforeb.batch import expand, validate_many
from brottsforeb.errors import NotARepositoryError

from .conftest import EXAMPLES, ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus


@pytest.fixture(scope="module")
def county(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Four generated municipalities, one of them with an error."""
    out = tmp_path_factory.mktemp("lan") / "lan"
    roots = corpus.write(out, 4, seed=7)
    broken = roots[2] / "organ/styrgrupp.yaml"
    broken.write_text(broken.read_text().replace("ordförande: kommundirektor", "ordförande: x"))
    return out


def test_corpus_is_realistic_and_valid(county: Path) -> None:
    root = county / "kommun-001"
    assert len(list((root / "funktioner").glob("*.yaml"))) == 20
    assert len(list((root / "organ").glob("*.yaml"))) == 8
    assert len(list((root / "atgarder").glob("*.yaml"))) == 40
    assert len(list((root / "indikatorer").glob("*.yaml"))) == 15
    assert len(list((root / "dokument").glob("*.yaml"))) == 10
    assert len(list((root / "moten").rglob("*-est.yaml"))) >= 150  # weekly, three years
    [result] = validate_many([root])
    assert result.findings == []


def test_corpus_is_deterministic(tmp_path: Path) -> None:
    a = corpus.write(tmp_path / "a", 2, seed=1)
    b = corpus.write(tmp_path / "b", 2, seed=1)
    for ra, rb in zip(a, b, strict=True):
        files_a = sorted(p.relative_to(ra) for p in ra.rglob("*.yaml"))
        assert files_a == sorted(p.relative_to(rb) for p in rb.rglob("*.yaml"))
        assert all((ra / f).read_bytes() == (rb / f).read_bytes() for f in files_a)


def test_a_folder_of_repositories_is_expanded(county: Path) -> None:
    assert [p.name for p in expand([county])] == [f"kommun-00{i}" for i in range(1, 5)]
    with pytest.raises(NotARepositoryError):
        expand([county / "finns-inte"])
    # a file outside every repository is named, not the folder it lies in
    (county / "README.md").write_text("# Länet\n", encoding="utf-8")
    with pytest.raises(NotARepositoryError, match=r"README\.md är inte ett bfa-förråd"):
        expand([county / "README.md"])


def test_combined_report_and_exit_code(cli, county: Path) -> None:
    r = cli("validate", county, "--format", "json", "--jobs", "2")
    assert r.exit_code == 1
    doc = json.loads(r.stdout)
    assert doc["files"] == sum(x["files"] for x in doc["repositories"])
    assert [x["label"] for x in doc["repositories"]] == [f"kommun-00{i}" for i in range(1, 5)]
    [finding] = [f for f in doc["findings"] if f["severity"] == "fel"]
    assert finding["file"] == "kommun-003/organ/styrgrupp.yaml"
    assert finding["rule"] == "REF-SAKNAS" and finding["line"] > 0
    human = cli("validate", county)
    assert "4 förråd, 1 med fel" in human.stdout
    assert "kommun-003/organ/styrgrupp.yaml" in human.stdout


def test_parallel_equals_serial(county: Path) -> None:
    serial = validate_many([county], jobs=1)
    parallel = validate_many([county], jobs=2)
    assert [(r.label, r.findings, r.files) for r in serial] == [
        (r.label, r.findings, r.files) for r in parallel
    ]


def test_several_paths_and_single_repo_unchanged(cli, tmp_path: Path) -> None:
    for name in ("torsby", "norsjo"):
        shutil.copytree(EXAMPLES / name, tmp_path / name)
    r = cli("validate", tmp_path / "torsby", tmp_path / "norsjo", "--format", "json")
    assert r.exit_code == 0
    doc = json.loads(r.stdout)
    assert {x["label"] for x in doc["repositories"]} == {"torsby", "norsjo"}
    assert all(f["file"].startswith("norsjo/") for f in doc["findings"])
    single = json.loads(cli("validate", tmp_path / "norsjo", "--format", "json").stdout)
    assert "repositories" not in single
    assert all(not f["file"].startswith("norsjo/") for f in single["findings"])
