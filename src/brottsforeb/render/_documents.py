"""The governing documents bfa writes: which data each one takes, and its template."""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import duties
from .._periods import planned_per_year
from ..errors import RenderError
from ..model import Dokument
from ..repo import Repo
from . import _charts
from ._views import (
    Ctx,
    cadence_text,
    cause_label,
    decision_rows,
    document_date,
    lagesbild_view,
    organ_tree,
    organ_view,
    problem_label,
    sections,
)


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: str
    description: str
    doc_type: str | None  # dokument.typ it is rendered from, if any
    build: Callable[[Ctx, Dokument | None, str | None, int | None], dict[str, Any]]


def _base(ctx: Ctx, d: Dokument | None, kind: str, title: str) -> dict[str, Any]:
    k = ctx.repo.kommun
    return {
        "kommun": k.name if k else "",
        "titel": d.title if d else title,
        "beslut": decision_rows(ctx, d, kind),
        "avsnitt": sections(d),
        "datum": document_date(ctx.repo, d),
        "exempeldata": bool(d and d.example_data),
        "public": ctx.public,
        "figurer": {},
    }


def _riktlinje(ctx: Ctx, d: Dokument | None, _id: str | None, _y: int | None) -> dict[str, Any]:
    repo, k = ctx.repo, ctx.repo.kommun
    c = _base(
        ctx,
        d,
        "riktlinjen",
        f"Riktlinje för {k.name if k else 'kommunens'} brottsförebyggande arbete",
    )
    lead = k.leadership if k else None
    coord = repo.funktioner.get(k.coordination) if k and k.coordination else None
    plan = k.situation_plan if k else None
    c.update(
        {
            "intressenter": d.audience if d and d.audience else "",
            "dokumenthantering": {
                "ansvarig": ctx.funktion(d.responsible) if d else "",
                "antas_av": ctx.organ_name(d.adopted_by) if d else "",
                "revideras": (d.revision.text or f"{d.revision.years} år efter antagande")
                if d and d.revision
                else "",
                "diarium": d.registry if d and d.registry else "",
                "publiceras": d.published_at if d and d.published_at else "",
            },
            "ledning": {
                "organ": ctx.organ_name(lead.organ) if lead else "",
                "utsedd_av": lead.appointed_by if lead else "",
                "beslut": (
                    f"{lead.decision.date.isoformat()}"
                    + (f" {lead.decision.paragraph}" if lead.decision.paragraph else "")
                )
                if lead and lead.decision
                else "",
            },
            "samordning": {
                "titel": ctx.funktion(k.coordination) if k and k.coordination else "",
                "placering": coord.placement if coord and coord.placement else "",
                "uppgifter": coord.tasks if coord else [],
                "omfattning": f"{coord.extent_percent} procent"
                if coord and coord.extent_percent
                else "",
            },
            "organ": organ_tree(ctx, external=False),
            "externa": organ_tree(ctx, external=True),
            "samverkan": k.cooperation.description if k and k.cooperation else "",
            "undertecknas_av": [ctx.funktion(f) for f in k.cooperation.signed_by]
            if k and k.cooperation
            else [],
            "avtal": [
                {"titel": x.title, "parter": [ctx.aktor(p) for p in x.parties]}
                for x in sorted(repo.dokument.values(), key=lambda x: x.title)
                if x.type in ("samverkansöverenskommelse", "medborgarlöfte")
            ],
            "lagesbilder": [
                {
                    "typ": kind,
                    "frekvens": cadence_text(r.cadence),
                    "syfte": r.purpose or "",
                    "källor": r.sources,
                    "framtas_av": [ctx.funktion(f) for f in r.produced_by],
                    "remiss": [ctx.organ_name(o) for o in r.consulted],
                    "presenteras_för": [ctx.organ_name(o) for o in r.presented_to],
                    "beslutas_av": ctx.organ_name(r.decided_by),
                }
                for kind, r in (
                    ("Operativ", plan.operative if plan else None),
                    ("Strategisk", plan.strategic if plan else None),
                )
                if r
            ],
            "atgardsplan": {
                "grundas_på": k.action_plan.based_on,
                "beslutas_av": ctx.organ_name(k.action_plan.decided_by),
                "beskrivning": k.action_plan.description or "",
            }
            if k and k.action_plan
            else None,
            "uppfoljning": {
                "organ": ctx.organ_name(k.follow_up.organ),
                "frekvens": cadence_text(k.follow_up.cadence),
                "kallar": k.follow_up.convened_by or "",
                "innehåll": k.follow_up.content or "",
                "befogenhet": k.follow_up.may_decide or "",
            }
            if k and k.follow_up
            else None,
            "rapportering": {
                "till": ctx.organ_name(k.reporting.to),
                "frekvens": cadence_text(k.reporting.cadence) or "kontinuerligt",
                "beskrivning": k.reporting.description or "",
            }
            if k and k.reporting
            else None,
            "schema": _charts.mermaid_chart(repo),
        }
    )
    c["figurer"] = {"organisationsschema": _charts.svg_chart(repo)}
    return c


