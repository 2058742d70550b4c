"""Meeting documents: the kallelse before a meeting and the protokoll (or minnesanteckningar)
after it, both built from one meeting file and its body."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from ..errors import UsageError
from ..model import Mote, Organ
from ..model.mote import format_time
from ..repo import Repo
from ._views import Ctx

__all__ = ["MEETING_DOCUMENTS", "find_meeting", "meeting_context", "record_form"]

#: Document name → description, for `bfa render --list`.
MEETING_DOCUMENTS = {
    "kallelse": "Kallelse till ett möte: tid, plats, kallade, dagordning, öppna "
    "åtgärdspunkter och handlingar (ange MÖTE).",
    "protokoll": "Protokoll eller minnesanteckningar från ett möte, enligt organets "
    "dokumentation (ange MÖTE).",
}

_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_TYPE_LABEL = {
    "information": "Information",
    "beslut": "Beslut",
    "lägesbild": "Lägesbild",
    "uppföljning": "Uppföljning",
    "rapportering": "Rapportering",
    "övrigt": "Övrigt",
}


def _organ_id(repo: Repo, word: str) -> str:
    """An organ id from its id, name or short name; a 'Menade du' error for a typo."""
    key = word.strip().lower()
    if key in repo.organ:
        return key
    for oid, o in sorted(repo.organ.items()):
        if key in (o.name.lower(), (o.short_name or "").lower()):
            return oid
    from .._messages import did_you_mean

    raise UsageError(
        f"Det finns inget organ som heter '{word}'.",
        hint=did_you_mean(key, sorted(repo.organ), "Organ", limit=len(repo.organ)),
    )


def find_meeting(repo: Repo, spec: list[str]) -> str:
    """The id of the meeting that ``spec`` names.

    ``spec`` is one meeting file (``moten/2026/2026-03-10-styrgrupp.yaml``), one id
    (``2026-03-10-styrgrupp``), or a body and a date in either order
    (``styrgrupp 2026-03-10``).
    """
    from .._messages import did_you_mean

    words = [w for w in spec if w.strip()]
    if not words:
        raise UsageError(
            "Ange mötet: mötesfilen, eller organet och datumet.",
            hint="Exempel: bfa render kallelse styrgrupp 2026-03-10",
        )
    if len(words) == 1:
        stem = Path(words[0]).name.removesuffix(".yaml").removesuffix(".yml")
        if stem in repo.moten:
            return stem
        if _DATE.match(stem):
            same_day = sorted(k for k, m in repo.moten.items() if m.date.isoformat() == stem)
            if len(same_day) == 1:
                return same_day[0]
            if same_day:
                raise UsageError(
                    f"Flera möten hålls {stem}: " + ", ".join(same_day) + ".",
                    hint=f"Ange organet också, t.ex. {repo.moten[same_day[0]].organ} {stem}.",
                )
        raise UsageError(
            f"Det finns inget möte '{words[0]}' i moten/.",
            hint=(did_you_mean(stem, sorted(repo.moten)) + " ").lstrip()
            + "Ange mötesfilen, eller organet och datumet (t.ex. styrgrupp 2026-03-10).",
        )
    if len(words) != 2:
        raise UsageError(
            "Ange mötet som en mötesfil, eller som organ och datum: " + " ".join(words),
            hint="Exempel: bfa render protokoll styrgrupp 2026-03-10",
        )
    first, second = words
    date_word, organ_word = (first, second) if _DATE.match(first) else (second, first)
    if not _DATE.match(date_word):
        raise UsageError(
            f"'{date_word}' är inget datum (ÅÅÅÅ-MM-DD).",
            hint="Exempel: bfa render kallelse styrgrupp 2026-03-10",
        )
    oid = _organ_id(repo, organ_word)
    hits = sorted(
        k for k, m in repo.moten.items() if m.organ == oid and m.date.isoformat() == date_word
    )
    if hits:
        return hits[0]
    dates = sorted(m.date.isoformat() for m in repo.moten.values() if m.organ == oid)
    raise UsageError(
        f"{repo.name_of('organ', oid)} har inget möte {date_word}.",
        hint=did_you_mean(date_word, dates, "Mötesdagar", show=str, listed=dates[-6:])
        if dates
        else f"Skapa mötet med bfa new mote {oid} --date {date_word}.",
    )


def _cancelled(m: Mote) -> bool:
    """Cancelled by ``status: inställt`` or by the older ``inställt: true``."""
    return m.cancelled or m.status == "inställt"


def record_form(organ: Organ | None) -> str:
    """'protokoll' or 'minnesanteckningar', as the body's own setting says."""
    if organ and organ.documentation and organ.documentation.form == "protokoll":
        return "protokoll"
    return "minnesanteckningar"


