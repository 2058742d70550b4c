"""What templates see: plain dictionaries built from the Repo, in Swedish terms.

Templates never reach into the models; everything they print passes through
here, which is also where ``public`` leaves out people's names and contacts.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..model import Frekvens, Funktion, Lagesbild, Organ
from ..model.organ import POLITICAL_TYPES as POLITICAL
from ..model.organ import Moten
from ..repo import Repo
from ._format import mitt

ORGAN_ORDER = ["råd", "styrgrupp", "beredningsgrupp", "arbetsgrupp", "samverkansgrupp", "nätverk"]


@dataclass
class Ctx:
    repo: Repo
    public: bool = False
    today: dt.date | None = None  # the day meetings are judged on; None: the report's year end
    #: the day a meeting document speaks of: a holder who took the function later is not
    #: named (N6: a February protocol named the coordinator who came in November)
    at: dt.date | None = None

    # -- names -----------------------------------------------------------------------
    def funktion(self, fid: str | None, *, with_actor: bool = False, in_text: bool = False) -> str:
        """The function's title, its actor (``with_actor``) and holder: "Skolchef, Bo Ek" in
        a list of members, "Skolchef (Bo Ek)" in running text (``in_text``), where "A, Bo
        Ek och B" would read as three parties."""
        if not fid:
            return ""
        f: Funktion | None = self.repo.funktioner.get(fid)
        if f is None:  # framtagen_av may name a group (organ) instead of a function
            o = self.repo.organ.get(fid)
            return o.name if o is not None else self.missing("funktioner", fid)
        text = f.title
        if with_actor and f.actor and f.actor in self.repo.aktorer:
            actor = self.repo.aktorer[f.actor].name
            if actor.lower() not in text.lower():
                text += f" ({actor})"
        later = f.holder and f.holder.since and self.at and self.at < f.holder.since
        if f.holder and not self.public and not later:
            text += f" ({f.holder.name})" if in_text else f", {f.holder.name}"
        return text

    def organ_name(self, oid: str | None) -> str:
        return self.name("organ", oid) if oid else ""

    def aktor(self, aid: str) -> str:
        return self.name("aktorer", aid)

    def name(self, kind: str, eid: str) -> str:
        """The entity's name; for a reference bfa cannot resolve (only in a draft from a
        repository with errors), the id with what is wrong, never the bare id."""
        entry = self.repo.entry(kind, eid)
        if entry is not None and entry.model is not None:
            return self.repo.name_of(kind, eid)
        return self.missing(kind, eid)

    def missing(self, kind: str, eid: str) -> str:
        entry = self.repo.entry(kind, eid)
        if entry is not None:
            return f"{eid} (uppgifterna saknas: {entry.file} kunde inte läsas)"
        return f"{eid} (uppgifterna saknas: {kind}/{eid}.yaml finns inte)"


def cadence_text(c: Frekvens | None) -> str:
    if c is None:
        return ""
    text = c.describe()
    if c.when:
        text += f" – {c.when}"
    return text


def meetings_text(m: Moten | None) -> str:
    if m is None:
        return ""
    parts = [cadence_text(m)[0].upper() + cadence_text(m)[1:]]
    if m.minutes:
        parts.append(f"{m.minutes} minuter per möte")
    if m.form:
        parts.append(
            {"fysiskt": "fysiska möten", "digitalt": "digitala möten", "hybrid": "hybridmöten"}[
                m.form
            ]
        )
    if m.tool:
        parts.append(f"via {m.tool}")
    if m.place:
        parts.append(f"plats: {m.place}")
    return ", ".join(parts) + "."


def organ_view(ctx: Ctx, oid: str, o: Organ) -> dict[str, Any]:
    convener = [ctx.funktion(c) for c in o.convener]
    members = []
    for fid in o.members:
        label = ctx.funktion(fid, with_actor=True)
        f = ctx.repo.funktioner.get(fid)
        notes = []
        if f and f.count:
            notes.append(str(f.count))
        if f and f.vacant:
            notes.append("vakant")
        if fid in o.convener:
            notes.append("sammankallande")
        if fid == o.chair:
            notes.append("ordförande")
        if f and f.deputy:
            notes.append(f"ersättare: {ctx.funktion(f.deputy)}")
        members.append(label + (f" ({', '.join(notes)})" if notes else ""))
    documentation = ""
    if o.documentation:
        documentation = {
            "minnesanteckningar": "Mötena dokumenteras med minnesanteckningar",
            "protokoll": "Mötena protokollförs",
            "ingen": "Mötena dokumenteras inte",
        }[o.documentation.form]
        if o.documentation.registry:
            documentation += f" som diarieförs i {o.documentation.registry}"
        documentation += "."
    return {
        "id": oid,
        "namn": o.name + (f" ({o.short_name})" if o.short_name else ""),
        "typ": o.type,
        "uppdrag": o.task or "",
        "mandat": o.mandate or "",
        "krav": o.member_requirements or "",
        "beskrivning": o.description or "",
        "målgrupp": o.target_group or "",
        "ordförande": ctx.funktion(o.chair),
        "sammankallande": ", ".join(convener),
        "ledamöter": members,
        "adjungeras": [ctx.funktion(f, with_actor=True) for f in o.co_opted],
        "informeras": [ctx.funktion(f) for f in o.kept_informed],
        "ersättare": o.substitutes or "",
        "möten": meetings_text(o.meetings),
        "innehåll": o.meetings.agenda if o.meetings and o.meetings.agenda else "",
        "dokumentation": documentation,
        "ingår_i": ctx.organ_name(o.part_of),
        "rapporterar_till": ctx.organ_name(o.reports_to),
        "tillsätts_av": ctx.organ_name(o.appointed_by),
        "parter": [ctx.aktor(a) for a in o.parties],
        "drivs_av": ctx.aktor(o.run_by) if o.run_by else "",
        "inrättad": o.established.year if o.established else "",
        "tidsbegränsad": _span(o.temporary.start, o.temporary.end) if o.temporary else "",
        "extern": o.external,
        "livscykel": _lifecycle(ctx, o),
        # "När kommunstyrelsen är styrgrupp deltar även: …"; the role's own description, which
        # may be a fragment ("När den behandlar …"), under its own label (N11)
        "i_roll": [
            f"När {mitt(o.name)} är {g.role} deltar även: "
            + ", ".join(ctx.funktion(m, with_actor=True) for m in g.members)
            + (f". Om rollen: {g.description}" if g.description else "")
            for g in o.role_members
        ],
        "avtal": ctx.name("dokument", o.agreement) if o.agreement else "",
        "anmärkning": o.note or "",
        "delar": [],
    }


