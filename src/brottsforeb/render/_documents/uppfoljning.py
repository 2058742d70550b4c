"""Uppföljning: the year's report to the board — indicators, measures and meetings."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from typing import Any

from ... import duties
from ..._numbers import value_text
from ..._words import count, plural
from ...duties import DONE
from ...model import Dokument
from ...status import STATUS_ORDER
from .. import _charts
from .._format import tal
from .._views import Ctx, cadence_text
from .common import base, meeting_files, report_year


def build(ctx: Ctx, _d: Dokument | None, _i: str | None, year: int | None) -> dict[str, Any]:
    repo = ctx.repo
    y = report_year(repo, year, ctx.today)
    k = repo.kommun
    c = base(
        ctx,
        None,
        "uppföljningen",
        f"Uppföljning av det brottsförebyggande arbetet {y} – {k.name if k else ''}",
    )
    c["år"] = y
    c["datum"] = dt.date(y, 12, 31)
    today = ctx.today or dt.date(y + 1, 1, 1)  # judged when the year has ended
    c["beslut"] = [
        ("Avser år", str(y)),
        (
            "Rapporteras till",
            ctx.organ_name(k.follow_up.organ) if k and k.follow_up else "Kommunstyrelsen",
        ),
    ]
    indicators = []
    year_end = dt.date(y, 12, 31)
    for iid, every in sorted(repo.indikatorer.items(), key=lambda kv: kv[1].name):
        # the year reported on and before: a report for 2024 does not show 2025's values,
        # nor a trend to them
        values = sorted((v for v in every.values if v.when <= year_end), key=lambda v: v.when)
        ind = every.model_copy(update={"values": values})
        trend = duties.trend([v.value for v in values], ind.direction)
        ok = _charts.drawable(ind)
        indicators.append(
            {
                "id": iid,
                "namn": ind.name,
                "enhet": ind.unit,
                "riktning": ind.direction,
                "mål": "" if ind.target is None else value_text(ind.target, ind.unit),
                # "Kolada (KPI N07403)", not "Kolada (Kolada N07403)"
                "källa": ind.source.type + (f" (KPI {ind.source.kpi})" if ind.source.kpi else ""),
                "mål_text": ind.target_text or "",
                "värden": [(v.label, value_text(v.value, ind.unit)) for v in values],
                "trend": trend,
                "diagram": _charts.mermaid_xychart(ind) if len(values) >= 2 and ok else "",
                "diagram_saknas": "" if ok or len(values) < 2 else _charts.NOT_DRAWN,
                "senare": len(every.values) - len(values),
            }
        )
        if len(values) >= 2:
            c["figurer"][_charts.figure_key(ind)] = _charts.svg_line_chart(ind)
    c["indikatorer"] = indicators
    # Late as bfa check says it (ATGARD-FORSENAD): the board must not read "pågående, slut
    # 2026-10-31" for a measure check reports as overdue. With a day to judge by (--today)
    # the report says "försenad"; without one it is judged at the end of the year reported
    # on, and only says what stays true whenever it is read: the end date has come (or
    # comes by 31 December) and the measure is not finished.
    judged = min(today, dt.date(y + 1, 1, 1))
    # the measures of the year: begun by its end, and not ended before it began unless
    # still not finished (a late one is followed up until it is done)
    measures = {
        aid: a
        for aid, a in repo.atgarder.items()
        if (a.start is None or a.start <= year_end)
        and (a.end is None or a.end >= dt.date(y, 1, 1) or a.status not in DONE)
    }
    c["atgarder_finns"] = bool(repo.atgarder)
    before = sum(1 for a in repo.atgarder.values() if a.end and a.end.year < y and a.status in DONE)
    later = sum(1 for a in repo.atgarder.values() if a.start and a.start > year_end)
    left_out = [
        f"{count(before, 'åtgärd', 'åtgärder')} som avslutades före {y}" if before else "",
        f"{count(later, 'åtgärd', 'åtgärder')} som börjar efter {y}" if later else "",
    ]
    c["utanför"] = (
        " och ".join(x for x in left_out if x).capitalize() + " är inte med."
        if any(left_out)
        else ""
    )
    due = {aid: duties.measure_due(repo, aid) for aid in measures}
    late = {aid for aid, d in due.items() if d is not None and d < judged}
    mark = "försenad" if ctx.today is not None else "inte avslutad"
    # counted in the order status lists them, what needs attention first; with a day to
    # judge by, a measure past its end counts as late, as in bfa status and bfa check (N1)
    counts: Counter[str] = Counter(
        "försenad" if aid in late and ctx.today is not None else str(a.status)
        for aid, a in measures.items()
    )
    c["status"] = [(s, counts[s]) for s in STATUS_ORDER if counts[s]]

    def order(kv: tuple[str, Any]) -> tuple[bool, str, int, str]:
        aid, a = kv  # the late ones first, by end date; then by status, as counted
        rank = STATUS_ORDER.index(a.status) if a.status in STATUS_ORDER else 9
        return (aid not in late, a.end.isoformat() if aid in late else "", rank, a.title)

    c["atgarder"] = [
        {
            "titel": a.title,
            "status": a.status,
            "ansvarig": ctx.funktion(a.responsible),
            "slut": a.end.isoformat() if a.end else "",
            "försenad": aid in late,
            "markering": mark if aid in late else "",
        }
        for aid, a in sorted(measures.items(), key=order)
    ]
    n = len(late)
    done = f"{plural(n, 'genomförd', 'genomförda')} eller {plural(n, 'avbruten', 'avbrutna')}"
    first = f"{'den står' if n == 1 else 'de står'} först i tabellen över årets åtgärder."
    per = judged.isoformat() if judged < dt.date(y + 1, 1, 1) else f"{y}-12-31"
    if not late:
        c["försenade"] = ""
    elif ctx.today is not None:
        c["försenade"] = (
            f"{count(n, 'åtgärd', 'åtgärder')} har passerat sitt slutdatum utan att vara "
            f"{done} (per {per}); {first}"
        )
    else:
        c["försenade"] = (
            f"{count(n, 'åtgärd', 'åtgärder')} har slutdatum senast {y}-12-31 men är inte {done}; "
            f"{first}"
        )
    rows = []
    counted: list[str] = []
    for oid, o in sorted(repo.organ.items(), key=lambda kv: kv[1].name):
        if o.meetings is None or o.external:
            continue
        ym = duties.year_meetings(repo, oid, y, today)
        if ym is None:
            continue
        counted.append(oid)
        rows.append(
            {
                "organ": o.name,
                "planerat": tal(ym.required, 0),
                "planerat_tal": ym.required,
                "hållna": ym.held,
                "frekvens": cadence_text(o.meetings),
                # "okänt" only when no meeting and no inrättad date gives a period to count
                "uppfyllt": (
                    "okänt (inga möten registrerade)" if ym.fulfilled == "okänt" else ym.fulfilled
                ),
            }
        )
    c["moten"] = rows
    c["uppfoljningar"] = [
        {
            "organ": ctx.name("organ", m.organ),
            "datum": m.date.isoformat(),
            "ärenden": [i.heading for i in m.items if i.type in ("uppföljning", "rapportering")],
        }
        for m in sorted(repo.moten.values(), key=lambda m: m.date)
        if m.date.year == y
        and m.held(today)
        and repo.organ.get(m.organ) is not None
        and repo.organ[m.organ].type in ("nämnd", "fullmäktige")
        and any(i.type in ("uppföljning", "rapportering") for i in m.items)
    ]
    shown = frozenset({"namn", "möten"})  # the decided cadence in the meetings table (E7)
    c["källfiler"] = (
        meeting_files(repo, y)
        + [
            (folder, k)
            for folder, ids in (("indikatorer", repo.indikatorer), ("atgarder", measures))
            for k in sorted(ids)
        ]
        + [("organ", oid, shown) for oid in counted]
    )
    return c
