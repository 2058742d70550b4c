"""Generic walks over models: the references they hold, the model at a key path."""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator
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


#: Appends the references in a value at a key path to a list. Walkers append rather than
#: yield: a walk runs for every entity of every repository, and nested generators were
#: half of its cost.
Walker = Callable[[Any, KeyPath, list[tuple[KeyPath, str, str]]], None]


def _compile(ann: Any, ref: Ref | None) -> Walker | None:
    """A walker for values of type ``ann``, or None when they can hold no reference.

    Built once per field (see ``_ref_plan``), so a walk does no typing introspection.
    """
    if ref is not None and get_origin(ann) is not list:
        kind = ref.kind

        def leaf(value: Any, path: KeyPath, out: list[tuple[KeyPath, str, str]]) -> None:
            if isinstance(value, str):
                out.append((path, kind, value))
            elif isinstance(value, list):  # one-or-many fields
                for i, item in enumerate(value):
                    if isinstance(item, str):
                        out.append(((*path, i), kind, item))

        return leaf
    if get_origin(ann) is list:
        inner, meta = _unwrap(get_args(ann)[0] if get_args(ann) else Any)
        item = _compile(inner, ref or next((m for m in meta if isinstance(m, Ref)), None))
        if item is None:
            return None

        def many(value: Any, path: KeyPath, out: list[tuple[KeyPath, str, str]]) -> None:
            if isinstance(value, list):
                for i, v in enumerate(value):
                    if v is not None:
                        item(v, (*path, i), out)
            elif value is not None:
                item(value, path, out)

        return many
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        if not _ref_plan(ann):
            return None

        def nested(value: Any, path: KeyPath, out: list[tuple[KeyPath, str, str]]) -> None:
            if isinstance(value, BaseModel):
                _collect(value, path, out)

        return nested
    if get_origin(ann) in (Union, types.UnionType):  # e.g. one model or another
        options = [_compile(a, ref) for a in get_args(ann) if a is not type(None)]
        walkers = [w for w in options if w is not None]
        if not walkers:
            return None
        first = walkers[0]

        def either(value: Any, path: KeyPath, out: list[tuple[KeyPath, str, str]]) -> None:
            if isinstance(value, BaseModel):
                _collect(value, path, out)
            elif isinstance(value, (str, list)):
                first(value, path, out)

        return either
    return None


@cache
def _ref_plan(cls: type[BaseModel]) -> tuple[tuple[str, str, Walker], ...]:
    """The fields of ``cls`` that can hold references, each with its walker."""
    out = []
    for name, alias, ann, ref in _plan(cls):
        walker = _compile(ann, ref)
        if walker is not None:
            out.append((name, alias, walker))
    return tuple(out)


def _collect(model: BaseModel, path: KeyPath, out: list[tuple[KeyPath, str, str]]) -> None:
    for name, alias, walker in _ref_plan(type(model)):
        value = getattr(model, name)
        if value is not None:
            walker(value, (*path, alias), out)


def iter_refs(model: BaseModel, path: KeyPath = ()) -> Iterator[tuple[KeyPath, str, str]]:
    """Every reference a model holds: (key path, target kind, target id)."""
    out: list[tuple[KeyPath, str, str]] = []
    _collect(model, path, out)
    return iter(out)


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


def field_label(cls: type[BaseModel], key: str) -> str:
    """The Swedish label of a key, as docs/vokabular.md and bfa minutes show it.

    The field's ``title`` where the key alone does not say it to a reader (``möten`` is
    the meeting cadence, ``antal`` the number of times per period); otherwise the key
    itself, with spaces for underscores (``gäller_från`` → "gäller från").
    """
    for name, alias, _, _ in _plan(cls):
        if alias == key:
            return cls.model_fields[name].title or alias.replace("_", " ")
    return key.replace("_", " ")


def inner_model(cls: type[BaseModel], key: str) -> type[BaseModel] | None:
    """The model of the mapping (or of each mapping in the list) held at ``key``."""
    return model_at(cls, (key,))


def ref_kind_at(cls: type[BaseModel], loc: KeyPath) -> str | None:
    """The kind a reference at ``loc`` points to ('funktioner', 'funktioner|organ'), or
    None when the value there is no reference (for 'did you mean' on a bad id)."""
    names = [p for p in loc if isinstance(p, str)]
    if not names:
        return None
    parent = model_at(cls, tuple(names[:-1]))
    field = next((p for p in _plan(parent) if p[1] == names[-1]), None) if parent else None
    if field is None:
        return None
    ann, ref = field[2], field[3]
    while ref is None and get_origin(ann) is list and get_args(ann):
        ann, meta = _unwrap(get_args(ann)[0])
        ref = next((m for m in meta if isinstance(m, Ref)), None)
    return ref.kind if ref else None
