"""The governing documents bfa writes: which data each one takes, and its template."""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from .. import duties
from ..errors import RenderError
from ..model import Dokument
from ..repo import Repo
from . import _charts
from ._format import (
    genitiv,
    is_infinitive_list,
    mening,
    mitt,
    mitt_lista,
    procent,
    tal,
    uppräkning,
)
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
    register,
    revision_text,
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
        "exempeldata": "",
        "public": ctx.public,
        "figurer": {},
    }


def _riktlinje(ctx: Ctx, d: Dokument | None, _id: str | None, _y: int | None) -> dict[str, Any]:
    repo, k = ctx.repo, ctx.repo.kommun
    c = _base(
        ctx,
        d,
        "riktlinjen",
        f"Riktlinje för {genitiv(k.name, k.name_genitive) if k else 'kommunens'} "
        "brottsförebyggande arbete",
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
                "utkast": d is None or d.effective_status == "utkast",
                "revideras": (
                    f"{revision_text(None, d.revision.kind)} {d.revision.text}"
                    if d.revision.text
                    else revision_text(d.revision.years, d.revision.kind)
                )
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
                "uppgifter_inledning": (
                    f"{_owner(coord.title)} uppgifter inom det brottsförebyggande arbetet är att:"
                    if coord and is_infinitive_list(coord.tasks)
                    else "Samordningsfunktionen har följande uppgifter:"
                ),
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
                    "stycken": _lagesbild_prose(ctx, kind, r),
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
            "register": register(ctx),
        }
    )
    c["figurer"] = {"organisationsschema": _charts.svg_chart(repo)}
    return c


def _owner(title: str) -> str:
    """ "Förebyggande samordnares" for a short title; a long one ("Samordnare för ANDT och
    brottsförebyggande arbete") would make a clumsy genitive, so the function is named."""
    if " för " in f" {title} " or len(title.split()) > 3:
        return "Samordningsfunktionens"
    return genitiv(title)


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


def _lagesbild_prose(ctx: Ctx, kind: str, r: Any) -> list[str]:
    """The municipality's routine for one kind of lägesbild in full sentences."""
    definite = {"Operativ": "operativa", "Strategisk": "strategiska"}[kind]
    often = cadence_text(r.cadence)
    first = f"En {kind.lower()} lägesbild tas fram{' ' + often if often else ''}."
    if r.purpose:
        purpose = r.purpose.strip()
        if re.match(r"(En|Ett) ", purpose):
            purpose = f"Den {definite} lägesbilden ska vara {purpose[0].lower()}{purpose[1:]}"
        first += " " + mening(purpose)
    out = [first]
    if r.sources:
        out.append(f"Den baseras på {uppräkning(r.sources)}.")
    made = [ctx.funktion(f) for f in r.produced_by]
    consulted = [mitt(ctx.organ_name(o)) for o in r.consulted]
    shown = [mitt(ctx.organ_name(o)) for o in r.presented_to]
    decided = mitt(ctx.organ_name(r.decided_by)) if r.decided_by else ""
    if shown and decided and shown == [decided]:
        tail = f"presenteras för och beslutas av {decided}"
    elif shown:
        tail = f"presenteras för {uppräkning(shown)}" + (
            f" och beslutas av {decided}" if decided else ""
        )
    elif decided:
        tail = f"beslutas av {decided}"
    else:
        tail = ""
    sentences = []
    if made:
        sentences.append(f"Den {definite} lägesbilden sammanställs av {mitt_lista(made)}.")
    if consulted:
        after = f" innan den {tail}." if tail else "."
        sentences.append(f"Den remitteras till {uppräkning(consulted)}{after}")
    elif tail:
        sentences.append(f"Den {tail}.")
    if sentences:
        out.append(" ".join(sentences))
    return out


