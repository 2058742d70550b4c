"""The riktlinje: the municipality's own document, its sections in its order, and the
organisation, lägesbild routine, åtgärdsplan and follow-up composed from the data."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from typing import Any

from ...model import Dokument
from .. import _charts
from .._docviews import expired, register, revision_text
from .._format import genitiv, is_infinitive_list, mening, mitt, mitt_lista, uppräkning
from .._views import Ctx, cadence_text, organ_tree, organ_view
from .common import base, organisation_files

AGREEMENT_TYPES = ("samverkansöverenskommelse", "medborgarlöfte")


def build(ctx: Ctx, d: Dokument | None, _id: str | None, _y: int | None) -> dict[str, Any]:
    repo, k = ctx.repo, ctx.repo.kommun
    joint = k is not None and k.kind == "samverkan"
    c = base(
        ctx,
        d,
        "riktlinjen",
        f"Riktlinje för det gemensamma brottsförebyggande arbetet i {k.name}"
        if k and joint
        else f"Riktlinje för {genitiv(k.name, k.name_genitive) if k else 'kommunens'} "
        "brottsförebyggande arbete",
    )
    c["ar_samverkan"] = joint
    # adopted before the law came into force: bfa's introduction must not read as if the
    # decision quoted a law it could not know (N11)
    before = d is not None and d.date is not None and d.date < dt.date(2023, 7, 1)
    c["före_lagen"] = d.date.isoformat() if before and d is not None and d.date else ""
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
                "vakant": bool(coord and coord.vacant),
                "uppgifter": coord.tasks if coord else [],
                "omfattning": f"{coord.extent_percent} procent"
                if coord and coord.extent_percent
                else "",
            },
            "organ": organ_tree(ctx, external=False),
            "externa": organ_tree(ctx, external=True) + shared(ctx, "organ", _shared_body),
            "samverkan": k.cooperation.description if k and k.cooperation else "",
            "undertecknas_av": [ctx.funktion(f, in_text=True) for f in k.cooperation.signed_by]
            if k and k.cooperation
            else [],
            "avtal": [
                {
                    "titel": x.title,
                    "parter": [ctx.aktor(p) for p in x.parties],
                    # the end date is said, so that a reader sees one that has passed (N2)
                    "till": x.valid_to.isoformat() if x.valid_to else "",
                }
                for x in sorted(repo.dokument.values(), key=lambda x: x.title)
                if x.type in AGREEMENT_TYPES and not x.out_of_date and not expired(ctx, x)
            ]
            + shared(ctx, "dokument", _shared_agreement),
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
            "schema": _charts.mermaid_chart(repo, ctx.public),
            "register": register(ctx),
        }
    )
    c["efter_organ"] = placed_sections(c["avsnitt"], c["organ"] + c["externa"])
    c["placerade"] = [h for hs in c["efter_organ"].values() for h in hs]
    c["figurer"] = {"organisationsschema": _charts.svg_chart(repo, ctx.public)}
    c["källfiler"] = organisation_files(ctx, d)
    return c


def placed_sections(
    avsnitt: dict[str, dict[str, Any]], tree: list[dict[str, Any]]
) -> dict[str, list[str]]:
    """{organ id: headings of the sections that stand right after its description}.

    A section naming a body that is not described (``efter:`` a political body, a typo
    caught by validate) is not placed, so that it keeps its place after the organisation.
    """
    shown = {o["id"] for top in tree for o in [top, *top["delar"]]}
    out: dict[str, list[str]] = {}
    for heading, s in avsnitt.items():
        if s.get("efter") in shown:
            out.setdefault(s["efter"], []).append(heading)
    return out


def shared(
    ctx: Ctx, folder: str, view: Callable[[Ctx, str, Any, str], dict[str, Any]]
) -> list[dict[str, Any]]:
    """What a member shares from its collaborations (``delar: [organ/x, dokument/y]``) of
    one folder, each described from the collaboration's own files by ``view``."""
    from ...samverkan import links

    k = ctx.repo.kommun
    out: list[dict[str, Any]] = []
    for link in links(ctx.repo) if k and k.collaborations else []:
        if link.repo is None:
            continue
        other = Ctx(link.repo, public=ctx.public)
        for ref in k.collaborations[link.index].shares if k else []:
            kind, _, eid = ref.partition("/")
            entity = getattr(link.repo, folder).get(eid) if kind == folder else None
            if entity is not None:
                out.append(view(other, eid, entity, link.name))
    return out


def _shared_body(other: Ctx, eid: str, o: Any, owner: str) -> dict[str, Any]:
    view = organ_view(other, eid, o)
    view["namn"] += f" (gemensamt organ i {owner}, som förvaltar det)"
    return view


def _shared_agreement(other: Ctx, _eid: str, x: Any, owner: str) -> dict[str, Any]:
    return {
        "titel": f"{x.title} – gemensam för {owner}, som förvaltar den",
        "parter": [other.aktor(p) for p in x.parties],
        "till": x.valid_to.isoformat() if x.valid_to else "",
    }


def _owner(title: str) -> str:
    """ "Förebyggande samordnares" for a short title; a long one ("Samordnare för ANDT och
    brottsförebyggande arbete") would make a clumsy genitive, so the function is named."""
    if " för " in f" {title} " or len(title.split()) > 3:
        return "Samordningsfunktionens"
    return genitiv(title)


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
    made = [ctx.funktion(f, in_text=True) for f in r.produced_by]
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
