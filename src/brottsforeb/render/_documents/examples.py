"""Which values a document is built from are example data, or not yet confirmed."""

from __future__ import annotations

from typing import Any

from ...model import Dokument
from .._views import Ctx
from .common import Source


def marked(
    ctx: Ctx, kind: str, eid: str, entity: Any, shown: frozenset[str] | None = None
) -> list[str]:
    """The file (and keys) of ``entity`` marked as example data or as not yet confirmed,
    named by its real path in the repository (``moten/2025/2025-09-09-styrgrupp.yaml``).

    ``shown``: the file's top-level keys the document shows (None: all of them); a key
    marked outside them is not the document's concern and is not listed (L1)."""
    if entity is None:
        return []

    def wanted(key: str) -> bool:
        return shown is None or key.split(".", 1)[0].split("[", 1)[0] in shown

    keys = entity.example_keys
    if keys != ["*"]:
        keys = [k for k in keys if wanted(k)]
    unconfirmed = [k for k in entity.unconfirmed if wanted(k)]
    entry = ctx.repo.entry(kind, eid) if kind != "bfa" else None
    path = "bfa.yaml" if kind == "bfa" else entry.file if entry else f"{kind}/{eid}.yaml"
    out = []
    if keys:
        out.append(path if keys == ["*"] else f"{path} ({', '.join(keys)})")
    if unconfirmed:
        out.append(f"{path} (obekräftat: {', '.join(unconfirmed)})")
    return out


def example_sources(
    ctx: Ctx, d: Dokument | None, files: list[Source], bfa_keys: frozenset[str] | None = None
) -> list[str]:
    """The files (and keys) marked as example data that this document is built from:
    bfa.yaml (the keys ``bfa_keys`` the document shows; None: all), its own dokument, and
    the entity files its builder lists in ``källfiler``."""
    repo = ctx.repo
    out: list[str] = marked(ctx, "bfa", "", repo.kommun, bfa_keys)
    own = next((k for k, v in repo.dokument.items() if v is d), None)
    if d is not None and own is not None:
        out += marked(ctx, "dokument", own, d)
    for source in files:
        folder, eid = source[0], source[1]
        shown = source[2] if len(source) == 3 else None
        out += marked(ctx, folder, eid, getattr(repo, folder).get(eid), shown)
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
