"""The shape of the code (#17): small modules, a thin cli/, each piece of logic in one place."""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import json
from pathlib import Path

import pytest

from brottsforeb import load_repo
from brottsforeb.batch import validate_paths
from brottsforeb.findings import Severity
from brottsforeb.overview import Overview, overview, to_markdown
from brottsforeb.rules.catalog import Source
from brottsforeb.status import status

from .conftest import EXAMPLES, ROOT

SRC = ROOT / "src" / "brottsforeb"
LIMIT = 400

#: Modules colleagues are still splitting, each over the limit today. The list can only
#: shrink: a module that is split below the limit (or removed) must leave it.
STILL_SPLITTING: dict[str, str] = {}


def _modules() -> dict[str, Path]:
    return {p.relative_to(SRC).as_posix(): p for p in sorted(SRC.rglob("*.py"))}


def _lines(path: Path) -> int:
    return len(path.read_text(encoding="utf-8").splitlines())


def test_no_module_over_400_lines() -> None:
    big = {rel: _lines(p) for rel, p in _modules().items() if _lines(p) > LIMIT}
    assert set(big) - set(STILL_SPLITTING) == set(), f"split by concern: {big}"


def test_the_allow_list_only_shrinks() -> None:
    modules = _modules()
    done = [m for m in STILL_SPLITTING if m not in modules or _lines(modules[m]) <= LIMIT]
    assert done == [], f"no longer over {LIMIT} lines: remove from STILL_SPLITTING: {done}"


# -- cli/ holds no domain logic ---------------------------------------------------------------

CLI = sorted((SRC / "cli").glob("*.py"))
#: Library modules the CLI may import besides public ones: writing files, terminal-safe
#: text, the process's start-up, render's output policy.
CLI_HELPERS = {"_io", "_escape", "_pii", "_startup", "_output"}
#: cli/_sv.py translates Typer's English messages with regexes: terminal text, not domain.
MAY_USE_RE = {"_sv.py"}


def _cli_trees() -> list[tuple[str, ast.Module]]:
    return [(p.name, ast.parse(p.read_text(encoding="utf-8"))) for p in CLI]


def test_cli_imports_only_the_librarys_public_names() -> None:
    bad = []
    for name, tree in _cli_trees():
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level >= 2:
                parts = (node.module or "").split(".")
                private = [p for p in parts if p.startswith("_") and p not in CLI_HELPERS]
                names = [
                    a.name
                    for a in node.names
                    if a.name.startswith("_")
                    and not a.name.endswith("__")
                    and a.name not in CLI_HELPERS
                ]
                if private or names:
                    bad.append(f"{name}:{node.lineno} from {'.' * node.level}{node.module}")
    assert bad == []


def test_cli_has_no_regexes_or_date_arithmetic() -> None:
    """Parsing arguments and printing only: patterns, day counts and period sums belong
    in the library (findings.days_left, status.BodyStatus.late, _periods)."""
    bad = []
    for name, tree in _cli_trees():
        for node in ast.walk(tree):
            where = f"{name}:{getattr(node, 'lineno', 0)}"
            if isinstance(node, ast.Import | ast.ImportFrom):
                mods = [a.name for a in node.names] if isinstance(node, ast.Import) else []
                if isinstance(node, ast.ImportFrom) and node.level == 0:
                    mods.append(node.module or "")
                if any(m in ("re", "calendar") for m in mods) and name not in MAY_USE_RE:
                    bad.append(f"{where} imports {mods}")
            if isinstance(node, ast.Attribute) and node.attr in (
                "timedelta",
                "days",
                "fromisoformat",
            ):
                bad.append(f"{where} .{node.attr}")
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
                text = ast.unparse(node)
                if any(w in text for w in ("date", "today", "due", "when", "day")):
                    bad.append(f"{where} {text}")
    assert bad == []


def test_cli_rules_fail_on_domain_logic() -> None:
    """The checks above can fail: the code cli/check.py had before would trip them."""
    old = "n = (dt.date.fromisoformat(f.due) - today).days\nimport re\n"
    tree = ast.parse(old)
    attrs = {n.attr for n in ast.walk(tree) if isinstance(n, ast.Attribute)}
    assert {"fromisoformat", "days"} <= attrs
    assert any(isinstance(n, ast.Import) and n.names[0].name == "re" for n in ast.walk(tree))


# -- logic once -------------------------------------------------------------------------------

