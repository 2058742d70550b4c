"""Generic walks over models: the references they hold, the model at a key path."""

from __future__ import annotations

import types
from collections.abc import Iterator
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel

from ._base import Ref

KeyPath = tuple[str | int, ...]


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """Strip Optional and Annotated; return the bare type and the metadata found."""
    meta: list[Any] = []
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation, *more = get_args(annotation)
            meta.extend(more)
        elif origin in (Union, types.UnionType):
            args = [a for a in get_args(annotation) if a is not type(None)]
            if len(args) != 1:
                return annotation, meta
            annotation = args[0]
        else:
            return annotation, meta


@cache
def _plan(cls: type[BaseModel]) -> tuple[tuple[str, str, Any, Ref | None], ...]:
    """For each field: (attribute, alias, inner annotation, Ref marker)."""
    out = []
    for name, info in cls.model_fields.items():
        ann, meta = _unwrap(info.annotation)
        meta = [*info.metadata, *meta]
        ref = next((m for m in meta if isinstance(m, Ref)), None)
        out.append((name, info.alias or name, ann, ref))
    return tuple(out)


def _walk(
    value: Any, ann: Any, ref: Ref | None, path: KeyPath
) -> Iterator[tuple[KeyPath, str, str]]:
    if value is None:
        return
    if ref is not None and isinstance(value, str):
        yield path, ref.kind, value
        return
    if isinstance(value, list):
        inner, meta = _unwrap(get_args(ann)[0] if get_args(ann) else Any)
        iref = ref or next((m for m in meta if isinstance(m, Ref)), None)
        for i, item in enumerate(value):
            yield from _walk(item, inner, iref, (*path, i))
        return
    if isinstance(value, BaseModel):
        yield from iter_refs(value, path)


def iter_refs(model: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str, str]]:
    """Every reference a model holds: (key path, target kind, target id)."""
    for name, alias, ann, ref in _plan(type(model)):
        yield from _walk(getattr(model, name), ann, ref, (*path, alias))


def model_at(cls: type[BaseModel], loc: KeyPath) -> type[BaseModel] | None:
    """The model class that holds the mapping at ``loc`` (for 'did you mean')."""
    current: Any = cls
    for part in loc:
        if isinstance(part, int):
            continue
        if not (isinstance(current, type) and issubclass(current, BaseModel)):
            return None
        field = next((p for p in _plan(current) if p[1] == part), None)
        if field is None:
            return None
        ann = field[2]
        while get_origin(ann) is list:
            ann, _ = _unwrap(get_args(ann)[0])
        current = ann
    return current if isinstance(current, type) and issubclass(current, BaseModel) else None


def aliases(cls: type[BaseModel]) -> list[str]:
    return [p[1] for p in _plan(cls)]


def description(cls: type[BaseModel], key: str) -> str:
    for name, alias, _, _ in _plan(cls):
        if alias == key:
            return cls.model_fields[name].description or ""
    return ""
