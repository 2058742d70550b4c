"""Time-dependent rules of `bfa check` on cadences: lägesbilder, follow-up in the leading
nämnd, reporting to kommunfullmäktige and each body's meetings, counted per period by
``duties`` (the same periods `status`, `calendar` and the documents show)."""

from __future__ import annotations

from collections.abc import Iterator

from .. import duties
from .._periods import UNITS, ends_soon
from .._words import count, plural
from ..duties import Cadenced, Period
from ..findings import Severity
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule


def _current(c: Cadenced, ctx: Context) -> Period | None:
    """Today's period when it is not yet met and ends within the horizon."""
    p = c.current
    if p is None or p.met or not ends_soon(p.end, ctx.today, ctx.horizon_days, p.per):
        return None
    return p


def _counts(p: Period, one: str, many: str) -> dict[str, object]:
    """A period's done and required counts; ``needed`` is the required count with its
    noun in agreement ('1 möte', '2 möten'), ``participle`` agrees with it too."""
    return {
        "done": p.done,
        "required": p.required,
        "needed": count(p.required, one, many),
        "registered": plural(p.required, "finns registrerat", "finns registrerade"),
        "made": plural(p.required, "är framtagen", "är framtagna"),
    }


@rule("LAGESBILD-FREKVENS")
def situation_pictures(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for kind in ("operativ", "strategisk"):
        c = duties.situation_pictures(repo, kind, ctx.today)
        if c is None:
            continue
        cadence = c.cadence.describe()
        common = {"kind": f"en {kind}", "cadence": cadence, "type": kind}
        nouns = (f"{kind} lägesbild", f"{kind}a lägesbilder")
        where = (KOMMUN, "bfa", ("lägesbilder", kind))
        if c.start is None:
            yield Hit(*where, basis=c.basis, args=common, variant="saknas")
            continue
        for p in c.missed:
            yield Hit(
                *where,
                due=p.due,
                basis=c.basis,
                args={**_counts(p, *nouns), "period": p.label, **common},
            )
        cur = _current(c, ctx)
        if cur is not None:
            yield Hit(
                *where,
                due=cur.due,
                severity=Severity.WARNING,
                basis=c.basis,
                args={
                    **_counts(cur, *nouns),
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
        # nothing registered and no decision to count from: the duty of the law is not
        # shown to be done at all (the guide and `bfa init` say check is red until it is)
        yield Hit(*where, basis=c.basis, args=base, variant="saknas")
        return
    for p in c.missed:
        args = {**base, **_counts(p, "sammanträde", "sammanträden"), "period": p.label}
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
                    **_counts(cur, "möte", "möten"),
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
            args = {**_counts(first, "möte", "möten"), "period": first.label}
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