def _organisation(ctx: Ctx, d: Dokument | None, i: str | None, y: int | None) -> dict[str, Any]:
    c = _riktlinje(ctx, d, i, y)
    k = ctx.repo.kommun
    if d is None:
        c["titel"] = f"Struktur för det brottsförebyggande arbetet i {k.name if k else 'kommunen'}"
    key = {k.coordination} if k and k.coordination else set()
    key |= {fid for fid, f in ctx.repo.funktioner.items() if "kommunpolis" in f.title.lower()}
    c["nyckelfunktioner"] = [
        {"titel": ctx.funktion(fid), "uppgifter": ctx.repo.funktioner[fid].tasks}
        for fid in sorted(key)
        if fid in ctx.repo.funktioner
    ]
    return c


def _atgardsplan(ctx: Ctx, d: Dokument | None, _i: str | None, _y: int | None) -> dict[str, Any]:
    repo = ctx.repo
    c = _base(ctx, d, "åtgärdsplanen", f"Åtgärdsplan – {repo.kommun.name if repo.kommun else ''}")
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
            "indikatorer": [repo.name_of("indikatorer", i) for i in a.indicators],
            "uppföljning": [f"{u.date.isoformat()}: {u.text}" for u in a.follow_up],
            "exempeldata": a.example_data,
        }
        for k, a in chosen
    ]
    return c


def _lagesbild(ctx: Ctx, _d: Dokument | None, lid: str | None, _y: int | None) -> dict[str, Any]:
    repo = ctx.repo
    lbs = repo.lagesbilder
    if lid is None:
        pool = {k: v for k, v in lbs.items() if v.type == "strategisk"} or lbs
        if not pool:
            raise RenderError(
                "Det finns ingen lägesbild att skriva.", hint="Lägg en lägesbild i lagesbilder/."
            )
        lid = max(pool, key=lambda k: pool[k].date)
    if lid not in lbs:
        raise RenderError(
            f"Lägesbilden '{lid}' finns inte.", hint="Välj en av: " + ", ".join(sorted(lbs))
        )
    c = _base(ctx, None, "lägesbilden", lbs[lid].title)
    c["titel"] = lbs[lid].title
    c["lagesbild"] = lagesbild_view(ctx, lid, lbs[lid])
    c["datum"] = lbs[lid].date
    c["beslut"] = [
        ("Typ", f"{lbs[lid].type} lägesbild"),
        ("Period", c["lagesbild"]["period"]),
        ("Datum", lbs[lid].date.isoformat()),
    ]
    if c["lagesbild"]["beslut"]:
        c["beslut"].append(("Beslutad av", c["lagesbild"]["beslut"]))
    c["exempeldata"] = lbs[lid].example_data
    return c


def _year(repo: Repo, year: int | None, today: dt.date | None = None) -> int:
    """The report's year: given, else the year of the latest held meeting."""
    if year is not None:
        return year
    held = [m.date.year for m in repo.moten.values() if m.held(today or dt.date.max)]
    return max(held) if held else document_date(repo, None).year


