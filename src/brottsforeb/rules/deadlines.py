"""Time-dependent rules of `bfa check`: deadlines, cadences and overdue follow-up.

Every rule yields hits with a ``due`` date. Past due is an error (the catalog's
severity); due within the horizon is a warning; later is silent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .._periods import add_months, add_years, label, periods
from ..findings import Severity
from ..model import Frekvens, Organ
from ..model._base import PERIOD_MONTHS
from ..model.dokument import WITHDRAWN
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule

LAW_IN_FORCE_PLAN = dt.date(2024, 7, 1)  # the first åtgärdsplan was due by this date
DONE = ("genomförd", "avbruten")
DAY = dt.timedelta(days=1)
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


def next_due(last: dt.date, cadence: Frekvens) -> dt.date:
    """The latest date the next occurrence may happen, given the last one."""
    if cadence.per == "vecka":
        return last + dt.timedelta(days=7 // cadence.count or 1)
    months = PERIOD_MONTHS[cadence.per]
    return add_months(last, max(1, months // cadence.count))


@rule("DOK-REVISION")
def revision(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        r = d.revision
        if r is None or d.effective_status in (*WITHDRAWN, "ska_upphävas"):
            continue  # a withdrawn document is not revised
        base = d.date or d.valid_from
        due = r.date or (add_years(base, r.years) if base and r.years else None)
        if due is None:
            continue
        said = state(due, ctx)
        if said is None:
            continue
        text, sev = said
        kind = "aktualitetsprövningen" if r.kind == "aktualitetsprövning" else "revisionen"
        verb = "prövas" if r.kind == "aktualitetsprövning" else "revideras"
        rule_text = f" ({r.text})" if r.text else ""
        yield Hit(
            "dokument",
            did,
            ("revideras",),
            due=due,
            severity=sev,
            args={
                "title": d.title,
                "kind": kind,
                "state": text,
                "hint": f"Dokumentet ska enligt beslut {verb}{rule_text}. "
                "Anta en ny version och uppdatera 'datum'.",
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
            args={"title": d.title, "state": text},
        )


@rule("LAG-ATGARDSPLAN")
def action_plan(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun is None:
        return
    plans = {k: d for k, d in repo.dokument.items() if d.type == "åtgärdsplan"}
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
        if plan.effective_status == "utkast":
            message = (
                f"Åtgärdsplanen '{plan.title}' är inte beslutad (antagen_av och datum saknas)."
            )
            where: tuple[str, ...] = ("antagen_av",)
        elif plan.in_force and plan.date is not None:
            message = f"Åtgärdsplanen '{plan.title}' beslutas först {plan.date.isoformat()}."
            where = ("datum",)
        else:
            message = (
                f"Åtgärdsplanen '{plan.title}' är {plan.status_label.lower()}, "
                "och ingen gällande åtgärdsplan finns."
            )
            where = ("status",) if plan.status else ("datum",)
        yield Hit(
            "dokument",
            pid,
            where,
            due=LAW_IN_FORCE_PLAN,
            severity=sev,
            args={"message": message},
        )
    else:
        yield Hit(
            KOMMUN,
            "bfa",
            (),
            due=LAW_IN_FORCE_PLAN,
            severity=sev,
            args={
                "message": "Kommunen har ingen beslutad åtgärdsplan; den första skulle "
                "enligt lagen vara beslutad senast 2024-07-01."
            },
        )


@rule("LAGESBILD-FREKVENS")
def situation_pictures(repo: Repo, ctx: Context) -> Iterator[Hit]:
    plan = repo.kommun.situation_plan if repo.kommun else None
    if plan is None:
        return
    for kind, routine in (("operativ", plan.operative), ("strategisk", plan.strategic)):
        if routine is None:
            continue
        mine = [lb for lb in repo.lagesbilder.values() if lb.type == kind]
        cadence = routine.cadence.describe()
        key = "operativ" if kind == "operativ" else "strategisk"
        if not mine:
            yield Hit(
                KOMMUN,
                "bfa",
                ("lägesbilder", key),
                args={
                    "message": f"Det finns ingen {kind} lägesbild.",
                    "kind": f"en {kind}",
                    "cadence": cadence,
                },
            )
            continue
        last = max(lb.date for lb in mine)
        due = next_due(last, routine.cadence)
        said = state(due, ctx)
        if said:
            text, sev = said
            yield Hit(
                KOMMUN,
                "bfa",
                ("lägesbilder", key),
                due=due,
                severity=sev,
                args={
                    "message": f"En ny {kind} lägesbild (den senaste är från "
                    f"{last.isoformat()}) {text}.",
                    "kind": f"en {kind}",
                    "cadence": cadence,
                },
            )


def _recorded(repo: Repo, organ_id: str, item_type: str, today: dt.date) -> list[dt.date]:
    return [
        m.date
        for m in repo.meetings_of(organ_id)
        if m.date <= today and any(i.type == item_type for i in m.items)
    ]


def _duty(
    repo: Repo,
    ctx: Context,
    organ_id: str,
    cadence: Frekvens,
    item_type: str,
    path: tuple[str, ...],
    noun: str,
) -> Iterator[Hit]:
    name = repo.name_of("organ", organ_id)
    dates = _recorded(repo, organ_id, item_type, ctx.today)
    kommun = repo.kommun
    since = (
        kommun.leadership.decision.date
        if kommun and kommun.leadership and kommun.leadership.decision
        else None
    )
    if not dates:
        due = next_due(since, cadence) if since else None
        if due is not None and due > ctx.today + dt.timedelta(days=ctx.horizon_days):
            return
        yield Hit(
            KOMMUN,
            "bfa",
            path,
            due=due,
            severity=Severity.WARNING if due and due >= ctx.today else None,
            args={
                "message": f"Ingen {noun} i {name} finns registrerad i moten/ "
                f"(beslutat: {cadence.describe()})."
            },
        )
        return
    last = max(dates)
    due = next_due(last, cadence)
    said = state(due, ctx)
    if said:
        text, sev = said
        yield Hit(
            KOMMUN,
            "bfa",
            path,
            due=due,
            severity=sev,
            args={"message": f"Nästa {noun} i {name} (den senaste var {last.isoformat()}) {text}."},
        )


@rule("UPPFOLJNING-NAMND")
def follow_up(repo: Repo, ctx: Context) -> Iterator[Hit]:
    f = repo.kommun.follow_up if repo.kommun else None
    if f is not None:
        yield from _duty(
            repo, ctx, f.organ, f.cadence, "uppföljning", ("uppföljning",), "uppföljning av arbetet"
        )


@rule("RAPPORTERING-KF")
def reporting(repo: Repo, ctx: Context) -> Iterator[Hit]:
    r = repo.kommun.reporting if repo.kommun else None
    if r is not None:
        yield from _duty(
            repo, ctx, r.to, r.cadence, "rapportering", ("rapportering",), "rapportering om arbetet"
        )


def _start(repo: Repo, oid: str, o: Organ) -> dt.date | None:
    if o.established:
        return o.established
    if o.trial and o.trial.start:
        return o.trial.start
    if o.temporary and o.temporary.start:
        return o.temporary.start
    held = repo.meetings_of(oid)
    return held[0].date if held else None


@rule("MOTEN-FREKVENS")
def cadence(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for oid, o in repo.organ.items():
        c = o.meetings
        if c is None or not o.is_active:
            continue  # a proposed or wound-down body is not expected to meet
        held = [m.date for m in repo.meetings_of(oid) if m.date <= ctx.today]
        if o.external and not held:
            continue  # bodies run by others: checked only where the municipality keeps records
        start = _start(repo, oid, o)
        planned = c.describe()
        if start is None:
            yield Hit(
                "organ",
                oid,
                ("möten",),
                severity=Severity.WARNING,
                args={
                    "message": f"{o.name}: inga möten finns registrerade i moten/ "
                    f"(beslutat: {planned}).",
                    "hint": f"Lägg in hållna möten (bfa new mote {oid} --date ÅÅÅÅ-MM-DD), "
                    f"eller ange sedan när organet finns (bfa set organ/{oid} inrättad "
                    "ÅÅÅÅ-MM-DD).",
                },
            )
            continue
        until = ctx.today
        for end in (
            o.temporary.end if o.temporary else None,
            o.trial.end if o.trial else None,
            o.wind_down_by,
        ):
            if end is not None:
                until = min(until, end)
        missed: list[tuple[dt.date, dt.date, int]] = []
        for ps, pe in periods(start, until, c.per):
            if ps < start:
                continue  # the body did not exist for the whole period
            count = sum(1 for d in held if ps <= d < pe)
            if count >= c.count:
                continue
            if pe > ctx.today:  # the current period: warn only when it ends soon
                if (pe - ctx.today).days <= min(ctx.horizon_days, 31 * PERIOD_MONTHS.get(c.per, 0)):
                    yield Hit(
                        "organ",
                        oid,
                        ("möten",),
                        due=pe - DAY,
                        severity=Severity.WARNING,
                        args={
                            "message": f"{o.name} har hållit {count} av {c.count} "
                            f"möten {label(ps, c.per)}, som slutar {(pe - DAY).isoformat()}.",
                            "hint": f"Beslutat: {planned}.",
                        },
                    )
                continue
            missed.append((ps, pe, count))
        yield from _missed(oid, o, missed, planned)


def _missed(
    oid: str, o: Organ, missed: list[tuple[dt.date, dt.date, int]], planned: str
) -> Iterator[Hit]:
    """One hit per missed period; consecutive periods without meetings form one run."""
    assert o.meetings is not None
    per, need = o.meetings.per, o.meetings.count
    hint = f"Beslutat: {planned}. Saknas protokoll i moten/, eller har mötena uteblivit?"
    i = 0
    while i < len(missed):
        ps, _pe, count = missed[i]
        j = i
        while (
            count == 0
            and j + 1 < len(missed)
            and missed[j + 1][2] == 0
            and missed[j + 1][0] == missed[j][1]
        ):
            j += 1
        if j > i:
            span = (
                f"åren {ps.year}–{missed[j][0].year}"
                if per == "år"
                else f"{label(ps, per)} – {label(missed[j][0], per)}"
            )
            text = f"{o.name} höll inga möten {span} ({j - i + 1} {UNITS[per]} i följd)."
        elif count == 0:
            text = f"{o.name} höll inga möten {label(ps, per)}."
        else:
            text = f"{o.name} höll {count} av {need} möten {label(ps, per)}."
        yield Hit(
            "organ", oid, ("möten",), due=missed[j][1] - DAY, args={"message": text, "hint": hint}
        )
        i = j + 1


@rule("ATGARDSPUNKT-FORSENAD")
def action_items(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for mid, m in repo.moten.items():
        for i, item in enumerate(m.action_items):
            if item.done or item.by is None:
                continue
            said = state(item.by, ctx)
            if said:
                text, sev = said
                yield Hit(
                    "moten",
                    mid,
                    ("åtgärdspunkter", i, "senast"),
                    due=item.by,
                    severity=sev,
                    args={
                        "what": item.what,
                        "date": m.date.isoformat(),
                        "organ": repo.name_of("organ", m.organ),
                        "state": text,
                    },
                )


@rule("ATGARD-FORSENAD")
def measures(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for aid, a in repo.atgarder.items():
        if a.end is None or a.status in DONE or a.end >= ctx.today:
            continue
        yield Hit(
            "atgarder",
            aid,
            ("status",),
            due=a.end,
            args={"atgard": a.title, "due": a.end.isoformat(), "status": a.status},
        )


@rule("INDIKATOR-INAKTUELL")
def indicators(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for iid, ind in repo.indikatorer.items():
        if not ind.values:
            continue
        last = max(ind.values, key=lambda v: v.when)
        due = next_due(last.when, ind.cadence)
        if due < ctx.today:
            yield Hit(
                "indikatorer",
                iid,
                ("mätvärden",),
                due=due,
                args={"name": ind.name, "last": last.label, "due": due.isoformat()},
            )
