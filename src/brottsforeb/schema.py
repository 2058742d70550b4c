"""JSON Schemas of the repository format, for editors (VS Code's YAML extension)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from pydantic import BaseModel

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


#: Every schema bfa writes names itself with this $id: bfa's own files are replaced freely.
SCHEMA_MARKER = b"https://bfa.se/schema/"


def write_schemas(out_dir: Path, *, force: bool = False) -> list[Path]:
    """Write every schema into ``out_dir`` (created if needed); return the paths.

    A file there that bfa did not write is not replaced unless ``force`` (as for every
    other output: ``_io.write_output``)."""
    from ._io import write_output

    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, schema in schemas().items():
        path = out_dir / name
        text = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
        write_output(path, text.encode("utf-8"), marker=SCHEMA_MARKER, force=force)
        written.append(path)
    return written
