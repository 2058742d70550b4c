"""Which values a document is built from are example data, or not yet confirmed.

A file marked as a whole is listed when the document is built from it. A value marked by
key (``exempeldata: [ledning, rapportering]``) is listed only when the document shows it:
the document is built once more without that value, and it is shown when the text (or a
figure, the title or the decisions) comes out different.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel

from ...model import Dokument
from ...repo import KOMMUN, Repo
from .._views import Ctx
from .common import Source

#: Whether the document shows the value at key path ``key`` of the file (kind, id).
Shows = Callable[[str, str, str], bool]


def _field(model: BaseModel, segment: str) -> str | None:
    """The field name of ``segment`` (a YAML key, i.e. an alias, or a field name)."""
    for name, info in type(model).model_fields.items():
        if segment in (name, info.alias):
            return name
    return None


def _other(value: Any) -> Any:
    """A different value of the same shape: every text, number, date and flag changed."""
    if isinstance(value, BaseModel):
        return value.model_copy(
            update={f: _other(getattr(value, f)) for f in type(value).model_fields}
        )
    if isinstance(value, bool):
        return not value
    if isinstance(value, int | float):
        return value + 1
    if isinstance(value, str):
        return value + "\u00b7annat"
    if isinstance(value, dt.date):
        return value + dt.timedelta(days=1)
    if isinstance(value, list | tuple):
        return type(value)(_other(v) for v in value)
    if isinstance(value, dict):
        return {k: _other(v) for k, v in value.items()}
    return value


def without(model: Any, key: str, *, changed: bool = False) -> Any:
    """A copy of ``model`` without the value at ``key`` ("ledning.organ"): set to None, or
    with ``changed`` set to a different value of the same shape (a value equal to what the
    document says without it is still shown). None when the key path does not lead
    through models to a field."""
    head, _, rest = key.partition(".")
    if not isinstance(model, BaseModel):
        return None
    name = _field(model, head)
    if name is None:
        return None
    if not rest:
        return model.model_copy(update={name: _other(getattr(model, name)) if changed else None})
    inner = without(getattr(model, name), rest, changed=changed)
    return None if inner is None else model.model_copy(update={name: inner})


def repo_with(repo: Repo, kind: str, eid: str, model: Any) -> Repo:
    """A copy of ``repo`` where file (kind, eid) holds ``model``; the views are rebuilt."""
    if kind == KOMMUN:
        if repo.kommun_entry is None:
            return repo
        return dataclasses.replace(
            repo, kommun_entry=dataclasses.replace(repo.kommun_entry, model=model)
        )
    entries = dict(repo.entries)
    by_id = dict(entries.get(kind, {}))
    if eid not in by_id:
        return repo
    by_id[eid] = dataclasses.replace(by_id[eid], model=model)
    entries[kind] = by_id
    return dataclasses.replace(repo, entries=entries)


def marked(
    ctx: Ctx,
    kind: str,
    eid: str,
    entity: Any,
    shown: frozenset[str] | None = None,
    shows: Shows | None = None,
) -> list[str]:
    """The file (and keys) of ``entity`` marked as example data or as not yet confirmed,
    named by its real path in the repository (``moten/2025/2025-09-09-styrgrupp.yaml``).

    ``shown``: the file's top-level keys the document can show (None: all of them); a key
    marked outside them is not the document's concern and is not listed (L1). ``shows``:
    whether this document shows the value of a key, asked for the keys left."""
    if entity is None:
        return []

    def wanted(key: str) -> bool:
        return shown is None or key.split(".", 1)[0].split("[", 1)[0] in shown

    keys = entity.example_keys
    if keys != ["*"]:
        keys = [k for k in keys if wanted(k) and (shows is None or shows(kind, eid, k))]
    unconfirmed = [
        k for k in entity.unconfirmed if wanted(k) and (shows is None or shows(kind, eid, k))
    ]
    entry = ctx.repo.entry(kind, eid) if kind != "bfa" else None
    path = "bfa.yaml" if kind == "bfa" else entry.file if entry else f"{kind}/{eid}.yaml"
    out = []
    if keys:
        out.append(path if keys == ["*"] else f"{path} ({', '.join(keys)})")
    if unconfirmed:
        out.append(f"{path} (obekräftat: {', '.join(unconfirmed)})")
    return out


def example_sources(
    ctx: Ctx,
    d: Dokument | None,
    files: list[Source],
    bfa_keys: frozenset[str] | None = None,
    shows: Shows | None = None,
) -> list[str]:
    """The files (and keys) marked as example data that this document is built from:
    bfa.yaml (the keys ``bfa_keys`` the document can show; None: all), its own dokument,
    and the entity files its builder lists in ``källfiler``; a key marked alone only when
    ``shows`` says the document shows it."""
    repo = ctx.repo
    out: list[str] = marked(ctx, "bfa", "", repo.kommun, bfa_keys, shows)
    own = next((k for k, v in repo.dokument.items() if v is d), None)
    if d is not None and own is not None:
        out += marked(ctx, "dokument", own, d, None, shows)
    for folder, eid in files:
        out += marked(ctx, folder, eid, getattr(repo, folder).get(eid), None, shows)
    return out


def example_text(sources: list[str]) -> str:
    """Which files (and keys) hold example data. Many whole files of one folder are counted,
    and so are many files of one folder with the same keys marked ("ersättare i 4 filer i
    funktioner/"), so that the box stays short enough to leave the first page to the document."""
    groups: dict[tuple[str, str], list[str]] = {}
    for s in sources:
        folder, _, rest = s.partition("/")
        if not rest:
            continue
        keys = rest.split(" (", 1)[1] if " (" in rest else ""
        groups.setdefault((folder, keys), []).append(s)
    shown: list[str] = []
    for s in sources:
        folder, _, rest = s.partition("/")
        keys = rest.split(" (", 1)[1] if " (" in rest else ""
        same = groups.get((folder, keys), [])
        if len(same) > 3 or (keys and len(same) > 2):
            if s == same[0]:
                files = f"{len(same)} filer i {folder}/"
                shown.append(f"{keys.rstrip(')')} i {files}" if keys else files)
            continue
        shown.append(s)
    what = (
        "påhittade exempel, eller som bfa fyllt i och ingen ännu bekräftat,"
        if any("(obekräftat:" in s for s in sources)
        else "påhittade exempel"
    )
    return (
        f"Dokumentet bygger på uppgifter som är {what} och inte kommunens egna: "
        + ", ".join(shown)
        + "."
    )
