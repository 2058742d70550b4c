"""Åtgärdsplan: the measures, the problems and causes they address, and their follow-up."""

from __future__ import annotations

from typing import Any

from ...model import Dokument
from .._views import Ctx, cause_label, problem_label
from .common import base


def build(ctx: Ctx, d: Dokument | None, _i: str | None, _y: int | None) -> dict[str, Any]:
    repo = ctx.repo
    c = base(ctx, d, "åtgärdsplanen", f"Åtgärdsplan – {repo.kommun.name if repo.kommun else ''}")
    chosen = [
        (k, a)
        for k, a in sorted(repo.atgarder.items())
        if d is None or a.plan is None or repo.dokument.get(a.plan) is d
    ]
    c["grundas_på"] = [
        repo.lagesbilder[x].title for x in (d.based_on if d else []) if x in repo.lagesbilder
    ]
    c["atgarder"] = [
        {
            "id": k,
            "titel": a.title,
            "beskrivning": a.description or "",
            "problem": [problem_label(ctx, p) for p in a.problems],
            "orsaker": [cause_label(ctx, o) for o in a.causes],
            "typ": a.type or "",
            "ansvarig": ctx.funktion(a.responsible),
            "parter": [ctx.aktor(p) for p in a.partners],
            "tidsram": f"{a.start or '?'} – {a.end or '?'}" if a.start or a.end else "",
            "status": a.status,
            "kunskapsläge": a.evidence or "",
            "indikatorer": [ctx.name("indikatorer", i) for i in a.indicators],
            "uppföljning": [f"{u.date.isoformat()}: {u.text}" for u in a.follow_up],
            "exempeldata": a.example_data,
        }
        for k, a in chosen
    ]
    c["källfiler"] = [("atgarder", k) for k, _a in chosen]
    return c