def _place(m: Mote, o: Organ | None) -> str:
    place = m.place or (o.meetings.place if o and o.meetings else None) or ""
    form = m.form or (o.meetings.form if o and o.meetings else None)
    if form == "digitalt":
        tool = o.meetings.tool if o and o.meetings and o.meetings.tool else "digitalt"
        return place or f"Digitalt möte ({tool})"
    if form == "hybrid" and place:
        return f"{place} (eller digitalt)"
    return place


def _earlier_open_items(ctx: Ctx, mid: str, m: Mote) -> list[dict[str, str]]:
    """Action items of the body's earlier meetings still open before this meeting.

    An item is the same item wherever it is repeated (same text, case and spacing aside,
    or the same origin); closing it at any meeting before this one closes it.
    """
    repo = ctx.repo
    earlier = sorted(
        (
            (k, x)
            for k, x in repo.moten.items()
            if x.organ == m.organ and (x.date, k) < (m.date, mid) and not _cancelled(x)
        ),
        key=lambda kv: (kv[1].date, kv[0]),
    )
    items: dict[str, dict[str, str]] = {}
    for k, x in earlier:
        for a in x.action_items:
            key = " ".join(a.what.lower().split())
            origin = str(getattr(a, "origin", None) or k)
            if a.done:
                items.pop(key, None)
                continue
            items.setdefault(
                key,
                {
                    "vad": a.what,
                    "vem": ctx.funktion(a.who),
                    "senast": a.by.isoformat() if a.by else "",
                    "från": _meeting_date(repo, origin),
                },
            )
    return list(items.values())


def _point(ctx: Ctx, a: Any) -> dict[str, str]:
    return {"vad": a.what, "vem": ctx.funktion(a.who), "senast": a.by.isoformat() if a.by else ""}


def _meeting_date(repo: Repo, mid: str) -> str:
    """A meeting of the same body named by its date, not its file id."""
    m = repo.moten.get(mid)
    return m.date.isoformat() if m is not None else mid


def _who(ctx: Ctx, fid: str) -> str:
    """A function with its organisation, unless that is the municipality itself."""
    f = ctx.repo.funktioner.get(fid)
    k = ctx.repo.kommun
    actor = ctx.repo.aktorer.get(f.actor) if f is not None and f.actor else None
    if actor is not None and k is not None and actor.name == k.name:
        return ctx.funktion(fid)
    return ctx.funktion(fid, with_actor=True)


def _people(ctx: Ctx, ids: list[str]) -> list[str]:
    return [_who(ctx, f) for f in ids]


def _next_meeting(repo: Repo, mid: str, m: Mote) -> str:
    later = sorted(
        (x.date, k)
        for k, x in repo.moten.items()
        if x.organ == m.organ and (x.date, k) > (m.date, mid) and not _cancelled(x)
    )
    if not later:
        return ""
    nxt = repo.moten[later[0][1]]
    return nxt.date.isoformat() + (f" kl. {format_time(nxt.time)}" if nxt.time else "")


