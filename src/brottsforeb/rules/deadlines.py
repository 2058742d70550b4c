"""Time-dependent rules of `bfa check` on single dates: revisions, validity, the action
plan, planned meetings, action items, åtgärder and indicators (cadences: cadences.py).

Every rule yields hits with a ``due`` date. Past due is an error (the catalog's
severity); due within the horizon is a warning; later is silent.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

from .. import duties
from .._periods import due_state
from ..findings import Severity
from ..model.dokument import WITHDRAWN
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule

LAW_IN_FORCE_PLAN = dt.date(2024, 7, 1)  # the first åtgärdsplan was due by this date


def state(
    due: dt.date,
    ctx: Context,
    *,
    late: str = "är försenad sedan",
    soon: str = "ska ske senast",
) -> tuple[str, Severity | None] | None:
    """Swedish phrase for a deadline and its severity (None: the catalog's); None when
    not yet worth saying."""
    said = due_state(due, ctx.today, ctx.horizon_days, late=late, soon=soon)
    if said is None:
        return None
    text, overdue = said
    return text, None if overdue else Severity.WARNING


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
    if duties.decided_plans(repo, ctx.today):
        return
    sev = None if ctx.today >= LAW_IN_FORCE_PLAN else Severity.WARNING
    if plans:
        pid = max(plans, key=lambda k: (plans[k].date or dt.date.min, k))  # the newest
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
        elif plan.in_force and plan.valid_to is not None and plan.valid_to < ctx.today:
            args = {"title": plan.title, "date": plan.valid_to.isoformat()}
            case, where = "utgången", ("gäller_till",)
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
        end = duties.measure_due(repo, aid)
        if end is None:
            continue
        said = state(end, ctx, soon="ska vara klar senast")
        if said is None:
            continue
        text, sev = said
        yield Hit(
            "atgarder",
            aid,
            ("slut",),
            due=end,
            severity=sev,
            basis=f"atgarder/{aid}.yaml: slut",
            args={"atgard": a.title, "status": a.status, "state": text},
        )


@rule("INDIKATOR-INAKTUELL")
def indicators(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for iid, ind in repo.indikatorer.items():
        due = duties.indicator_due(repo, iid, ctx.today)
        if due is None:
            continue
        said = state(due, ctx, late="väntades senast", soon="väntas senast")
        if said is None:
            continue
        text, sev = said
        last = duties.known_values(ind, ctx.today)[-1]
        yield Hit(
            "indikatorer",
            iid,
            ("mätvärden",),
            due=due,
            severity=sev,
            basis=f"indikatorer/{iid}.yaml: frekvens",
            args={"name": ind.name, "last": last.label, "state": text},
        )
