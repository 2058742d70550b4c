"""Samverkansöverenskommelse and medborgarlöften: one written agreement with its parties."""

from __future__ import annotations

from typing import Any

from ...model import Dokument
from .._views import Ctx, cause_label, problem_label
from .common import base


def build(ctx: Ctx, d: Dokument | None, _i: str | None, _y: int | None) -> dict[str, Any]:
    assert d is not None  # rendered only from a dokument of its type (source "each")
    c = base(ctx, d, "överenskommelsen", "")
    c.update(
        {
            "typ": d.type,
            "parter": [ctx.aktor(p) for p in d.parties],
            "period": _period(d),
            "problem": [problem_label(ctx, p) for p in d.problems],
            "orsaker": [cause_label(ctx, o) for o in d.causes],
            "mål": [
                {
                    "text": g.text,
                    "indikatorer": [ctx.name("indikatorer", i) for i in g.indicators],
                }
                for g in d.goals
            ],
            "dokumentation": d.documentation or "",
            "uppföljning": d.follow_up or "",
            "genomförande": d.implementation or "",
            "grundas_på": [ctx.name("lagesbilder", x) for x in d.based_on],
            "medborgardialog": d.citizen_dialogue or "",
            "undertecknas_av": [ctx.funktion(f, in_text=True) for f in d.signed_by],
            "målområde": d.goal_area or "",
            "delmål": d.sub_goal or "",
            "källfiler": [("aktorer", a) for a in d.parties],
        }
    )
    return c


def _period(d: Dokument) -> str:
    """The period in words, with what is known: a missing end or start is left out, never a
    "?" (a löfte typed from memory has only its end date)."""
    start, end = d.valid_from, d.valid_to
    if start and end:
        return f"{start} – {end}"
    if end:
        return f"till och med {end}"
    return f"från och med {start}" if start else ""