def meeting_context(ctx: Ctx, mid: str, kind: str) -> dict[str, Any]:
    """The template context of the kallelse or protokoll for meeting ``mid``."""
    repo = ctx.repo
    m = repo.moten[mid]
    o = repo.organ.get(m.organ)
    organ_name = ctx.organ_name(m.organ)
    k = repo.kommun
    form = record_form(o)
    if kind == "protokoll" and m.status == "planerat":
        day = m.date.isoformat()
        raise UsageError(
            f"Mötet i {organ_name} {day} är planerat, inte hållet: {form} skulle visa "
            "de kallade som närvarande.",
            hint=f"När mötet har ägt rum: rätta närvarande och kör bfa set {mid} status "
            f"hållet. Före mötet: bfa render kallelse {m.organ} {day}.",
        )
    title = (
        f"Kallelse – {organ_name} {m.date.isoformat()}"
        if kind == "kallelse"
        else f"{form.capitalize()} – {organ_name} {m.date.isoformat()}"
    )
    place = _place(m, o)
    meta: list[tuple[str, str]] = [("Organ", organ_name), ("Datum", m.date.isoformat())]
    if m.time:
        meta.append(("Tid", format_time(m.time)))
    if place:
        meta.append(("Plats", place))
    if m.link and not ctx.public:
        meta.append(("Länk", m.link))
    if o and o.convener and kind == "kallelse":
        meta.append(("Sammankallande", ", ".join(ctx.funktion(c) for c in o.convener)))
    if o and o.chair:
        meta.append(("Ordförande", ctx.funktion(o.chair)))
    if m.secretary and kind == "protokoll":
        meta.append(("Sekreterare", ctx.funktion(m.secretary)))
    if m.record_number:
        meta.append(("Diarienummer", m.record_number))
    if _cancelled(m):
        meta.append(("Status", "Inställt"))

    members = list(o.members) if o else []
    for role in (o.chair if o else None, *(o.convener if o else [])):
        if role and role not in members:
            members.append(role)
    called = []
    for fid in members:
        f = repo.funktioner.get(fid)
        called.append(
            {
                "namn": _who(ctx, fid),
                "ersättare": ctx.funktion(f.deputy) if f and f.deputy else "",
            }
        )
    items = []
    for n, a in enumerate(m.items, start=1):
        items.append(
            {
                "nummer": a.paragraph or f"{n}.",
                "rubrik": a.heading,
                "typ": _TYPE_LABEL.get(a.type, a.type),
                "text": a.text or "",
                "beslut": a.decision or "",
                "föredragande": ctx.funktion(a.presenter) if a.presenter else "",
                "bilagor": a.attachments,
            }
        )
    adjust = (
        bool(m.adjusters or (o and o.documentation and o.documentation.adjustment))
        and kind == "protokoll"
    )
    adjusters = m.adjusters or (o.documentation.adjusters if o and o.documentation else [])
    signatures: list[dict[str, str]] = []
    if adjust:
        if m.secretary:
            signatures.append({"roll": "Sekreterare", "namn": ctx.funktion(m.secretary)})
        if o and o.chair:
            signatures.append({"roll": "Ordförande", "namn": ctx.funktion(o.chair)})
        signatures += [{"roll": "Justerare", "namn": ctx.funktion(f)} for f in adjusters]
        if not adjusters:
            signatures.append({"roll": "Justerare", "namn": ""})
    return {
        "kommun": k.name if k else "",
        "titel": title,
        "beslut": meta,
        "datum": m.date,
        "exempeldata": m.example_data,
        "public": ctx.public,
        "figurer": {},
        "organ": organ_name,
        "form": form,
        "möte": {
            "id": mid,
            "datum": m.date.isoformat(),
            "tid": format_time(m.time) if m.time else "",
            "plats": place,
            "länk": "" if ctx.public else (m.link or ""),
            "inställt": _cancelled(m),
        },
        "kallade": called,
        "adjungeras": _people(ctx, o.co_opted) if o else [],
        "ersättare_regel": o.substitutes if o and o.substitutes else "",
        "ärenden": items,
        "handlingar": [b for a in m.items for b in a.attachments],
        "öppna": _earlier_open_items(ctx, mid, m),
        "närvarande": _people(ctx, m.present),
        "frånvarande": _people(ctx, m.absent),
        "ersättningar": [
            {
                "för": ctx.funktion(e.for_),
                "av": ctx.funktion(e.by)
                if e.by in repo.funktioner
                else ("" if ctx.public else e.by),
            }
            for e in m.substitutes
        ],
        "mötesbeslut": m.decisions,
        # a point carried from an earlier meeting (från:) is not new at this one (N7)
        "nya": [_point(ctx, a) for a in m.action_items if not a.done and not a.origin],
        "kvarstående": [
            {**_point(ctx, a), "från": _meeting_date(repo, a.origin)}
            for a in m.action_items
            if not a.done and a.origin
        ],
        "klara": [{"vad": a.what, "vem": ctx.funktion(a.who)} for a in m.action_items if a.done],
        "nästa": _next_meeting(repo, mid, m),
        "justering": adjust,
        "underskrifter": signatures,
    }
