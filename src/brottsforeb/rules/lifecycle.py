"""Lifecycle of bodies and documents: what is still relied on after it lapsed, trials that end."""

from __future__ import annotations

from collections.abc import Iterator

from .._messages import key_path
from ..model import Dokument, Organ
from ..model._walk import iter_refs
from ..repo import Repo
from ._engine import Context, Hit, rule
from .deadlines import state

#: Keys that name a lapsed entity on purpose: the chain of replacement itself.
_HISTORY_KEYS = ("ersatt_av", "ersätts_av")


def _lapsed(repo: Repo, kind: str, eid: str) -> tuple[str, str, str | None] | None:
    """(name, Swedish status, replacement) of an out-of-date document or a wound-down body."""
    if kind == "dokument":
        d = repo.dokument.get(eid)
        if d is not None and d.out_of_date:
            return d.title, d.status_label.lower(), d.replaced_by
    elif kind == "organ":
        o = repo.organ.get(eid)
        if o is not None and o.status == "avvecklat":
            return o.name, "avvecklat", o.replaced_by
    return None


def _is_history(model: object) -> bool:
    """Entities that may still name what has lapsed: they have lapsed themselves."""
    if isinstance(model, Dokument):
        return model.out_of_date
    if isinstance(model, Organ):
        return model.status == "avvecklat"
    return False


@rule("REF-INAKTUELL")
def lapsed_references(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for entry in repo.iter_entries():
        if entry.model is None or entry.kind == "moten" or _is_history(entry.model):
            continue  # meetings are records of their day; they keep the names of then
        for path, kind, target in iter_refs(entry.model):
            if any(p in _HISTORY_KEYS for p in path if isinstance(p, str)):
                continue
            lapsed = next((x for k in kind.split("|") if (x := _lapsed(repo, k, target))), None)
            if lapsed is None:
                continue
            name, status, replacement = lapsed
            hint = (
                f"Hänvisa till '{replacement}' i stället, som ersätter det."
                if replacement
                else "Hänvisa till det som gäller nu, eller ta bort hänvisningen."
            )
            yield Hit(
                entry.kind,
                entry.id,
                path,
                args={"key": key_path(path), "name": name, "status": status, "hint": hint},
            )


@rule("ORGAN-LIVSCYKEL")
def lifecycle_dates(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in repo.organ.items():
        if o.status == "försök" and o.trial and o.trial.end:
            said = state(o.trial.end, ctx, late="slutade", soon="slutar")
            if said:
                text, sev = said
                yield Hit(
                    "organ",
                    oid,
                    ("försök", "slut"),
                    due=o.trial.end,
                    severity=sev,
                    args={
                        "message": f"Försöket med {o.name} {text}.",
                        "hint": "Besluta om organet ska bli permanent (status: aktivt) eller "
                        "avvecklas (status: avvecklas eller avvecklat).",
                    },
                )
        elif o.status == "avvecklas" and o.wind_down_by:
            said = state(
                o.wind_down_by, ctx, late="skulle vara avvecklat senast", soon="avvecklas senast"
            )
            if said:
                text, sev = said
                yield Hit(
                    "organ",
                    oid,
                    ("avvecklas_senast",),
                    due=o.wind_down_by,
                    severity=sev,
                    args={
                        "message": f"{o.name} {text}.",
                        "hint": "Sätt 'status: avvecklat' när organet har upphört"
                        + (f" och '{o.replaced_by}' har tagit över." if o.replaced_by else "."),
                    },
                )
