"""Brå's recommended way of organising and running the work (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from ..model import Organ
from ..model.organ import POLITICAL_TYPES as POLITICAL
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule


def internal(repo: Repo) -> dict[str, Organ]:
    """The municipality's own bodies in Brå's structure (not KS/KF, not external)."""
    return {k: o for k, o in repo.organ.items() if not o.external and o.type not in POLITICAL}


@rule("BRA-STYRGRUPP")
def steering_group(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and not any(o.type == "styrgrupp" for o in internal(repo).values()):
        yield Hit(KOMMUN, "bfa")


@rule("BRA-BEREDNINGSGRUPP")
def preparatory_group(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and not any(o.type == "beredningsgrupp" for o in internal(repo).values()):
        yield Hit(KOMMUN, "bfa")


@rule("BRA-ARBETSGRUPP-TILLSATT")
def working_groups(repo: Repo, ctx: Context) -> Iterator[Hit]:
    organ = repo.organ
    for oid, o in internal(repo).items():
        if o.type != "arbetsgrupp":
            continue
        by = organ.get(o.appointed_by or "")
        if by is None or by.type != "beredningsgrupp":
            yield Hit("organ", oid, ("tillsätts_av",), args={"organ": o.name})


@rule("BRA-UPPDRAG")
def task(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in repo.organ.items():
        if o.type not in POLITICAL and not o.task:
            yield Hit("organ", oid, ("uppdrag",), args={"organ": o.name})


@rule("BRA-MANDAT")
def mandate(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in internal(repo).items():
        if o.type == "styrgrupp" and not o.mandate:
            yield Hit("organ", oid, ("mandat",), args={"organ": o.name})


@rule("BRA-SAMMANKALLANDE")
def convener(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in internal(repo).items():
        if o.members and not o.convener:  # an umbrella without members has no meetings
            yield Hit("organ", oid, ("sammankallande",), args={"organ": o.name})


def key_functions(repo: Repo) -> dict[str, str]:
    """Function id → the role that makes it a key function (first found)."""
    roles: dict[str, str] = {}
    if repo.kommun and repo.kommun.coordination:
        roles[repo.kommun.coordination] = "kommunens samordningsfunktion"
    for o in internal(repo).values():
        if o.chair:
            roles.setdefault(o.chair, f"ordförande i {o.name}")
        for c in o.convener:
            roles.setdefault(c, f"sammankallande i {o.name}")
    return roles


@rule("BRA-ERSATTARE")
def deputies(repo: Repo, ctx: Context) -> Iterator[Hit]:
    funktioner = repo.funktioner
    for fid, role in key_functions(repo).items():
        f = funktioner.get(fid)
        if f is not None and f.deputy is None:
            yield Hit("funktioner", fid, ("ersättare",), args={"funktion": f.title, "role": role})


@rule("BRA-ATGARD-PROBLEM")
def measure_problem(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        if not a.problems:
            yield Hit("atgarder", aid, ("problem",), args={"atgard": a.title})


@rule("BRA-ATGARD-ORSAK")
def measure_cause(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        if not a.causes:
            yield Hit("atgarder", aid, ("orsaker",), args={"atgard": a.title})


@rule("BRA-ATGARD-ANSVARIG")
def measure_owner(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        if not a.responsible:
            yield Hit("atgarder", aid, ("ansvarig",), args={"atgard": a.title})


@rule("BRA-ATGARD-TIDSRAM")
def measure_time(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        missing = [w for w, v in (("startdatum", a.start), ("slutdatum", a.end)) if v is None]
        if missing:
            yield Hit(
                "atgarder",
                aid,
                ("start" if a.start is None else "slut",),
                args={"atgard": a.title, "missing": " och ".join(missing)},
            )


@rule("BRA-ATGARD-INDIKATOR")
def measure_indicator(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        if not a.indicators:
            yield Hit("atgarder", aid, ("indikatorer",), args={"atgard": a.title})


def _listing(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " och " + items[-1]


@rule("BRA-SAMVERKAN-INNEHALL")
def agreement_content(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        if d.type != "samverkansöverenskommelse":
            continue
        checks = (
            ("problem", bool(d.problems)),
            ("orsaker", bool(d.causes)),
            ("mätbara mål", any(g.indicators for g in d.goals)),
            ("dokumentation", bool(d.documentation)),
            ("uppföljning", bool(d.follow_up)),
            ("period (gäller_från och gäller_till)", bool(d.valid_from and d.valid_to)),
        )
        missing = [name for name, ok in checks if not ok]
        if missing:
            yield Hit("dokument", did, (), args={"dokument": d.title, "missing": _listing(missing)})


@rule("BRA-MEDBORGARLOFTE")
def citizen_promise(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        if d.type != "medborgarlöfte":
            continue
        missing = [
            w
            for w, ok in (
                ("koppling till en lägesbild (grundas_på)", d.based_on),
                ("beskrivning av medborgardialogen", d.citizen_dialogue),
            )
            if not ok
        ]
        if missing:
            yield Hit("dokument", did, (), args={"dokument": d.title, "missing": _listing(missing)})
