"""A new entity file: ``bfa new KIND NAME`` and ``bfa new mote ORGAN``."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from pydantic import BaseModel, ValidationError

from .._ids import ascii_id, slug
from ..errors import UsageError
from ..model import KINDS, kind_by_name
from ..model._base import Frekvens
from ._files import Created, checked_name, shown, write_new
from ._render import literal_values, render

#: The kind names `bfa new` accepts, in the order its help lists them.
NEW_KINDS = ("funktion", "aktor", "organ", "dokument", "lagesbild", "atgard", "indikator", "mote")

#: The template of each folder in templates/scaffold/ny/.
_TEMPLATES = {
    "aktorer": "ny/aktor.yaml.j2",
    "funktioner": "ny/funktion.yaml.j2",
    "organ": "ny/organ.yaml.j2",
    "dokument": "ny/dokument.yaml.j2",
    "lagesbilder": "ny/lagesbild.yaml.j2",
    "atgarder": "ny/atgard.yaml.j2",
    "indikatorer": "ny/indikator.yaml.j2",
}


@dataclass(frozen=True)
class _Ctx:
    """What templates may fill in from the repository they are added to."""

    coordinator: str | None
    municipality_actor: str | None
    preparing_body: str | None
    leading_body: str | None
    action_plan: str | None
    #: The latest lägesbild (an example id in comments, and what an åtgärdsplan builds on).
    lagesbild: str | None
    today: dt.date


def _context(root: Path, today: dt.date) -> _Ctx:
    from ..loader import load_repo

    repo = load_repo(root)
    k = repo.kommun
    actors = [a for a, m in repo.aktorer.items() if m.type == "kommun"]
    preparing = [o for o, m in repo.organ.items() if m.type == "beredningsgrupp"]
    plans = sorted(d for d, m in repo.dokument.items() if m.type == "åtgärdsplan")
    coordinator = k.coordination if k and k.coordination in repo.funktioner else None
    leading = k.leadership.organ if k and k.leadership else None
    pictures = sorted(repo.lagesbilder.items(), key=lambda kv: (kv[1].date, kv[0]))
    return _Ctx(
        coordinator=coordinator,
        municipality_actor=actors[0] if len(actors) == 1 else None,
        preparing_body=preparing[0] if len(preparing) == 1 else None,
        leading_body=leading if leading in repo.organ else None,
        action_plan=plans[-1] if plans else None,
        lagesbild=pictures[-1][0] if pictures else None,
        today=today,
    )


def _cadence(root: Path, typ: str) -> Frekvens | None:
    """How often the municipality has decided to make this kind of lägesbild, if it has."""
    from ..loader import load_repo

    k = load_repo(root).kommun
    plan = k.situation_plan if k else None
    routine = (plan.operative if typ == "operativ" else plan.strategic) if plan else None
    return routine.cadence if routine else None


def last_period(today: dt.date, cadence: Frekvens | None) -> tuple[dt.date, dt.date]:
    """The last whole period before ``today`` that a lägesbild made now would cover.

    One period of the decided cadence (4 per år: the last quarter; 1 per månad: last
    month), aligned to the calendar; without a decided cadence, last calendar year.
    """
    from .._periods import PERIOD_MONTHS, add_months

    months = 12
    if cadence is not None and cadence.per in PERIOD_MONTHS:
        months = max(1, PERIOD_MONTHS[cadence.per] // max(1, cadence.count))
    if months >= 12:
        years = months // 12
        start = dt.date(today.year - years, 1, 1)
        return start, dt.date(today.year - 1, 12, 31)
    current = dt.date(today.year, (today.month - 1) // months * months + 1, 1)
    start = add_months(current, -months)
    return start, current - dt.timedelta(days=1)


def _folder(kind: str) -> str:
    k = kind_by_name(kind)
    if k is None:
        raise UsageError(
            f"'{kind}' är inget slag som bfa new kan skapa.",
            hint="Välj något av: " + ", ".join(NEW_KINDS) + ".",
        )
    return k.folder


def allowed_types(kind: str) -> tuple[str, ...]:
    """The values ``bfa new KIND NAME --type`` accepts; empty when the kind has no type."""
    from ..model.indikator import Kalla

    folder = _folder(kind)
    cls: type[BaseModel] = Kalla if folder == "indikatorer" else KINDS[folder].model
    field = cls.model_fields.get("type")
    return literal_values(field.annotation) if field is not None else ()


def _check_typ(kind: str, typ: str) -> None:
    from .._messages import did_you_mean

    folder = _folder(kind)
    allowed = allowed_types(kind)
    singular = KINDS[folder].singular
    if not allowed:
        raise UsageError(
            f"En {singular} har inget slag; --type gäller inte bfa new {kind}.",
            hint="Ta bort --type. Inget har skrivits.",
        )
    if typ not in allowed:
        raise UsageError(
            f"'{typ}' är inget slag av {singular} som bfa känner till; inget har skrivits.",
            hint=did_you_mean(typ, list(allowed), "Tillåtna värden", limit=len(allowed)),
        )


def _check_template(folder: str, rel: str, text: str) -> None:
    """Refuse to write a file that validate would reject (a defect of bfa, never the user's)."""
    from .._yaml import parse

    parsed = parse(text, rel)
    try:
        KINDS[folder].model.model_validate(parsed.data)
    except ValidationError as exc:  # pragma: no cover - every template is tested
        raise UsageError(
            f"bfa:s mall för {rel} blev ogiltig ({exc.errors()[0]['msg']}); inget har skrivits.",
            hint="Det är ett fel i bfa. Rapportera det gärna.",
        ) from None
    if parsed.findings:  # pragma: no cover - every template is tested
        raise UsageError(
            f"bfa:s mall för {rel} gick inte att läsa: {parsed.findings[0].message}",
            hint="Det är ett fel i bfa. Rapportera det gärna.",
        )


def new(
    root: Path,
    kind: str,
    name: str,
    *,
    typ: str | None = None,
    eid: str | None = None,
    date: str | None = None,
    today: dt.date | None = None,
) -> Created:
    """``bfa new KIND NAME``: a meeting when KIND is mote (NAME is the body), else an entity."""
    k = kind_by_name(kind)
    if k is not None and k.folder == "moten":
        if typ is not None:
            raise UsageError("--type gäller inte bfa new mote; ett möte har inget slag.")
        if eid is not None:  # before, it was dropped without a word
            raise UsageError(
                "--id gäller inte bfa new mote; mötesfilen heter alltid efter datum och organ "
                "(ÅÅÅÅ-MM-DD-ORGAN.yaml), så att bfa kan läsa dem ur namnet.",
                hint="Ta bort --id och ange organet och --date.",
            )
        return new_meeting(root, name, meeting_date(date, today))
    if date is not None:
        raise UsageError("--date gäller bara bfa new mote.")
    return new_entity(root, kind, name, typ=typ, eid=eid, today=today)


def meeting_date(text: str | None, today: dt.date | None = None) -> dt.date:
    """The meeting day given as ``--date`` (ÅÅÅÅ-MM-DD), else ``today``."""
    from ..model._base import MAX_YEAR, MIN_YEAR, year_in_range

    if text is None:
        return today or dt.date.today()
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"'{text}' är inget giltigt datum.", hint="Skriv ÅÅÅÅ-MM-DD.") from None
    if not year_in_range(day.year):
        raise UsageError(
            f"--date {day.isoformat()} ligger utanför åren bfa räknar med ({MIN_YEAR}–{MAX_YEAR}).",
            hint="Ange ett datum inom det intervallet.",
        )
    return day


