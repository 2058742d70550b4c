"""bfa schema: JSON Schemas that editors use, checked against every example file."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from brottsforeb import load_repo
from brottsforeb.model import KINDS

from .conftest import EXAMPLE_NAMES, EXAMPLES


def _jsonable(value: Any) -> Any:
    """YAML as an editor's language server sees it: dates are strings."""
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_jsonable(v) for v in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


@pytest.fixture(scope="module")
def schemas(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Any]]:
    from typer.testing import CliRunner

    from brottsforeb.cli import app

    out = tmp_path_factory.mktemp("scheman")
    result = CliRunner().invoke(app, ["schema", "--out", str(out)])
    assert result.exit_code == 0, result.output
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in out.glob("*.json")}


def test_one_schema_per_kind(schemas: dict[str, dict[str, Any]]) -> None:
    expected = {"bfa.schema.json"} | {f"{k}.schema.json" for k in KINDS}
    assert set(schemas) == expected
    organ = schemas["organ.schema.json"]
    assert organ["additionalProperties"] is False
    assert "sammankallande" in organ["properties"]
    assert organ["properties"]["uppdrag"]["description"].startswith("Organets uppdrag")


def _schema_for(file: str) -> str:
    return "bfa.schema.json" if file == "bfa.yaml" else f"{file.split('/')[0]}.schema.json"


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_schemas_accept_every_example_file(schemas, name: str) -> None:
    repo = load_repo(EXAMPLES / name)
    checked = 0
    for entry in repo.iter_entries():
        schema = schemas[_schema_for(entry.file)]
        jsonschema.validate(
            _jsonable(entry.parsed.data), schema, format_checker=jsonschema.FormatChecker()
        )
        checked += 1
    assert checked > 30


def test_schema_rejects_a_misspelt_key(schemas) -> None:
    repo = load_repo(EXAMPLES / "torsby")
    data = _jsonable(repo.entry("organ", "lfr-styrgrupp").parsed.data)  # type: ignore[union-attr]
    data["ledamoter"] = data.pop("ledamöter")
    with pytest.raises(jsonschema.ValidationError, match="ledamoter"):
        jsonschema.validate(data, schemas["organ.schema.json"])


def test_schema_rejects_a_wrong_enum(schemas) -> None:
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate({"namn": "X", "typ": "styrgrup"}, schemas["organ.schema.json"])


def test_schema_out_is_written_atomically(cli, tmp_path: Path) -> None:
    out = tmp_path / "s"
    assert cli("schema", "--out", out).exit_code == 0
    assert not list(out.glob("*.tmp"))
