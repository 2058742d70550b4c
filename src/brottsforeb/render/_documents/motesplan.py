"""Mötesplan: the year's meetings of every body as a calendar table."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ...model import Dokument
from .._views import Ctx, cadence_text, organ_view
from .common import base, meeting_files, report_year

MONTHS = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


def build(ctx: Ctx, _d: Dokument | None, _i: str | None, year: int | None) -> dict[str, Any]:
    repo = ctx.repo
    y = report_year(repo, year, ctx.today)
    c = base(ctx, None, "mötesplanen", f"Mötesplan {y} – {repo.kommun.name if repo.kommun else ''}")
    c["år"] = y
    c["datum"] = dt.date(y, 1, 1)
    today = ctx.today or dt.date(y + 1, 1, 1)  # judged when the year has ended
    c["beslut"] = [("Avser år", str(y))]
    c["månader"] = MONTHS
    rows = []
    row_ids: list[str] = []
    for oid, o in sorted(repo.organ.items(), key=lambda kv: (kv[1].external, kv[1].name)):
        meetings = [
            m for m in repo.meetings_of(oid) if m.date.year == y and m.state(today) != "inställt"
        ]
        if o.meetings is None and not meetings:
            continue
        per_month = Counter(m.date.month for m in meetings)
        view = organ_view(ctx, oid, o)
        row_ids.append(oid)
        rows.append(
            {
                "organ": o.name,
                "frekvens": cadence_text(o.meetings),
                "plats": o.meetings.place or o.meetings.tool or "" if o.meetings else "",
                "månader": [str(per_month.get(i, "")) for i in range(1, 13)],
                "datum": [m.date.isoformat() for m in meetings],
                "sammankallande": view["sammankallande"],
            }
        )
    c["rader"] = rows
    # the bodies' decided cadence, place and convener are shown: their marks too (E7)
    shown = frozenset({"namn", "möten", "sammankallande"})
    c["källfiler"] = meeting_files(repo, y) + [("organ", oid, shown) for oid in row_ids]
    return c