#: ("bfa" is also the kind of bfa.yaml, "schema" and "YAML" ordinary words: not listed)
ENUM_WORDS = {s.value for s in Severity} | {Source.LAG, Source.BRA, Source.EGET}


def test_no_string_comparison_with_an_enumerations_value() -> None:
    """Severities and sources are compared as enums (``is Severity.ERROR``), not as
    their Swedish words, anywhere in src/."""
    bad = []
    for rel, path in _modules().items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare):
                for part in (node.left, *node.comparators):
                    if isinstance(part, ast.Constant) and part.value in ENUM_WORDS:
                        bad.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "startswith"
                and any(
                    isinstance(a, ast.Constant) and a.value in ("Lag", "Brå") for a in node.args
                )
            ):
                bad.append(f"{rel}:{node.lineno} {ast.unparse(node)}")
    assert bad == []


def test_the_id_pattern_has_one_home() -> None:
    homes = [rel for rel, p in _modules().items() if "[a-z0-9][a-z0-9-]*" in p.read_text("utf-8")]
    assert homes == ["_ids.py"]


def test_repo_views_are_computed_once() -> None:
    repo = load_repo(EXAMPLES / "torsby")
    assert repo.organ is repo.organ and repo.moten is repo.moten
    oid = next(iter(repo.organ))
    first = repo.meetings_of(oid)
    first.clear()  # a caller's list is its own
    assert repo.meetings_of(oid) == sorted(
        (m for m in repo.moten.values() if m.organ == oid and not m.cancelled),
        key=lambda m: m.date,
    )


@pytest.mark.parametrize("name", ["torsby", "norsjo", "lindesberg"])
def test_lateness_of_a_body_is_decided_by_the_library(name: str) -> None:
    today = dt.date(2027, 6, 1)
    for b in status(load_repo(EXAMPLES / name), today).bodies:
        expected = b.next_due is not None and b.next_due < today and b.next_planned is None
        assert b.late is expected


def test_days_left_counts_from_the_due_date() -> None:
    repo = load_repo(EXAMPLES / "torsby")
    from brottsforeb import check

    today = dt.date(2026, 12, 10)
    found = [f for f in check(repo, today) if f.due]
    assert found
    for f in found:
        assert today + dt.timedelta(days=f.days_left(today) or 0) == dt.date.fromisoformat(f.due)
    assert dataclasses.replace(found[0], due="").days_left(today) is None


def test_validate_of_several_repositories_is_one_library_report(cli) -> None:
    paths = [EXAMPLES / "torsby", EXAMPLES / "norsjo"]
    report = validate_paths(paths)
    out = json.loads(cli("validate", *paths, "--format", "json").stdout)
    assert [r["label"] for r in out["repositories"]] == ["torsby", "norsjo"]
    assert out["files"] == report.files == sum(r.files for r in report.repositories)
    assert len(out["findings"]) == len(report.findings)
    assert out["root"] == str(report.root) == str(EXAMPLES)
    assert report.title.startswith("bfa validate: 2 förråd, ")
    one = validate_paths([EXAMPLES / "torsby"])
    assert one.repositories == [] and one.title == f"bfa validate {EXAMPLES / 'torsby'}"


# -- plural agreement -------------------------------------------------------------------------


def test_overview_says_1_frist_ar_forsenad() -> None:
    ov = overview([EXAMPLES / "torsby"], dt.date(2026, 12, 10))
    row = ov.rows[0]
    assert row.overdue, "the example has something overdue on this date"
    first = dataclasses.replace(row, overdue=row.overdue[:1], overdue_keys=row.overdue_keys[:1])
    one = Overview(ov.today, [first])
    assert "1 frist är försenad." in to_markdown(one)
    none = Overview(ov.today, [dataclasses.replace(row, overdue=[], overdue_keys=[])])
    assert "0 frister är försenade." in to_markdown(none)


def test_meetings_agree_with_their_count(make_repo) -> None:
    from brottsforeb import check

    body = "namn: Råd\ntyp: råd\ninrättad: 2024-01-01\nmöten: {antal: 1, per: år}\n"
    repo = load_repo(make_repo({"organ/rad.yaml": body}))
    msgs = [f.message for f in check(repo, dt.date(2025, 12, 1)) if "Råd " in f.message]
    assert "Råd har hållit 0 av 1 möte år 2025, som slutar 2025-12-31." in msgs, msgs
