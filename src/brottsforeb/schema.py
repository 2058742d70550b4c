"""JSON Schemas of the repository format, for editors (VS Code's YAML extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from ._io import write_text_atomic
from .model import KINDS, Kommun

__all__ = ["SCHEMA_BASE", "schemas", "write_schemas"]

SCHEMA_BASE = "https://bfa.se/schema/"


def _schema(model: type[BaseModel], name: str, title: str) -> dict[str, Any]:
    schema = model.model_json_schema(by_alias=True, mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["$id"] = f"{SCHEMA_BASE}{name}.schema.json"
    schema["title"] = title
    return schema


def schemas() -> dict[str, dict[str, Any]]:
    """File name → JSON Schema, one per kind plus bfa.yaml."""
    out = {"bfa.schema.json": _schema(Kommun, "bfa", "bfa.yaml – kommunen")}
    for kind in KINDS.values():
        out[f"{kind.folder}.schema.json"] = _schema(
            kind.model,
            kind.folder,
            f"{kind.folder}/ – en {kind.singular} per fil"
            if kind.singular not in ("organ", "dokument", "möte")
            else f"{kind.folder}/ – ett {kind.singular} per fil",
        )
    return out


def write_schemas(out_dir: Path) -> list[Path]:
    """Write every schema into ``out_dir`` (created if needed); return the paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out_dir / name
        write_text_atomic(path, json.dumps(schema, ensure_ascii=False, indent=2) + "\n")
        written.append(path)
    return written