def _organisation(ctx: Ctx, d: Dokument | None, i: str | None, y: int | None) -> dict[str, Any]:
    c = _riktlinje(ctx, d, i, y)
    k = ctx.repo.kommun
    if d is None or "struktur" not in d.title.lower():
        c["titel"] = f"Struktur för det brottsförebyggande arbetet i {k.name if k else 'kommunen'}"
        if d is not None:
            # The structure adopted in the riktlinje: its decision data, not its prose.
            c["beslut"] = [("Beskriver strukturen i", d.title)] + c["beslut"]
            c["avsnitt"] = {}
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
    key = {k.coordination} if k and k.coordination else set()
    key |= {fid for fid, f in ctx.repo.funktioner.items() if "kommunpolis" in f.title.lower()}
    c["nyckelfunktioner"] = [
        {"titel": ctx.funktion(fid), "uppgifter": ctx.repo.funktioner[fid].tasks}
        for fid in sorted(key)
        if fid in ctx.repo.funktioner and ctx.repo.funktioner[fid].tasks
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
    return c


def _year(repo: Repo, year: int | None, today: dt.date | None = None) -> int:
    """The report's year: given, else the year of the latest held meeting."""
    if year is not None:
        return year
    held = [m.date.year for m in repo.moten.values() if m.held(today or dt.date.max)]
    return max(held) if held else document_date(repo, None).year


def _value(value: float, unit: str) -> str:
    """An indicator value in Swedish: ``15,3 %`` for percentages, ``7 250`` otherwise."""
    if unit.strip().lower() in ("procent", "%", "andel i procent"):
        return procent(value)
    return tal(value)


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
                "mål": "" if ind.target is None else _value(ind.target, ind.unit),
                "källa": ind.source.type
                + (f" (Kolada {ind.source.kpi})" if ind.source.kpi else ""),
                "mål_text": ind.target_text or "",
                "värden": [(v.label, _value(v.value, ind.unit)) for v in values],
                "trend": trend,
                "diagram": _charts.mermaid_xychart(ind) if len(values) >= 2 else "",
            }
        )
        if len(values) >= 2:
            c["figurer"][_charts.figure_key(ind)] = _charts.svg_line_chart(ind)
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
                "planerat": tal(ym.required, 0),
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


def _marked(kind: str, eid: str, entity: Any) -> list[str]:
    """The file (and keys) of ``entity`` marked as example data or as not yet confirmed."""
    if entity is None:
        return []
    keys = entity.example_keys
    unconfirmed = list(entity.unconfirmed)
    path = "bfa.yaml" if kind == "bfa" else f"{kind}/{eid}.yaml"
    out = []
    if keys:
        out.append(path if keys == ["*"] else f"{path} ({', '.join(keys)})")
    if unconfirmed:
        out.append(f"{path} (obekräftat: {', '.join(unconfirmed)})")
    return out


def example_sources(ctx: Ctx, kind: str, d: Dokument | None, context: dict[str, Any]) -> list[str]:
    """The files (and keys) marked as example data that this document is built from."""
    repo = ctx.repo
    out: list[str] = _marked("bfa", "", repo.kommun)
    own = next((k for k, v in repo.dokument.items() if v is d), None)
    if d is not None and own is not None:
        out += _marked("dokument", own, d)
    folders: list[str] = []
    if kind in ("riktlinje", "organisation"):
        folders = ["funktioner", "organ", "aktorer"]
        out += [
            x
            for k, v in sorted(repo.dokument.items())
            if v is not d and v.type in ("samverkansöverenskommelse", "medborgarlöfte")
            for x in _marked("dokument", k, v)
        ]
    elif kind == "atgardsplan":
        ids = {a["id"] for a in context.get("atgarder", [])}
        out += [
            x
            for k, a in sorted(repo.atgarder.items())
            if k in ids
            for x in _marked("atgarder", k, a)
        ]
    elif kind == "lagesbild":
        lid = context["lagesbild"]["id"]
        out += _marked("lagesbilder", lid, repo.lagesbilder[lid])
    elif kind == "uppfoljning":
        folders = ["indikatorer", "atgarder"]
        year = context["år"]
        out += [
            x
            for k, m in sorted(repo.moten.items())
            if m.date.year == year
            for x in _marked("moten", k, m)
        ]
    elif kind == "motesplan":
        year = context["år"]
        out += [
            x
            for k, m in sorted(repo.moten.items())
            if m.date.year == year
            for x in _marked("moten", k, m)
        ]
    elif kind in ("samverkansoverenskommelse", "medborgarloften") and d is not None:
        out += [x for a in d.parties for x in _marked("aktorer", a, repo.aktorer.get(a))]
    for folder in folders:
        models: dict[str, Any] = getattr(repo, folder)
        out += [x for k, v in sorted(models.items()) for x in _marked(folder, k, v)]
    return out


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
