"""Hazards as a user meets them: bombs, personal data in public documents, paths, kills.

Each test here is named in docs/robusthet.md next to the guarantee it covers.
"""

from __future__ import annotations

import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pypdf import PdfReader

from brottsforeb import load_repo
from brottsforeb.render import render, render_all, to_pdf
from brottsforeb.render._public import personal_data

from .conftest import EXAMPLE_NAMES, EXAMPLES, ROOT

BOMB = "\n".join(
    ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    + [
        f"{c}: &{c} [" + ", ".join([f"*{p}"] * 9) + "]"
        for p, c in zip("abcdefgh", "bcdefghi", strict=True)
    ]
)

#: Runs a command and prints the peak memory of that child alone (in kB).
MEASURE = """
import resource, subprocess, sys, json
p = subprocess.run(sys.argv[1:], capture_output=True, text=True, timeout=120)
peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
print(json.dumps({"rc": p.returncode, "out": p.stdout, "err": p.stderr, "kb": peak}))
"""


def _measured(*args: str | Path, cwd: Path | None = None) -> dict[str, object]:
    start = time.monotonic()
    proc = subprocess.run(
        [sys.executable, "-c", MEASURE, sys.executable, "-m", "brottsforeb", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "200"},
        check=True,
    )
    result: dict[str, object] = json.loads(proc.stdout)
    result["seconds"] = time.monotonic() - start
    return result


@pytest.mark.parametrize(
    ("where", "text"),
    [
        ("organ/lol.yaml", BOMB + "\nnamn: *i\ntyp: arbetsgrupp\n"),
        # the bomb where a message would quote the value (a string field)
        ("bfa.yaml", None),
    ],
)
def test_billion_laughs_in_an_example_is_bounded(example, where: str, text: str | None) -> None:
    root = example("torsby")
    if text is None:
        original = (root / "bfa.yaml").read_text(encoding="utf-8")
        text = BOMB + "\n" + original.replace("namn: Torsby kommun", "namn: *i")
    (root / where).write_text(text, encoding="utf-8")
    r = _measured("validate", root)
    assert r["rc"] == 1
    out = str(r["out"])
    assert where in out and "YAML-STORLEK" in out and "alias" in out
    assert int(str(r["kb"])) < 400 * 1024, f"{r['kb']} kB"
    assert '"lol"' not in out and "lol, lol" not in out  # the value is never quoted


def test_personnummer_in_an_example_names_file_and_line(example, cli) -> None:
    root = example("lindesberg")
    target = next((root / "organ").glob("*.yaml"))
    lines = target.read_text(encoding="utf-8").splitlines()
    lines.insert(2, "# Ärende: 19811218-9876 (från SSPF)")
    target.write_text("\n".join(lines) + "\n", encoding="utf-8")
    r = cli("validate", root)
    assert r.exit_code == 1
    assert f"organ/{target.name}" in r.stdout and "personnummer" in r.stdout
    assert "3:" in r.stdout  # the line
    assert "19811218-9876" not in r.stdout and "9876" not in r.stdout


# -- personal data in public documents ------------------------------------------------


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_public_documents_have_no_names_emails_or_phones(name: str) -> None:
    repo = load_repo(EXAMPLES / name)
    people = personal_data(repo)
    for doc in render_all(repo, public=True):
        assert "Offentlig version" in doc.markdown
        for value in people:
            assert value not in doc.markdown, (doc.name, value)
    riktlinje = render(repo, "riktlinje", public=True)[0]
    text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(to_pdf(riktlinje))).pages)
    assert "Offentlig version" in text
    for value in people:
        assert value not in " ".join(text.split()), value


