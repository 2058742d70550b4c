"""Brå's recommended way of organising and running the work (warnings)."""

from __future__ import annotations

from collections.abc import Iterator

from .._periods import add_years
from ..model import Organ
from ..model._base import date_text, last_day
from ..model.dokument import WITHDRAWN
from ..model.organ import POLITICAL_TYPES as POLITICAL
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule


def internal(repo: Repo) -> dict[str, Organ]:
    """The municipality's own bodies in Brå's structure (not KS/KF, not external).

    A wound-down body (status avvecklat) is history and left out; a proposed one is
    kept, since a proposal should be as clear as the body it becomes.
    """
    return {
        k: o
        for k, o in repo.organ.items()
        if not o.external and o.type not in POLITICAL and o.status != "avvecklat"
    }


def acting(repo: Repo, role: str) -> list[Organ]:
    """Bodies working today that are, or act as, ``role`` (a type, or a role of ledamöter_i_roll).

    A proposed body does not fill a role yet; one on trial or being wound down does. A
    political body fills a role only by ledamöter_i_roll: in a small municipality the
    kommunstyrelse itself is often the styrgrupp.
    """
    own = [o for o in repo.organ.values() if not o.external and o.is_active]
    return [o for o in own if o.acts_as(role)]


@rule("BRA-STYRGRUPP")
def steering_group(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and not acting(repo, "styrgrupp"):
        yield Hit(KOMMUN, "bfa")


@rule("BRA-BEREDNINGSGRUPP")
def preparatory_group(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and not acting(repo, "beredningsgrupp"):
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
        if o.type not in POLITICAL and not o.task and o.status != "avvecklat":
            yield Hit("organ", oid, ("uppdrag",), args={"organ": o.name})


#: Bodies that decide or prepare decisions, and so need a stated mandate (Brå).
DECIDING = ("styrgrupp", "beredningsgrupp", "råd")
WRITTEN_COOPERATION = ("samverkansöverenskommelse", "medborgarlöfte")


@rule("BRA-MANDAT")
def mandate(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in internal(repo).items():
        if o.type in DECIDING and not o.mandate and o.members:  # an umbrella has no mandate
            yield Hit("organ", oid, ("mandat",), args={"organ": o.name, "Typ": o.type.capitalize()})


@rule("BRA-SAMVERKAN")
def written_cooperation(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and not any(
        d.type in WRITTEN_COOPERATION and d.effective_status not in WITHDRAWN
        for d in repo.dokument.values()
    ):
        from ..samverkan import shared_documents

        # an agreement shared from a collaboration (ingår_i_samverkan) is the member's too
        if not any(
            d.type in WRITTEN_COOPERATION and d.effective_status not in WITHDRAWN
            for d in shared_documents(repo)
        ):
            yield Hit(KOMMUN, "bfa")


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
        if not o.is_active:
            continue  # a proposed body's roles are not yet anyone's work
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


@rule("BRA-VAKANT")
def vacant(repo: Repo, ctx: Context) -> Iterator[Hit]:
    from .lag import municipal

    funktioner = repo.funktioner
    coordination = repo.kommun.coordination if repo.kommun else None
    roles = key_functions(repo)
    # who answers for a measure that is still to be done (F23): a vacant owner is nobody's
    for a in sorted(repo.atgarder.values(), key=lambda a: a.title):
        if a.responsible and a.status in ("planerad", "pågående", "försenad"):
            roles.setdefault(a.responsible, f"ansvarig för åtgärden '{a.title}'")
    for fid, role in roles.items():
        f = funktioner.get(fid)
        if f is not None and f.vacant:
            if fid == coordination and not (
                (d := funktioner.get(f.deputy or "")) is not None
                and not d.vacant
                and municipal(repo, f.deputy or "")
            ):
                continue  # a law error (LAG-SAMORDNING-VAKANT), not advice
            deputy = funktioner.get(f.deputy or "")
            if deputy is not None and not deputy.vacant:
                cover = f"Ersättaren ({deputy.title}) täcker upp tills vidare."
            else:
                cover = "Ingen ersättare täcker upp."
            yield Hit(
                "funktioner",
                fid,
                ("vakant",),
                args={"funktion": f.title, "role": role, "cover": cover},
            )


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
        if d.type != "samverkansöverenskommelse" or d.out_of_date:
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
        if d.type != "medborgarlöfte" or d.out_of_date:
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


#: Documents that record a moment (a memo, a report) rather than govern: never reviewed.
RECORD_TYPES = ("tjänsteskrivelse", "verksamhetsberättelse", "rapport")
MANDATE_PERIOD_YEARS = 4


@rule("BRA-DOK-AKTUALITET")
def stale_documents(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        if (
            d.type in RECORD_TYPES
            or not d.in_force
            or d.revision is not None
            or d.valid_to is not None  # its own period of validity is checked by DOK-GILTIGHET
            or d.date is None
        ):
            continue
        due = add_years(last_day(d.date), MANDATE_PERIOD_YEARS)
        if due < ctx.today:
            yield Hit(
                "dokument",
                did,
                ("datum",),
                due=due,
                args={"title": d.title, "date": date_text(d.date)},
            )
