"""Time-dependent rules of `bfa check`: deadlines, cadences and overdue follow-up.

Every rule yields hits with a ``due`` date. Past due is an error (the catalog's
severity); due within the horizon is a warning; later is silent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import duties
from .._periods import PERIOD_MONTHS
from ..duties import DONE, Cadenced, Period
from ..findings import Severity
from ..model.dokument import WITHDRAWN
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule

LAW_IN_FORCE_PLAN = dt.date(2024, 7, 1)  # the first åtgärdsplan was due by this date
UNITS = {
    "vecka": "veckor",
    "månad": "månader",
    "kvartal": "kvartal",
    "termin": "terminer",
    "halvår": "halvår",
    "år": "år",
    "vartannat år": "tvåårsperioder",
}


def state(
    due: dt.date,
    ctx: Context,
    *,
    late: str = "är försenad sedan",
    soon: str = "ska ske senast",
) -> tuple[str, Severity | None] | None:
    """Swedish phrase for a deadline and its severity; None when not yet worth saying."""
    days = (due - ctx.today).days
    if days < 0:
        return f"{late} {due.isoformat()} ({_days(-days)})", None
    if days <= ctx.horizon_days:
        left = "i dag" if days == 0 else f"om {_days(days)}"
        return f"{soon} {due.isoformat()} ({left})", Severity.WARNING
    return None


def _days(n: int) -> str:
    return "1 dag" if n == 1 else f"{n} dagar"


@rule("DOK-REVISION")
def revision(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        r = d.revision
        due = duties.revision_due(repo, did)
        if r is None or due is None:
            continue
        said = state(due, ctx)
        if said is None:
            continue
        text, sev = said
        kind = "aktualitetsprövningen" if r.kind == "aktualitetsprövning" else "revisionen"
        verb = "prövas" if r.kind == "aktualitetsprövning" else "revideras"
        rule_text = f" ({r.text})" if r.text else ""
        todo = (
            "Pröva om dokumentet fortfarande är aktuellt och besluta om det ska gälla, "
            "revideras eller upphävas."
            if r.kind == "aktualitetsprövning"
            else "Anta en ny version och uppdatera 'datum'."
        )
        yield Hit(
            "dokument",
            did,
            ("revideras",),
            due=due,
            severity=sev,
            basis=f"dokument/{did}.yaml: revideras",
            args={
                "title": d.title,
                "kind": kind,
                "state": text,
                "hint": f"Dokumentet ska enligt beslut {verb}{rule_text}. {todo}",
            },
        )


@rule("DOK-GILTIGHET")
def validity(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        if d.valid_to is None or d.effective_status in WITHDRAWN:
            continue
        said = state(d.valid_to, ctx, late="gick ut", soon="går ut")
        if said is None:
            continue
        text, sev = said
        yield Hit(
            "dokument",
            did,
            ("gäller_till",),
            due=d.valid_to,
            severity=sev,
            basis=f"dokument/{did}.yaml: gäller_till",
            args={"title": d.title, "state": text},
        )


PLAN_TYPES = ("åtgärdsplan",)


@rule("LAG-ATGARDSPLAN")
def action_plan(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun is None:
        return
    plans = {k: d for k, d in repo.dokument.items() if d.type in PLAN_TYPES}
    # a plan in force counts even when its date is unknown; a withdrawn one never does
    decided = [
        d
        for d in plans.values()
        if d.in_force and (d.adopted_by or d.date) and (d.date is None or d.date <= ctx.today)
    ]
    if decided:
        return
    sev = None if ctx.today >= LAW_IN_FORCE_PLAN else Severity.WARNING
    if plans:
        pid = sorted(plans)[0]
        plan = plans[pid]
        missing = [k for k, v in (("antagen_av", plan.adopted_by), ("datum", plan.date)) if not v]
        if plan.effective_status == "utkast" and missing:
            args = {"title": plan.title, "missing": " och ".join(f"'{k}'" for k in missing)}
            case = "utkast"
            where: tuple[str, ...] = (missing[0],) if missing[0] == "datum" else ("antagen_av",)
        elif plan.in_force and plan.date is not None and plan.date > ctx.today:
            args = {
                "title": plan.title,
                "date": plan.date.isoformat(),
                "today": ctx.today.isoformat(),
            }
            case, where = "framtida", ("datum",)
        else:
            args = {"title": plan.title, "status": plan.status_label.lower()}
            case = "ej-gällande"
            where = ("status",) if plan.status else ("datum",)
        yield Hit(
            "dokument",
            pid,
            where,
            due=LAW_IN_FORCE_PLAN,
            severity=sev,
            args=args,
            variant=case,
        )
    else:
        yield Hit(KOMMUN, "bfa", (), due=LAW_IN_FORCE_PLAN, severity=sev)


def _current(c: Cadenced, ctx: Context) -> Period | None:
    """Today's period when it is not yet met and ends within the horizon."""
    p = c.current
    if p is None or p.met:
        return None
    months = PERIOD_MONTHS.get(c.cadence.per, 0)
    if (p.end - ctx.today).days <= min(ctx.horizon_days, 31 * months if months else 7):
        return p
    return None