def test_public_scrubs_free_text_and_keeps_functions(make_repo) -> None:
    root = make_repo(
        {
            "funktioner/samordnare.yaml": """
                titel: Brottsförebyggande samordnare
                aktör: testby-kommun
                ersättare: kommunpolis
                innehavare:
                  namn: Anna Andersson
                  e_post: anna.andersson@testby.se
                  telefon: 0560-160 00
            """,
            "organ/beredningsgrupp.yaml": """
                namn: Beredningsgrupp
                typ: beredningsgrupp
                uppdrag: Bereder. Frågor till Anna Andersson, 0560-160 00 eller
                  anna.andersson@testby.se, eller till växeln 070-123 45 67 och info@testby.se.
                sammankallande: samordnare
                ledamöter: [kommunpolis, samordnare]
                möten: {antal: 4, per: år}
            """,
        }
    )
    repo = load_repo(root)
    normal = render(repo, "organisation")[0].markdown
    public = render(repo, "organisation", public=True)[0].markdown
    assert "Anna Andersson" in normal
    for gone in ("Anna Andersson", "anna.andersson@testby.se", "0560-160 00", "070-123 45 67"):
        assert gone not in public, gone
    assert "info@testby.se" not in public
    assert "Frågor till Brottsförebyggande samordnare" in public
    assert "Brottsförebyggande samordnare" in public
    assert "namn, e-postadresser och telefonnummer till personer är utelämnade" in public


# -- paths --------------------------------------------------------------------------------


def _tree(root: Path) -> dict[str, float]:
    return {str(p.relative_to(root)): p.stat().st_mtime_ns for p in root.rglob("*") if p.is_file()}


def test_read_only_commands_write_nothing(example, cli, tmp_path: Path) -> None:
    root = example("torsby")
    before = _tree(tmp_path)
    for args in (
        ("validate", root),
        ("check", root),
        ("status", root),
        ("render", "riktlinje", root),
        ("render", "--check", root),
        ("calendar", root),
    ):
        cli(*args)
    assert _tree(tmp_path) == before


def test_render_all_writes_only_into_the_given_folder(example, cli, tmp_path: Path) -> None:
    root = example("norsjo")
    out = tmp_path / "ut"
    before = _tree(tmp_path)
    r = cli("render", "--all", root, "-o", out, "--format", "pdf")
    assert r.exit_code == 0, r.output
    after = _tree(tmp_path)
    new = set(after) - set(before)
    assert new and all(p.startswith("ut/") for p in new)
    assert {p for p in before if after.get(p) != before[p]} == set()


def test_data_file_symlinked_outside_is_not_read(example, cli, tmp_path: Path) -> None:
    root = example("torsby")
    secret = tmp_path / "hemlig.yaml"
    secret.write_text("namn: HEMLIG UPPGIFT\ntyp: arbetsgrupp\n", encoding="utf-8")
    (root / "organ/lankad.yaml").symlink_to(secret)
    r = cli("validate", root, "--format", "json")
    assert r.exit_code == 1
    found = [f for f in json.loads(r.stdout)["findings"] if f["file"] == "organ/lankad.yaml"]
    assert [f["rule"] for f in found] == ["FIL-LANK"]
    assert "HEMLIG" not in r.stdout
    # a link that stays inside the repository is read as the file it points to
    (root / "organ/lankad.yaml").unlink()
    (root / "organ/lankad.yaml").symlink_to(root / "organ/lfr.yaml")
    assert "FIL-LANK" not in cli("validate", root, "--format", "json").stdout


