"""What templates see of governing documents: status, title block, register, sections."""

from __future__ import annotations

import datetime as dt
from typing import Any

from ..model import Dokument
from ..repo import Repo
from ._views import Ctx

#: Lifecycle status of a dokument (``status:``, #14a) as the title block shows it.
STATUS_LABELS = {
    "utkast": "Utkast – ännu inte antaget",
    "gällande": "Gällande",
    "inaktuellt": "Inaktuellt",
    "ska_upphävas": "Ska upphävas",
    "upphävt": "Upphävt",
    "ersatt": "Ersatt",
}


def document_status(d: Dokument) -> str:
    """The status key from the data (#14a): ``status`` if given, else derived — a draft
    only when nothing says it was adopted, never for a missing date alone."""
    return str(d.effective_status)


def expired(ctx: Ctx, d: Dokument) -> bool:
    """In force by its status, but its gäller_till has passed on the day judged (--today),
    as DOK-GILTIGHET says."""
    return (
        d.in_force and d.valid_to is not None and ctx.today is not None and (d.valid_to < ctx.today)
    )


def status_label(ctx: Ctx, d: Dokument) -> str:
    """The status as check judges it: a document whose gäller_till has passed is not
    "Gällande"; without a day to judge by (--today) the end date is said, not "Gällande"."""
    label = d.status_label
    if d.effective_status == "ersatt" and d.replaced_by:
        label += f" av {ctx.name('dokument', d.replaced_by)}"
    if d.valid_to is not None and d.in_force:
        until = d.valid_to.isoformat()
        if expired(ctx, d):
            return f"Utgånget – gällde till och med {until}"
        if d.effective_status == "gällande":
            return f"Gäller till och med {until}"
    return label


def next_review(d: Dokument) -> str:
    """When the document is next to be revised or reviewed, from its own data."""
    r = d.revision
    if r is None:
        return ""
    verb = "aktualitetsprövning" if r.kind == "aktualitetsprövning" else "revidering"
    if r.date:
        return f"{r.date.isoformat()} ({verb})"
    if r.years and d.date:
        precision = getattr(d.date, "_precision", "dag")
        if precision == "år":
            when = str(d.date.year + r.years)
        elif precision == "månad":
            when = f"{d.date.year + r.years}-{d.date.month:02d}"
        else:
            try:
                when = d.date.replace(year=d.date.year + r.years).isoformat()
            except ValueError:  # 29 February
                when = d.date.replace(year=d.date.year + r.years, day=28).isoformat()
        return f"{when} ({verb})"
    return f"{r.text} ({verb})" if r.text else ""


def register(ctx: Ctx) -> list[dict[str, str]]:
    """Every governing document of every type: status, adoption, § and next review."""
    order = [
        "riktlinje",
        "policy",
        "strategi",
        "program",
        "plan",
        "handlingsplan",
        "åtgärdsplan",
        "samverkansöverenskommelse",
        "medborgarlöfte",
        "regler",
    ]
    docs = sorted(
        ctx.repo.dokument.items(),
        key=lambda kv: (
            order.index(kv[1].type) if kv[1].type in order else 99,
            kv[1].title,
        ),
    )
    return [
        {
            "id": k,
            "titel": d.title,
            "typ": d.type,
            "status": status_label(ctx, d),
            "antagen_av": ctx.organ_name(d.adopted_by),
            "datum": d.date.isoformat() if d.date else "",
            "paragraf": (d.paragraph or "").replace("§ ", "§\u00a0"),  # never split
            "nästa": next_review(d),
            "gäller_till": d.valid_to.isoformat() if d.valid_to else "",
        }
        for k, d in docs
    ]


def revision_text(years: int | None, kind: str) -> str:
    """ "revideras …" / "aktualitetsprövas …" — the two are different duties."""
    verb = "aktualitetsprövas" if kind == "aktualitetsprövning" else "revideras"
    if not years:
        return verb
    every = {1: "varje år", 2: "vartannat år", 3: "vart tredje år", 4: "vart fjärde år"}
    return f"{verb} {every.get(years, f'vart {years}:e år')} efter antagandet"


def decision_rows(ctx: Ctx, d: Dokument | None, kind: str) -> list[tuple[str, str]]:
    """The title block: status, who adopted it, when, §, dnr, validity, revision, owner."""
    if d is None:
        return [("Status", f"Utkast – {kind} är inte antagen")]
    rows = [("Status", status_label(ctx, d))]
    if d.adopted_by:
        rows.append(("Antaget av", ctx.organ_name(d.adopted_by)))
    if d.date:
        rows.append(("Datum", d.date.isoformat()))
    elif d.adopted_by:
        rows.append(("Datum", "okänt"))
    if d.paragraph:
        rows.append(("Paragraf", d.paragraph))
    if d.record_number:
        rows.append(("Diarienummer", d.record_number))
    if d.valid_from:
        rows.append(("Gäller från och med", d.valid_from.isoformat()))
    if d.valid_to:
        rows.append(("Gäller till och med", d.valid_to.isoformat()))
    if d.revision:
        label = (
            "Tidpunkt för aktualitetsprövning"
            if d.revision.kind == "aktualitetsprövning"
            else "Revideras"
        )
        value = d.revision.text or (
            f"{d.revision.years} år efter antagandet" if d.revision.years else ""
        )
        if d.revision.date:
            value = (value + ", " if value else "") + f"senast {d.revision.date.isoformat()}"
        rows.append((label, value))
    if d.responsible_organ:
        rows.append(("Ansvarigt politiskt organ", ctx.organ_name(d.responsible_organ)))
    if d.responsible_unit:
        rows.append(("Ansvarig förvaltning", d.responsible_unit))
    if d.responsible:
        rows.append(("Ansvarig funktion", ctx.funktion(d.responsible)))
    if d.applies_to:
        rows.append(("Dokumentet gäller för", d.applies_to))
    if d.authors and not ctx.public:
        rows.append(
            (
                "Sammanställd av",
                " och ".join(d.authors) if len(d.authors) < 3 else ", ".join(d.authors),
            )
        )
    if d.replaces:
        rows.append(("Ersätter", d.replaces))
    if d.note:
        rows.append(("Anmärkning", d.note))
    return rows


def document_date(repo: Repo, d: Dokument | None) -> dt.date:
    """A date from the data, never the clock: adoption, else the newest date in the files."""
    if d is not None and (d.date or d.valid_from):
        return d.date or d.valid_from  # type: ignore[return-value]
    dates = [m.date for m in repo.moten.values()] + [lb.date for lb in repo.lagesbilder.values()]
    dates += [x.date for x in repo.dokument.values() if x.date]
    return max(dates) if dates else dt.date(2023, 7, 1)


def sections(d: Dokument | None) -> dict[str, dict[str, Any]]:
    if d is None:
        return {}
    return {
        s.heading: {"rubrik": s.heading, "text": s.text, "punkter": s.points, "efter": s.after}
        for s in d.sections
    }
