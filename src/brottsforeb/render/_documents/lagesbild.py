"""Lägesbild: mapping, other information, analysis and possible causes, sources."""

from __future__ import annotations

from typing import Any

from ...errors import RenderError
from ...model import Dokument, Lagesbild
from .._views import Ctx, lagesbild_view
from .common import base


def default_id(lbs: dict[str, Lagesbild]) -> str | None:
    """The lägesbild ``bfa render lagesbild`` writes: the newest strategic one, else the newest."""
    pool = {k: v for k, v in lbs.items() if v.type == "strategisk"} or lbs
    return max(pool, key=lambda k: (pool[k].date, k)) if pool else None


def build(ctx: Ctx, _d: Dokument | None, lid: str | None, _y: int | None) -> dict[str, Any]:
    lbs = ctx.repo.lagesbilder
    if lid is None:
        lid = default_id(lbs)
        if lid is None:
            raise RenderError(
                "Det finns ingen lägesbild att skriva.", hint="Lägg en lägesbild i lagesbilder/."
            )
    if lid not in lbs:
        raise RenderError(
            f"Lägesbilden '{lid}' finns inte.", hint="Välj en av: " + ", ".join(sorted(lbs))
        )
    lb = lbs[lid]
    c = base(ctx, None, "lägesbilden", lb.title)
    c["lagesbild"] = lagesbild_view(ctx, lid, lb)
    c["datum"] = lb.date
    c["beslut"] = [
        ("Typ", f"{lb.type} lägesbild"),
        ("Period", c["lagesbild"]["period"]),
        ("Datum", lb.date.isoformat()),
    ]
    if c["lagesbild"]["beslut"]:
        c["beslut"].append(("Beslutad av", c["lagesbild"]["beslut"]))
    c["källfiler"] = [("lagesbilder", lid)]
    return c