def new_entity(
    root: Path,
    kind: str,
    name: str,
    *,
    typ: str | None = None,
    eid: str | None = None,
    today: dt.date | None = None,
) -> Created:
    """Write ``<folder>/<id>.yaml`` from the kind's template; never overwrites."""
    from ..loader import find_root

    root = find_root(root)
    folder = _folder(kind)
    if folder == "moten":
        raise UsageError(
            "Möten skapas med bfa new mote ORGAN --date ÅÅÅÅ-MM-DD.",
            hint="ORGAN är organets id, t.ex. styrgrupp.",
        )
    name = checked_name(name)
    if typ is not None:
        _check_typ(kind, typ)
    ident = _checked_id(eid) if eid is not None else slug(name)
    today = today or dt.date.today()
    ctx = _context(root, today)
    if folder == "lagesbilder":
        text = render(
            _TEMPLATES[folder],
            typ=typ or "strategisk",
            typ_given=typ is not None,
            title=name,
            today=today,
            period=last_period(today, _cadence(root, typ or "strategisk")),
        )
    else:
        text = render(_TEMPLATES[folder], name=name.strip(), ctx=ctx, typ=typ)
    rel = f"{folder}/{ident}.yaml"
    _check_template(folder, rel, text)
    write_new(root, {rel: text})
    return Created(root, [rel])


def _checked_id(eid: str) -> str:
    """``--id`` as given, or refused: never silently rewritten (y<ESC>[31m is not y-31m)."""
    ident = eid.strip()
    if ident and ascii_id(ident) == ident:
        return slug(ident)  # Windows' reserved names are still refused
    example = ascii_id(eid) or "ny-grupp"
    raise UsageError(
        f"'{shown(eid)}' är inget giltigt id; inget har skrivits.",
        hint=f"Ett id är små bokstäver a–z, siffror och bindestreck, t.ex. --id {example}.",
    )


def new_meeting(root: Path, organ: str, date: dt.date) -> Created:
    """A meeting file for ``organ`` on ``date``: members as expected attendees, open items.

    The open åtgärdspunkter of the body's previous meeting are carried over, so
    nothing decided last time is forgotten.
    """
    from ..duties import action_items
    from ..loader import find_root, load_repo

    root = find_root(root)
    repo = load_repo(root)
    body = repo.organ.get(organ)
    if body is None:
        existing = sorted(repo.ids("organ"))
        from .._messages import did_you_mean

        raise UsageError(
            f"Organet '{shown(organ)}' finns inte.",
            hint=did_you_mean(organ, existing, "Organ", limit=len(existing)),
        )
    attendees = list(dict.fromkeys([*(body.members or [])]))
    vacant = {fid for fid, f in repo.funktioner.items() if f.vacant}
    for role in (body.chair, *body.convener):
        if role and role not in attendees and role in repo.funktioner:
            attendees.append(role)
    previous = {mid: m for mid, m in repo.moten.items() if m.organ == organ and m.date < date}
    open_items = []
    if previous:
        last_id = max(previous, key=lambda k: (previous[k].date, k))
        closed = {
            (a.origin, " ".join(a.item.what.lower().split())) for a in action_items(repo) if a.done
        }
        open_items = [
            (a.origin or last_id, a)
            for a in previous[last_id].action_items
            if not a.done and (a.origin or last_id, " ".join(a.what.lower().split())) not in closed
        ]
    text = render(
        "ny/mote.yaml.j2",
        body_name=body.name,
        organ=organ,
        date=date,
        attendees=[a for a in attendees if a not in vacant],
        vacant=[a for a in attendees if a in vacant],
        open_items=open_items,
    )
    rel = f"moten/{date.year}/{date.isoformat()}-{organ}.yaml"
    write_new(root, {rel: text})
    return Created(root, [rel])