def _span(start: object, end: object) -> str:
    """A period with what is known, never "?": "2025-09-01 – 2026-12-31", "till och med …"."""
    if start and end:
        return f"{start} – {end}"
    return f"till och med {end}" if end else (f"från och med {start}" if start else "")


def _lifecycle(ctx: Ctx, o: Organ) -> str:
    """The body's lifecycle (#14a) in a sentence, empty for an active body."""
    parts = []
    if o.trial:
        parts.append(f"På försök {o.trial.start or '?'} – {o.trial.end or '?'}.")
    if o.wind_down_by:
        parts.append(f"Avvecklas senast {o.wind_down_by.isoformat()}.")
    if o.wound_down:
        parts.append(f"Avvecklat {o.wound_down.isoformat()}.")
    if o.replaced_by:
        parts.append(f"Ersätts av {ctx.organ_name(o.replaced_by)}.")
    return " ".join(parts)


def organ_tree(ctx: Ctx, *, external: bool) -> list[dict[str, Any]]:
    """Top-level bodies (internal or external) in Brå's order, each with its parts."""
    # A political body is shown here only in a role of the work it takes on itself
    # (ledamöter_i_roll): a small municipality's kommunstyrelse acting as styrgrupp (F11).
    organ = {
        k: v
        for k, v in ctx.repo.organ.items()
        if v.type not in POLITICAL or any(r.role not in POLITICAL for r in v.role_members)
    }

    def kind(o: Organ) -> str:
        if o.type in POLITICAL:
            return next((r.role for r in o.role_members if r.role not in POLITICAL), o.type)
        return o.type

    def rank(item: tuple[str, Organ]) -> tuple[int, str]:
        t = kind(item[1])
        return (ORGAN_ORDER.index(t) if t in ORGAN_ORDER else 99, item[1].name)

    def view_of(oid: str, o: Organ) -> dict[str, Any]:
        view = organ_view(ctx, oid, o)
        if o.type in POLITICAL:
            roles = [r.role for r in o.role_members if r.role not in POLITICAL]
            view["namn"] += " som " + " och ".join(dict.fromkeys(roles))
        return view

    def root(oid: str) -> str:
        """The top body above ``oid`` by ``ingår_i``; in a cycle, its first member by id,
        so that no body ever disappears because of a reference."""
        chain = [oid]
        while True:
            up = organ[chain[-1]].part_of
            if up is None or up not in organ:
                return chain[-1]
            if up in chain:
                return min(chain[chain.index(up) :])
            chain.append(up)

    roots = {k: root(k) for k in organ}
    tops = sorted(
        ((k, o) for k, o in organ.items() if roots[k] == k and o.external == external), key=rank
    )
    out = []
    for oid, o in tops:
        view = view_of(oid, o)
        view["delar"] = [
            view_of(k, v)
            for k, v in sorted(
                ((k, v) for k, v in organ.items() if roots[k] == oid and k != oid), key=rank
            )
        ]
        out.append(view)
    return out


def problem_label(ctx: Ctx, ref: str) -> str:
    p = ctx.repo.problem(ref)
    return p.heading if p else ref


def cause_label(ctx: Ctx, ref: str) -> str:
    o = ctx.repo.orsak(ref)
    return o.description if o else ref


def lagesbild_view(ctx: Ctx, lid: str, lb: Lagesbild) -> dict[str, Any]:
    return {
        "id": lid,
        "titel": lb.title,
        "typ": lb.type,
        "period": f"{lb.period.start or '?'} – {lb.period.end or '?'}",
        "datum": lb.date.isoformat(),
        "område": lb.area,
        "källor": lb.sources,
        "problem": [
            {
                "id": p.id,
                "rubrik": p.heading,
                "beskrivning": p.description or "",
                "omfattning": p.extent or "",
                "konsekvenser": p.consequences or "",
                "plats": p.place or "",
                "tid": p.time or "",
                "utveckling": p.trend or "",
                "källor": p.sources,
            }
            for p in lb.mapping
        ],
        "annan_information": lb.other_information,
        "analys": lb.analysis or "",
        "orsaker": [
            {
                "beskrivning": o.description,
                "problem": [
                    next((p.heading for p in lb.mapping if p.id == pid), pid) for pid in o.problems
                ],
            }
            for o in lb.causes
        ],
        "framtagen_av": [ctx.funktion(f, in_text=True) for f in lb.produced_by],
        "remiss": [ctx.organ_name(o) for o in lb.consulted],
        "presenteras_för": [ctx.organ_name(o) for o in lb.presented_to],
        "beslut": (
            f"{ctx.organ_name(lb.decision.by)} {lb.decision.date.isoformat()}"
            + (f" {lb.decision.paragraph}" if lb.decision.paragraph else "")
            if lb.decision
            else ""
        ),
        "exempeldata": lb.example_data,
    }
