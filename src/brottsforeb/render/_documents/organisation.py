"""Organisation: the structure description (levels, members, meetings, key functions)."""

from __future__ import annotations

from typing import Any

from ...model import Dokument
from .._format import tal
from .._views import Ctx
from . import riktlinje


def build(ctx: Ctx, d: Dokument | None, i: str | None, y: int | None) -> dict[str, Any]:
    c = riktlinje.build(ctx, d, i, y)
    k = ctx.repo.kommun
    if d is None or "struktur" not in d.title.lower():
        c["titel"] = f"Struktur för det brottsförebyggande arbetet i {k.name if k else 'kommunen'}"
        if d is not None:
            # The structure adopted in the riktlinje: its decision data, not its prose,
            # except the sections it places among the bodies (``efter: organ``).
            c["beslut"] = [("Beskriver strukturen i", d.title)] + c["beslut"]
            c["avsnitt"] = {key: s for key, s in c["avsnitt"].items() if s.get("efter")}
    types = {o.type for o in ctx.repo.organ.values() if not o.external}
    c["bra_struktur"] = {"styrgrupp", "beredningsgrupp", "arbetsgrupp"} <= types
    c["om_kommunen"] = _about(ctx)
    c["mål"] = list(k.goals) if k else []
    c["aktorer"] = [
        {
            "namn": a.name,
            "typ": a.type or "",
            "del_av": ctx.aktor(a.part_of) if a.part_of else "",
            "webbplats": a.website or "",
        }
        for _aid, a in sorted(ctx.repo.aktorer.items(), key=lambda kv: kv[1].name)
    ]
    coordinator = k.coordination if k and k.coordination else None
    police = {fid for fid, f in ctx.repo.funktioner.items() if "kommunpolis" in f.title.lower()}
    shown = [
        fid
        for fid in sorted(police | ({coordinator} if coordinator else set()))
        if fid in ctx.repo.funktioner and ctx.repo.funktioner[fid].tasks
    ]
    c["nyckelfunktioner"] = [
        {"titel": ctx.funktion(fid), "uppgifter": ctx.repo.funktioner[fid].tasks} for fid in shown
    ]
    # The heading names what is shown: a kommunpolis without tasks is not described.
    has_police, has_coordinator = bool(police & set(shown)), coordinator in shown
    c["nyckelfunktioner_rubrik"] = (
        "Kommunpolis och samordnare"
        if has_police and has_coordinator
        else "Kommunpolis"
        if has_police
        else "Samordnare"
    )
    return c


def _about(ctx: Ctx) -> list[tuple[str, str]]:
    """The municipality's own facts from bfa.yaml, as rows."""
    k = ctx.repo.kommun
    if k is None:
        return []
    rows = [
        ("Län", k.county or ""),
        ("Kommunkod", k.code or ""),
        ("Lokalpolisområde", k.police_area or ""),
        (
            "Invånare",
            (tal(k.population) + (f" ({k.population_year})" if k.population_year else ""))
            if k.population is not None
            else "",
        ),
        ("Webbplats", k.website or ""),
        ("Kontakt", ctx.funktion(k.contact) if k.contact else ""),
    ]
    return [(label, value) for label, value in rows if value]
