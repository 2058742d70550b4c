"""Hostile input to what bfa writes (attack report A15, A16, A20–A22): refused in Swedish,
never echoed raw, never written half; nothing silently rewritten."""

from __future__ import annotations

import threading
import zipfile
from pathlib import Path

import pytest

from brottsforeb import load_repo, validate
from brottsforeb.errors import BfaError, UsageError
from brottsforeb.findings import Severity
from brottsforeb.scaffold import init_repo, new, new_entity

ESC = "\x1b[31m"
PNR = "811218-9876"


def test_set_reads_values_as_bfa_reads_them(cli, make_repo) -> None:
    root = make_repo()
    r = cli("set", "organ/styrgrupp", "namn", "no", root)
    assert r.exit_code == 0, r.output
    assert "till no." in r.output and "false" not in r.output
    assert load_repo(root).organ["styrgrupp"].name == "no"


@pytest.mark.parametrize(
    ("field", "said"),
    [("ledamöter[-1]", "listor räknas från 1"), ("ledamöter[1", "är inget fält"),
     ("ledamöter]1[", "är inget fält"), ("a..b", "är inget fält")],
)  # fmt: skip
def test_set_refuses_malformed_fields(cli, make_repo, field: str, said: str) -> None:
    r = cli("set", "organ/styrgrupp", field, "x", make_repo())
    assert r.exit_code == 2 and said in r.stderr, r.output


@pytest.mark.parametrize(
    ("name", "said"),
    [("Ny\ngrupp", "får bara vara en rad"), (f"Ny{ESC}grupp", "styrtecken"),
     (f"Grupp {PNR}", "personnummer")],
)  # fmt: skip
def test_new_and_init_refuse_names_validate_would_reject(
    make_repo, tmp_path: Path, name: str, said: str
) -> None:
    root = make_repo()
    before = sorted(p.name for p in root.rglob("*"))
    with pytest.raises(UsageError, match=said) as caught:
        new_entity(root, "organ", name)
    assert "fel i bfa" not in caught.value.message and "\x1b" not in caught.value.message
    assert PNR not in caught.value.message
    assert sorted(p.name for p in root.rglob("*")) == before
    with pytest.raises(UsageError, match=said):
        init_repo(tmp_path / "ny", name, install_from="pypi")
    assert not (tmp_path / "ny" / "bfa.yaml").exists()


def test_an_id_is_used_as_given_or_refused(make_repo) -> None:
    root = make_repo()
    with pytest.raises(UsageError, match="inget giltigt id") as caught:
        new_entity(root, "organ", "Ny grupp", eid=f"y{ESC}")
    assert "\x1b" not in caught.value.message
    assert not list((root / "organ").glob("y*"))
    assert new_entity(root, "organ", "Ny grupp", eid="ny-grupp").files == ["organ/ny-grupp.yaml"]


def test_concurrent_new_creates_one_file_and_refuses_the_rest(make_repo) -> None:
    root = make_repo()
    results: list[str] = []

    def run(i: int) -> None:
        try:
            new(root, "organ", f"Grupp {i}", eid="samma")
            results.append("ok")
        except BfaError as exc:
            results.append(exc.message)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results.count("ok") == 1, results
    assert all("skrivs inte över" in r for r in results if r != "ok")
    assert not [p for p in (root / "organ").iterdir() if p.name.endswith(".tmp")]
    assert not [f for f in validate(load_repo(root)) if f.severity is Severity.ERROR]


@pytest.mark.parametrize(
    "source",
    ["git+https://example.com/x.git@v1\n--extra-index-url https://evil.example/simple",
     "git+https://example.com/x y", "git+ftp://example.com/x"],
)  # fmt: skip
def test_install_from_git_is_one_address(tmp_path: Path, source: str) -> None:
    with pytest.raises(UsageError, match="ingen git-adress"):
        init_repo(tmp_path / "r", "Testby kommun", install_from=source)
    assert not (tmp_path / "r" / ".bfa").exists()


def test_install_from_a_wheel_checks_it_is_bfas(tmp_path: Path) -> None:
    fake = tmp_path / "brottsforeb-0.1.0-py3-none-any.whl"
    fake.write_bytes(b"x")
    with pytest.raises(UsageError, match="inget hjul för bfa"):
        init_repo(tmp_path / "a", "Testby kommun", install_from=str(fake))
    folder = tmp_path / "mapp.whl"
    folder.mkdir()
    with pytest.raises(UsageError, match="ingen vanlig fil"):
        init_repo(tmp_path / "b", "Testby kommun", install_from=str(folder))
    with zipfile.ZipFile(fake, "w") as zf:
        zf.writestr("brottsforeb-0.1.0.dist-info/METADATA", "Name: brottsforeb\n")
        zf.writestr("brottsforeb/__init__.py", "")
    created = init_repo(tmp_path / "c", "Testby kommun", install_from=str(fake))
    assert (tmp_path / "c/.bfa" / fake.name).read_bytes() == fake.read_bytes()
    assert created.install is not None and created.install.how == "wheel"
