"""Rules of the format itself: references resolve, ids are unique, names agree."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from .._messages import did_you_mean, key_path
from .._numbers import tal
from .._yaml import Path_
from ..model import KINDS
from ..model._walk import iter_refs
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule
from .catalog import BY_ID, RENAMED, Source


@rule("REF-SAKNAS")
def dangling(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for entry in repo.iter_entries():
        if entry.model is None:
            continue
        for path, kind, target in iter_refs(entry.model):
            if kind in ("problem", "orsak"):
                lb_id = target.split("/", 1)[0]
                if lb_id in repo.ids("lagesbilder"):
                    continue  # the part is checked by REF-DEL-SAKNAS
                kind, target = "lagesbilder", lb_id
            kinds = kind.split("|")  # funktioner|organ: either kind will do
            if any(target in repo.ids(k) for k in kinds):
                continue
            existing = sorted(set().union(*(repo.ids(k) for k in kinds)))
            guessed = did_you_mean(target, existing)
            hint = (
                guessed
                or did_you_mean(target, (), "Det finns", listed=existing)
                or f"Mappen {kinds[0]}/ har inga filer; skapa {kinds[0]}/{target}.yaml."
            )
            if not guessed and entry.kind == "moten" and kinds == ["organ"]:
                # the body's file was removed, and its meetings still name it
                hint = (
                    f"Ett organ som har upphört tas inte bort: mötena hänvisar till det. Låt "
                    f"organ/{target}.yaml ligga kvar med status: avvecklat (se guiden, "
                    f"Livscykel). {hint}"
                )
            yield Hit(
                entry.kind,
                entry.id,
                path,
                args={
                    "key": key_path(path),
                    "what": " eller ".join(KINDS[k].definite for k in kinds),
                    "target": target,
                    "hint": hint,
                },
            )


@rule("REF-DEL-SAKNAS")
def dangling_part(repo: Repo, ctx: Context) -> Iterator[Hit]:
    lbs = repo.lagesbilder
    for entry in repo.iter_entries():
        if entry.model is None:
            continue
        for path, kind, target in iter_refs(entry.model):
            if kind not in ("problem", "orsak"):
                continue
            lb_id, _, part = target.partition("/")
            lb = lbs.get(lb_id)
            if lb is None:
                continue
            parts = [p.id for p in lb.mapping] if kind == "problem" else [o.id for o in lb.causes]
            if part not in parts:
                yield Hit(
                    entry.kind,
                    entry.id,
                    path,
                    args={
                        "key": key_path(path),
                        "what": "problemet" if kind == "problem" else "orsaken",
                        "target": part,
                        "lagesbild": lb_id,
                        "choices": ", ".join(parts) or "(inga)",
                    },
                )
    # causes name problems of their own lägesbild by bare id
    for lb_id, lb in lbs.items():
        problem_ids = [p.id for p in lb.mapping]
        for i, cause in enumerate(lb.causes):
            for j, pid in enumerate(cause.problems):
                if pid not in problem_ids:
                    yield Hit(
                        "lagesbilder",
                        lb_id,
                        ("orsaker", i, "problem", j),
                        args={
                            "key": f"orsaker[{i + 1}].problem[{j + 1}]",
                            "what": "problemet",
                            "target": pid,
                            "lagesbild": lb_id,
                            "choices": ", ".join(problem_ids) or "(inga)",
                        },
                    )


@rule("ID-DUBBLETT")
def duplicate_ids(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for lb_id, lb in repo.lagesbilder.items():
        for key, ids in (
            ("kartläggning", [p.id for p in lb.mapping]),
            ("orsaker", [o.id for o in lb.causes]),
        ):
            seen: set[str] = set()
            for i, item_id in enumerate(ids):
                if item_id in seen:
                    yield Hit(
                        "lagesbilder", lb_id, (key, i, "id"), args={"id": item_id, "key": key}
                    )
                seen.add(item_id)


@rule("MOTE-FILNAMN-INNEHALL")
def meeting_names(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for mid, mote in repo.moten.items():
        date_part, organ_part = mid[:10], mid[11:]
        if mote.date.isoformat() != date_part:
            yield Hit(
                "moten",
                mid,
                ("datum",),
                args={"name_value": f"datumet {date_part}", "key": "datum", "value": mote.date},
            )
        if mote.organ != organ_part:
            yield Hit(
                "moten",
                mid,
                ("organ",),
                args={
                    "name_value": f"organet '{organ_part}'",
                    "key": "organ",
                    "value": f"'{mote.organ}'",
                },
            )


@rule("UNDANTAG-REGEL")
def exceptions(repo: Repo, ctx: Context) -> Iterator[Hit]:
    kommun = repo.kommun
    if kommun is None:
        return
    for i, exc in enumerate(kommun.exceptions):
        r = BY_ID.get(RENAMED.get(exc.rule, exc.rule))
        if r is None:
            yield Hit(
                KOMMUN,
                "bfa",
                ("undantag", i, "regel"),
                args={
                    "rule": exc.rule,
                    "why": "som inte finns i katalogen",
                    "hint": did_you_mean(exc.rule, list(BY_ID))
                    or "Reglernas id finns i docs/regler.md.",
                },
            )
        elif r.source is not Source.BRA:
            yield Hit(
                KOMMUN,
                "bfa",
                ("undantag", i, "regel"),
                args={
                    "rule": exc.rule,
                    "why": "men bara Brås rekommendationer kan undantas",
                    "hint": "Lagens krav och förrådets format gäller alltid.",
                },
            )


#: What an unconfirmed value means beyond itself.
_DRAFT = {
    ("lagesbilder", "datum"): " Till dess är lägesbilden ett utkast: den räknas inte som "
    "framtagen (LAGESBILD-FREKVENS). Datumet är dagen den blev klar.",
}

_PLACEHOLDER_HINT = (
    "Skriv in kommunens egen text i stället för mallens (bfa init och bfa new "
    "skriver sådana platshållare)."
)


def _shown(value: object) -> str:
    """A filled-in value as the user wrote it, short: 4, '{antal: 4, per: år}', 'a, b'."""
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {_shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    return str(getattr(value, "isoformat", lambda: value)())


def _aliases(model: object) -> set[str]:
    """The keys a file of this model may have (its fields' Swedish names)."""
    fields = getattr(type(model), "model_fields", {})
    return {f.alias or name for name, f in fields.items()}


def _at(data: object, dotted: str) -> tuple[Path_, object] | None:
    """The key path and value of ``dotted`` ('möten', 'möten.antal', 'ledamöter.0') in data."""
    path: list[str | int] = []
    for part in dotted.split("."):
        if isinstance(data, dict) and part in data:
            data = data[part]
            path.append(part)
        elif isinstance(data, list) and part.isdigit() and int(part) < len(data):
            data = data[int(part)]
            path.append(int(part))
        else:
            return None
    return tuple(path), data


@rule("MALL-EJ-IFYLLD")
def placeholders(repo: Repo, ctx: Context) -> Iterator[Hit]:
    from .._ids import PLACEHOLDER

    def walk(value: object, path: Path_) -> Iterator[tuple[Path_, str]]:
        if isinstance(value, str):
            if value.startswith(PLACEHOLDER):
                yield path, value
        elif isinstance(value, dict):
            for k, v in value.items():
                yield from walk(v, (*path, k))
        elif isinstance(value, list):
            for i, v in enumerate(value):
                yield from walk(v, (*path, i))

    for entry in repo.iter_entries():
        for path, text in walk(entry.parsed.data, ()):
            yield Hit(
                entry.kind,
                entry.id,
                path,
                args={
                    "message": f"'{key_path(path)}' är inte ifylld: {text}",
                    "hint": _PLACEHOLDER_HINT,
                },
            )
        # values bfa filled in (bfa init, bfa new) until the user confirms them
        ref = "bfa" if entry.file == "bfa.yaml" else entry.file.removesuffix(".yaml")
        for i, dotted in enumerate(getattr(entry.model, "unconfirmed", None) or []):
            found = _at(entry.parsed.data, dotted)
            strike = f"bfa set {ref} obekräftat --remove {dotted}"
            if found is None:
                if dotted.split(".")[0] in _aliases(entry.model):  # left as a placeholder
                    # bfa left it for the user, or the user removed it: true either way (N9)
                    message = f"'{dotted}' står under obekräftat men har inget värde."
                    hint = (
                        f"Fyll i det (bfa set {ref} {dotted} VÄRDE), eller stryk det ur listan "
                        f"om det inte ska finnas: {strike}"
                    )
                else:
                    message = f"'obekräftat' nämner '{dotted}', som inte finns i filen."
                    hint = f"Rätta stavningen, eller stryk nyckeln: {strike}"
                yield Hit(
                    entry.kind,
                    entry.id,
                    ("obekräftat", i),
                    args={"message": message, "hint": hint},
                )
                continue
            path, value = found
            yield Hit(
                entry.kind,
                entry.id,
                path,
                args={
                    "message": f"'{key_path(path)}' är ifyllt av bfa och inte bekräftat: "
                    + _shown(value).rstrip(".")
                    + ".",
                    "hint": f"Stämmer värdet: {strike}. Stämmer det inte: bfa set {ref} "
                    f"{dotted} VÄRDE (det stryker också nyckeln ur 'obekräftat')."
                    + _DRAFT.get((entry.kind, dotted), ""),
                },
            )


#: Reference chains that must not loop: (folder, key, attribute, Swedish verb).
CHAINS = (
    ("organ", "rapporterar_till", "reports_to", "rapportera till"),
    ("organ", "ingår_i", "part_of", "ingå i"),
    ("organ", "tillsätts_av", "appointed_by", "tillsättas av"),
    ("organ", "ersätts_av", "replaced_by", "ersättas av"),
    ("dokument", "ersatt_av", "replaced_by", "ersättas av"),
)


@rule("REF-CYKEL")
def cycles(repo: Repo, ctx: Context) -> Iterator[Hit]:
    """One finding per cycle (at its first member by id), naming every member."""
    for kind, key, attr, verb in CHAINS:
        models: dict[str, Any] = dict(repo.organ if kind == "organ" else repo.dokument)
        reported: set[str] = set()
        for start in sorted(models):
            chain = [start]
            while True:
                nxt = getattr(models[chain[-1]], attr, None)
                if not isinstance(nxt, str) or nxt not in models:
                    break
                if nxt in chain:
                    loop = chain[chain.index(nxt) :]
                    first = min(loop)
                    if first not in reported:
                        reported.add(first)
                        i = loop.index(first)
                        order = loop[i:] + loop[:i] + [first]
                        yield Hit(
                            kind,
                            first,
                            (key,),
                            args={
                                "key": key,
                                "cycle": " → ".join(repo.name_of(kind, x) for x in order),
                                "relation": verb,
                                "what": "Ett organ" if kind == "organ" else "Ett dokument",
                            },
                        )
                    break
                chain.append(nxt)


@rule("INDIKATOR-DUBBLETT")
def duplicate_values(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for iid, ind in repo.indikatorer.items():
        seen: set[str] = set()
        for i, v in enumerate(ind.values):
            if v.label in seen:
                yield Hit(
                    "indikatorer",
                    iid,
                    ("mätvärden", i),
                    args={"name": ind.name, "period": v.label},
                )
            seen.add(v.label)


@rule("INDIKATOR-ANDEL")
def share_out_of_range(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for iid, ind in repo.indikatorer.items():
        if not ind.share:
            continue
        points: list[tuple[tuple[str | int, ...], str, float]] = [
            (("mätvärden", i, "värde"), f"värdet för {v.label}", v.value)
            for i, v in enumerate(ind.values)
        ]
        if ind.target is not None:
            points.append((("mål",), "målet", ind.target))
        for where, what, value in points:
            if not 0 <= value <= 100:
                yield Hit(
                    "indikatorer",
                    iid,
                    where,
                    args={"name": ind.name, "what": what, "value": tal(value)},
                )


@rule("MOTE-HALLET-TOMT")
def empty_held_meeting(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for mid, m in repo.moten.items():
        if m.status == "hållet" and not m.recorded:
            yield Hit("moten", mid, ("status",), args={"date": m.date.isoformat()})
