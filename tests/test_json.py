"""Every JSON output follows one convention and validates against its schema in docs/."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft202012Validator

from brottsforeb.findings import JSON_VERSION

from .conftest import EXAMPLES, ROOT

SCHEMAS = ROOT / "docs" / "json-schema"
KEY = re.compile(r"^[a-z][a-z0-9_]*$")
#: Maps keyed by an enumeration's (Swedish) values, as docs/json.md says.
ENUM_KEYED = {"summary", "measures"}


def _schema(name: str) -> Draft202012Validator:
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def _keys_follow_the_convention(doc: Any, parent: str = "") -> None:
    if isinstance(doc, dict):
        for key, value in doc.items():
            if parent not in ENUM_KEYED:
                assert KEY.match(key), f"{parent}.{key}"
            _keys_follow_the_convention(value, key)
    elif isinstance(doc, list):
        for item in doc:
            _keys_follow_the_convention(item, parent)


def _git(root: Path) -> Path:
    import git

    repo = git.Repo.init(root)
    repo.git.add(A=True)
    repo.index.commit("Första versionen")
    (root / "organ" / "lfr-styrgrupp.yaml").write_text(
        (root / "organ" / "lfr-styrgrupp.yaml").read_text(encoding="utf-8") + "# ändrad\n",
        encoding="utf-8",
    )
    return root


CASES = [
    ("findings", "validate", ["validate", "{torsby}"]),
    ("findings", "validate", ["validate", "{examples}"]),
    ("findings", "check", ["check", "{torsby}", "--today", "2026-11-21"]),
    ("findings", "validate", ["validate", "{broken}"]),
    ("status", "status", ["status", "{torsby}", "--today", "2026-11-21"]),
    ("minutes", "minutes", ["minutes", "{torsby}"]),
    ("overview", "overview", ["overview", "{examples}", "--today", "2026-11-21"]),
]


@pytest.mark.parametrize(("schema", "command", "args"), CASES, ids=lambda x: str(x)[:40])
def test_output_validates_against_its_schema(cli, example, schema, command, args) -> None:
    torsby = _git(example("torsby"))
    broken = example("norsjo")
    (broken / "organ" / "trasig.yaml").write_text("namn: [\n", encoding="utf-8")
    (broken / "atgarder" / "fel.yaml").write_text("titel: X\nokänd: 1\n", encoding="utf-8")
    argv = [a.format(torsby=torsby, examples=EXAMPLES, broken=broken) for a in args]
    result = cli(*argv, "--format", "json")
    doc = json.loads(result.stdout)
    errors = sorted(_schema(schema).iter_errors(doc), key=str)
    assert not errors, [e.message for e in errors[:5]]
    assert doc["version"] == JSON_VERSION and doc["command"] == command
    _keys_follow_the_convention(doc)


def test_schemas_reject_what_they_should() -> None:
    """The schemas can fail: a wrong version, an English severity, an unknown key."""
    findings = _schema("findings")
    good = {
        "version": 2,
        "command": "validate",
        "root": "/r",
        "files": 1,
        "summary": {"fel": 1, "varning": 0, "info": 0},
        "findings": [
            {
                "rule": "SCHEMA",
                "severity": "fel",
                "message": "m",
                "file": "organ/x.yaml",
                "line": 1,
                "column": 1,
                "hint": "",
                "source": "schema",
            }
        ],
    }
    assert findings.is_valid(good)
    assert not findings.is_valid({**good, "version": 1})
    bad_severity = json.loads(json.dumps(good))
    bad_severity["findings"][0]["severity"] = "error"
    assert not findings.is_valid(bad_severity)
    assert not findings.is_valid({**good, "Summary": {}})