def _uppfoljning(ctx: Ctx, _d: Dokument | None, _i: str | None, year: int | None) -> dict[str, Any]:
    repo = ctx.repo
    y = _year(repo, year, ctx.today)
    k = repo.kommun
    c = _base(
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
    for iid, ind in sorted(repo.indikatorer.items(), key=lambda kv: kv[1].name):
        values = sorted(ind.values, key=lambda v: v.when)
        trend = duties.trend([v.value for v in values], ind.direction)
        indicators.append(
            {
                "id": iid,
                "namn": ind.name,
                "enhet": ind.unit,
                "riktning": ind.direction,
                "mål": "" if ind.target is None else f"{ind.target:g}",
                "källa": ind.source.type,
                "värden": [(v.label, f"{v.value:g}") for v in values],
                "trend": trend,
                "diagram": _charts.mermaid_xychart(ind) if len(values) >= 2 else "",
            }
        )
        if len(values) >= 2:
            c["figurer"][f"indikator-{ind.name}"] = _charts.svg_line_chart(ind)
    c["indikatorer"] = indicators
    counts = Counter(a.status for a in repo.atgarder.values())
    c["status"] = sorted(counts.items())
    c["atgarder"] = [
        {
            "titel": a.title,
            "status": a.status,
            "ansvarig": ctx.funktion(a.responsible),
            "slut": a.end.isoformat() if a.end else "",
        }
        for a in sorted(repo.atgarder.values(), key=lambda a: (a.status, a.title))
    ]
    rows = []
    for oid, o in sorted(repo.organ.items(), key=lambda kv: kv[1].name):
        if o.meetings is None or o.external:
            continue
        ym = duties.year_meetings(repo, oid, y, today)
        if ym is None:
            continue
        rows.append(
            {
                "organ": o.name,
                "planerat": str(ym.required),
                "per_år": f"{planned_per_year(o.meetings.per, o.meetings.count):g}",
                "hållna": ym.held,
                "frekvens": cadence_text(o.meetings),
                "uppfyllt": ym.fulfilled,
            }
        )
    c["moten"] = rows
    c["uppfoljningar"] = [
        {
            "organ": repo.name_of("organ", m.organ),
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
    return c


def _agreement(ctx: Ctx, d: Dokument | None, _i: str | None, _y: int | None) -> dict[str, Any]:
    repo = ctx.repo
    c = _base(ctx, d, "överenskommelsen", "")
    assert d is not None
    c.update(
        {
            "typ": d.type,
            "parter": [ctx.aktor(p) for p in d.parties],
            "period": f"{d.valid_from or '?'} – {d.valid_to or '?'}"
            if d.valid_from or d.valid_to
            else "",
            "problem": [problem_label(ctx, p) for p in d.problems],
            "orsaker": [cause_label(ctx, o) for o in d.causes],
            "mål": [
                {
                    "text": g.text,
                    "indikatorer": [repo.name_of("indikatorer", i) for i in g.indicators],
                }
                for g in d.goals
            ],
            "dokumentation": d.documentation or "",
            "uppföljning": d.follow_up or "",
            "genomförande": d.implementation or "",
            "grundas_på": [repo.name_of("lagesbilder", x) for x in d.based_on],
            "medborgardialog": d.citizen_dialogue or "",
            "undertecknas_av": [ctx.funktion(f) for f in d.signed_by],
            "målområde": d.goal_area or "",
            "delmål": d.sub_goal or "",
        }
    )
    return c


def _motesplan(ctx: Ctx, _d: Dokument | None, _i: str | None, year: int | None) -> dict[str, Any]:
    repo = ctx.repo
    y = _year(repo, year, ctx.today)
    c = _base(
        ctx, None, "mötesplanen", f"Mötesplan {y} – {repo.kommun.name if repo.kommun else ''}"
    )
    c["år"] = y
    c["datum"] = dt.date(y, 1, 1)
    today = ctx.today or dt.date(y + 1, 1, 1)  # judged when the year has ended
    c["beslut"] = [("Avser år", str(y))]
    months = ["jan", "feb", "mar", "apr", "maj", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
    c["månader"] = months
    rows = []
    for oid, o in sorted(repo.organ.items(), key=lambda kv: (kv[1].external, kv[1].name)):
        meetings = [
            m for m in repo.meetings_of(oid) if m.date.year == y and m.state(today) != "inställt"
        ]
        if o.meetings is None and not meetings:
            continue
        per_month = Counter(m.date.month for m in meetings)
        view = organ_view(ctx, oid, o)
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
    return c


DOCUMENTS: dict[str, DocumentKind] = {
    d.name: d
    for d in (
        DocumentKind(
            "riktlinje",
            "Riktlinje",
            "Riktlinjen för det brottsförebyggande arbetet: "
            "organisation, mötesstruktur, arbetssätt och uppföljning.",
            "riktlinje",
            _riktlinje,
        ),
        DocumentKind(
            "organisation",
            "Organisation",
            "Strukturbeskrivning: nivåernas uppgifter och "
            "deltagare, möten, samordnare och kommunpolis, avtal med externa parter.",
            None,
            _organisation,
        ),
        DocumentKind(
            "atgardsplan",
            "Åtgärdsplan",
            "Åtgärderna med problem och orsaker de riktar "
            "sig mot, ansvar, parter, tidsram, indikatorer och status.",
            "åtgärdsplan",
            _atgardsplan,
        ),
        DocumentKind(
            "lagesbild",
            "Lägesbild",
            "Lägesbilden: kartläggning, annan information, analys och möjliga orsaker, källor.",
            None,
            _lagesbild,
        ),
        DocumentKind(
            "uppfoljning",
            "Uppföljning",
            "Årlig uppföljning till kommunstyrelsen och "
            "kommunfullmäktige: indikatorer, åtgärder och möten.",
            None,
            _uppfoljning,
        ),
        DocumentKind(
            "samverkansoverenskommelse",
            "Samverkansöverenskommelse",
            "Skriftlig överenskommelse om samverkan med andra aktörer.",
            "samverkansöverenskommelse",
            _agreement,
        ),
        DocumentKind(
            "medborgarloften",
            "Medborgarlöften",
            "Medborgarlöften från polisen och kommunen.",
            "medborgarlöfte",
            _agreement,
        ),
        DocumentKind(
            "motesplan",
            "Mötesplan",
            "Årets möten för varje organ som en kalendertabell.",
            None,
            _motesplan,
        ),
    )
}

ALIASES = {
    "åtgärdsplan": "atgardsplan",
    "lägesbild": "lagesbild",
    "uppföljning": "uppfoljning",
    "samverkansöverenskommelse": "samverkansoverenskommelse",
    "medborgarlöften": "medborgarloften",
    "medborgarlöfte": "medborgarloften",
    "mötesplan": "motesplan",
}