def test_file_over_the_size_limit_is_refused(example, cli) -> None:
    from brottsforeb._yaml import MAX_FILE_BYTES

    root = example("torsby")
    big = "namn: Stor\ntyp: arbetsgrupp\n" + "# fyllnad\n" * (MAX_FILE_BYTES // 10 + 1)
    (root / "organ/stor.yaml").write_text(big, encoding="utf-8")
    r = cli("validate", root)
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert "organ/stor.yaml" in r.stdout and "för stor" in r.stdout


def test_template_override_symlinked_outside_is_not_followed(example, tmp_path: Path) -> None:
    root = example("torsby")
    secret = tmp_path / "hemlig.md.j2"
    secret.write_text("HEMLIG {{ titel }}\n", encoding="utf-8")
    (root / "templates").mkdir()
    (root / "templates/riktlinje.md.j2").symlink_to(secret)
    from brottsforeb.errors import RenderError

    with pytest.raises(RenderError) as exc:
        render(load_repo(root), "riktlinje")
    assert "pekar utanför förrådet" in exc.value.message
    assert "HEMLIG" not in exc.value.message


def test_template_include_cannot_leave_the_template_folders(example) -> None:
    from brottsforeb.errors import RenderError

    root = example("torsby")
    (root / "templates").mkdir()
    (root / "templates/riktlinje.md.j2").write_text(
        '{% include "../../../../../../etc/passwd" %}\n', encoding="utf-8"
    )
    with pytest.raises(RenderError) as exc:
        render(load_repo(root), "riktlinje")
    assert "root:" not in str(exc.value.message)


# -- crash safety -------------------------------------------------------------------------


def _kill_during(cmd: list[str], target: Path, delays: list[float], check) -> int:  # type: ignore[no-untyped-def]
    """Start ``cmd`` again and again, SIGKILL it after each delay; check ``target`` after."""
    killed = 0
    for delay in delays:
        proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            killed += 1
        proc.wait()
        check(target.read_bytes())
    return killed


def test_render_killed_mid_write_leaves_old_or_new_file(example, tmp_path: Path) -> None:
    root = example("torsby")
    out = tmp_path / "riktlinje.pdf"
    cmd = [sys.executable, "-m", "brottsforeb", "render", "riktlinje", str(root)]
    subprocess.run([*cmd, "--format", "pdf", "-o", str(out)], check=True, capture_output=True)
    old = out.read_bytes()
    bfa = root / "bfa.yaml"
    bfa.write_text(bfa.read_text().replace("Torsby kommun", "Torsby kommun 2"), encoding="utf-8")
    subprocess.run([*cmd, "--format", "pdf", "-o", str(tmp_path / "ny.pdf")], check=True)
    new = (tmp_path / "ny.pdf").read_bytes()
    assert old != new

    def check(data: bytes) -> None:
        assert data in (old, new)

    delays = [0.08 * i for i in range(1, 14)]
    killed = _kill_during([*cmd, "--format", "pdf", "-o", str(out)], out, delays, check)
    assert killed >= 3  # some kills really landed while the command ran
    assert out.read_bytes() in (old, new)


def test_set_killed_mid_write_leaves_old_or_new_file(example) -> None:
    root = example("torsby")
    target = root / "atgarder/faltarbete.yaml"
    old = target.read_bytes()
    cmd = [sys.executable, "-m", "brottsforeb", "set", "faltarbete", "status", "genomförd"]
    cmd += [str(root)]

    def check(data: bytes) -> None:
        text = data.decode("utf-8")
        assert data == old or text == old.decode().replace("status: pågående", "status: genomförd")

    delays = [0.04 * i for i in range(1, 12)]
    assert _kill_during(cmd, target, delays, check) >= 3


def test_no_temporary_files_after_normal_runs(example, cli, tmp_path: Path) -> None:
    root = example("torsby")
    out = tmp_path / "ut"
    cli("render", "--all", root, "-o", out, "--format", "pdf")
    cli("render", "--all", root, "-o", out)
    cli("calendar", root, "-o", tmp_path / "k.ics")
    cli("schema", "--out", tmp_path / "scheman")
    cli("set", "faltarbete", "status", "genomförd", root)
    cli("set", "faltarbete", "status", "ogiltig", root)  # refused
    cli("init", tmp_path / "ny", "--name", "Testby kommun")
    cli("new", "organ", "EST", tmp_path / "ny")
    leftovers = [p for p in tmp_path.rglob("*") if p.name.endswith(".tmp") or ".bfa-" in p.name]
    assert leftovers == []
    assert (ROOT / "examples").is_dir()