@rule("LAGESBILD-FREKVENS")
def situation_pictures(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for kind in ("operativ", "strategisk"):
        c = duties.situation_pictures(repo, kind, ctx.today)
        if c is None:
            continue
        cadence = c.cadence.describe()
        common = {"kind": f"en {kind}", "cadence": cadence, "type": kind}
        where = (KOMMUN, "bfa", ("lägesbilder", kind))
        if c.start is None:
            yield Hit(*where, basis=c.basis, args=common, variant="saknas")
            continue
        for p in c.missed:
            yield Hit(
                *where,
                due=p.due,
                basis=c.basis,
                args={"done": p.done, "required": p.required, "period": p.label, **common},
            )
        cur = _current(c, ctx)
        if cur is not None:
            yield Hit(
                *where,
                due=cur.due,
                severity=Severity.WARNING,
                basis=c.basis,
                args={
                    "done": cur.done,
                    "required": cur.required,
                    "möten": "möte" if cur.required == 1 else "möten",
                    "period": cur.label,
                    "due_date": cur.due.isoformat(),
                    **common,
                },
                variant="pågår",
            )


def _item_duty(repo: Repo, ctx: Context, c: Cadenced) -> Iterator[Hit]:
    base = {"name": repo.name_of("organ", c.subject), "cadence": c.cadence.describe()}
    where = (KOMMUN, "bfa", (c.what,))
    if c.start is None:
        yield Hit(*where, severity=Severity.WARNING, basis=c.basis, args=base, variant="saknas")
        return
    for p in c.missed:
        args = {**base, "done": p.done, "required": p.required, "period": p.label}
        yield Hit(*where, due=p.due, basis=c.basis, args=args)
    cur = _current(c, ctx)
    if cur is not None:
        last = f" (den senaste var {c.last.isoformat()})" if c.last else ""
        yield Hit(
            *where,
            due=cur.due,
            severity=Severity.WARNING,
            basis=c.basis,
            args={**base, "last": last, "due_date": cur.due.isoformat(), "period": cur.label},
            variant="nästa",
        )


@rule("UPPFOLJNING-NAMND")
def follow_up(repo: Repo, ctx: Context) -> Iterator[Hit]:
    c = duties.follow_up(repo, ctx.today)
    if c is not None:
        yield from _item_duty(repo, ctx, c)


@rule("RAPPORTERING-KF")
def reporting(repo: Repo, ctx: Context) -> Iterator[Hit]:
    c = duties.reporting(repo, ctx.today)
    if c is not None:
        yield from _item_duty(repo, ctx, c)


@rule("MOTEN-FREKVENS")
def cadence(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in sorted(repo.organ.items()):
        c = duties.meetings(repo, oid, ctx.today)
        if c is None:
            continue
        if o.external and not c.dates:
            continue  # bodies run by others: checked only where the municipality keeps records
        planned = c.cadence.describe()
        if c.start is None:
            yield Hit(
                "organ",
                oid,
                ("möten",),
                severity=Severity.WARNING,
                basis=c.basis,
                args={"name": o.name, "cadence": planned, "organ": oid},
                variant="ej-registrerade",
            )
            continue
        yield from _missed(o.name, oid, c, planned)
        cur = _current(c, ctx)
        if cur is not None:
            yield Hit(
                "organ",
                oid,
                ("möten",),
                due=cur.due,
                severity=Severity.WARNING,
                basis=c.basis,
                args={
                    "name": o.name,
                    "done": cur.done,
                    "required": cur.required,
                    "möten": "möte" if cur.required == 1 else "möten",
                    "period": cur.label,
                    "due_date": cur.due.isoformat(),
                    "cadence": planned,
                },
                variant="pågår",
            )


def _missed(name: str, oid: str, c: Cadenced, planned: str) -> Iterator[Hit]:
    """One hit per missed period; consecutive periods without meetings form one run
    (within one calendar year, so each year's report and check agree)."""
    per = c.cadence.per
    missed = c.missed
    i = 0
    while i < len(missed):
        first = missed[i]
        j = i
        while (
            first.done == 0
            and j + 1 < len(missed)
            and missed[j + 1].done == 0
            and missed[j + 1].start == missed[j].end
            and (per == "vartannat år" or missed[j + 1].due.year == first.due.year or per == "år")
        ):
            j += 1
        if j > i:
            span = (
                f"åren {first.start.year}–{missed[j].start.year}"
                if per == "år"
                else f"{first.label} – {missed[j].label}"
            )
            args = {"span": span, "count": j - i + 1, "unit": UNITS[per]}
            case = "inga-i-följd"
        elif first.done == 0:
            args, case = {"period": first.label}, "inga"
        else:
            args = {
                "done": first.done,
                "required": first.required,
                "möten": "möte" if first.required == 1 else "möten",
                "period": first.label,
            }
            case = ""
        yield Hit(
            "organ",
            oid,
            ("möten",),
            due=missed[j].due,
            basis=c.basis,
            args={"name": name, "cadence": planned, **args},
            variant=case,
        )
        i = j + 1


@rule("MOTE-EJ-HALLET")
def planned_past(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for mid, m in duties.overdue_planned(repo, ctx.today):
        yield Hit(
            "moten",
            mid,
            ("status",) if m.status else (),
            due=m.date,
            args={
                "date": m.date.isoformat(),
                "organ": repo.name_of("organ", m.organ),
                "id": mid,
                "year": m.date.year,
            },
        )


@rule("ATGARDSPUNKT-FORSENAD")
def action_items(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for a in duties.action_items(repo):
        if a.done or a.item.by is None:
            continue
        said = state(a.item.by, ctx)
        if not said:
            continue
        text, sev = said
        origin = repo.moten.get(a.origin)
        carried = ""
        if a.last_carried:
            last = repo.moten[a.last_carried]
            carried = (
                f" (senast överförd till {repo.name_of('organ', last.organ)} "
                f"{last.date.isoformat()})"
            )
        yield Hit(
            "moten",
            a.at,
            ("åtgärdspunkter", a.index, "senast"),
            due=a.item.by,
            severity=sev,
            args={
                "what": a.item.what,
                "date": origin.date.isoformat() if origin else a.origin[:10],
                "organ": repo.name_of("organ", origin.organ) if origin else a.origin[11:],
                "state": text + carried,
            },
        )


@rule("ATGARD-FORSENAD")
def measures(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        if a.end is None or a.status in DONE:
            continue
        said = state(a.end, ctx, soon="ska vara klar senast")
        if said is None:
            continue
        text, sev = said
        yield Hit(
            "atgarder",
            aid,
            ("slut",),
            due=a.end,
            severity=sev,
            basis=f"atgarder/{aid}.yaml: slut",
            args={"atgard": a.title, "status": a.status, "state": text},
        )


@rule("INDIKATOR-INAKTUELL")
def indicators(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for iid, ind in repo.indikatorer.items():
        due = duties.indicator_due(repo, iid)
        if due is None:
            continue
        said = state(due, ctx, late="väntades senast", soon="väntas senast")
        if said is None:
            continue
        text, sev = said
        last = max(ind.values, key=lambda v: v.when)
        yield Hit(
            "indikatorer",
            iid,
            ("mätvärden",),
            due=due,
            severity=sev,
            basis=f"indikatorer/{iid}.yaml: frekvens",
            args={"name": ind.name, "last": last.label, "state": text},
        )
