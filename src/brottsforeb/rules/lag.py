"""Duties of Lag (2023:196) om kommuners ansvar för brottsförebyggande arbete."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..findings import Severity
from ..model import Lagesbild
from ..repo import KOMMUN, Repo
from ._engine import Context, Hit, rule


@rule("LAG-LEDNING")
def leadership(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and repo.kommun.leadership is None:
        yield Hit(KOMMUN, "bfa")


@rule("LAG-RAPPORTERING")
def reporting(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and repo.kommun.reporting is None:
        yield Hit(KOMMUN, "bfa")


@rule("LAG-RAPPORTERING-FULLMAKTIGE")
def reporting_goes_to_council(repo: Repo, ctx: Context) -> Iterator[Hit]:
    r = repo.kommun.reporting if repo.kommun else None
    body = repo.organ.get(r.to) if r else None
    if r is not None and body is not None and body.type != "fullmäktige":
        yield Hit(
            KOMMUN, "bfa", ("rapportering", "till"), args={"organ": body.name, "typ": body.type}
        )


#: Actor types whose staff can hold the municipality's own functions.
MUNICIPAL = ("kommun", "förvaltning", "kommunalt bolag")


def municipal(repo: Repo, fid: str) -> bool:
    """Whether function ``fid`` belongs to the municipality (an actor of a municipal type,
    or no actor given)."""
    f = repo.funktioner.get(fid)
    if f is None:
        return False
    actor = repo.aktorer.get(f.actor or "")
    return f.actor is None or actor is None or actor.type in MUNICIPAL


@rule("LAG-SAMORDNING-VAKANT")
def coordination_is_held(repo: Repo, ctx: Context) -> Iterator[Hit]:
    fid = repo.kommun.coordination if repo.kommun else None
    f = repo.funktioner.get(fid or "")
    if fid is None or f is None or not f.vacant:
        return
    deputy = repo.funktioner.get(f.deputy or "")
    if deputy is not None and not deputy.vacant and municipal(repo, f.deputy or ""):
        return  # BRA-VAKANT says who covers
    if deputy is None:
        cover = "ingen ersättare har uppgiften tills vidare."
    elif deputy.vacant:
        cover = f"ersättaren ({deputy.title}) är också vakant."
    else:
        who = repo.name_of("aktorer", deputy.actor or "")
        cover = (
            f"ersättaren ({deputy.title}, {who}) hör inte till kommunen; lagen lägger "
            "samordningen på kommunen."
        )
    yield Hit("funktioner", fid, ("vakant",), args={"funktion": f.title, "cover": cover})


@rule("LAG-SAMORDNING")
def coordination(repo: Repo, ctx: Context) -> Iterator[Hit]:
    if repo.kommun and repo.kommun.coordination is None:
        yield Hit(KOMMUN, "bfa")


@rule("LAG-LAGESBILD")
def has_situation_picture(repo: Repo, ctx: Context) -> Iterator[Hit]:
    from ..duties import made_pictures

    if not repo.kommun or made_pictures(repo):
        return
    drafts = sorted(repo.lagesbilder)
    if drafts:
        # only drafts (`bfa init`'s, or `bfa new lagesbild`'s, date never confirmed): the
        # duty is not met, but the file is the start the user was given, so a warning
        # (status, overview and the cadence do not count a draft either)
        yield Hit(
            "lagesbilder",
            drafts[0],
            ("datum",),
            args={"id": drafts[0]},
            severity=Severity.WARNING,
            variant="utkast",
        )
    elif not repo.ids("lagesbilder"):
        yield Hit(KOMMUN, "bfa")


def governing_pictures(repo: Repo) -> dict[str, Lagesbild]:
    """The lägesbilder 4 § applies to in full: the strategic ones, else the newest."""
    lbs = repo.lagesbilder
    strategic = {k: v for k, v in lbs.items() if v.type == "strategisk"}
    if strategic or not lbs:
        return strategic
    newest = max(lbs, key=lambda k: lbs[k].date)
    return {newest: lbs[newest]}


@rule("LAG-KARTLAGGNING")
def mapping(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for lb_id, lb in governing_pictures(repo).items():
        if not lb.mapping:
            yield Hit("lagesbilder", lb_id, ("kartläggning",))


@rule("LAG-OMFATTNING")
def extent(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for lb_id, lb in governing_pictures(repo).items():
        for i, p in enumerate(lb.mapping):
            missing = [
                w for w, v in (("omfattning", p.extent), ("konsekvenser", p.consequences)) if not v
            ]
            if missing:
                yield Hit(
                    "lagesbilder",
                    lb_id,
                    ("kartläggning", i),
                    args={"problem": p.id, "missing": " och ".join(missing)},
                )


@rule("LAG-ANNAN-INFORMATION")
def other_information(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for lb_id, lb in governing_pictures(repo).items():
        if not lb.other_information:
            yield Hit("lagesbilder", lb_id, ("annan_information",))


@rule("LAG-ANALYS")
def analysis(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for lb_id, lb in governing_pictures(repo).items():
        missing = [w for w, v in (("analys", lb.analysis), ("möjliga orsaker", lb.causes)) if not v]
        if missing:
            yield Hit("lagesbilder", lb_id, ("analys",), args={"missing": " och ".join(missing)})


def whole_municipality(area: str, name: str) -> bool:
    """Whether ``area`` says the whole municipality: 'Hela Norsjö kommuns geografiska
    område', 'kommunen', 'Norsjö kommun' – not 'Bjurholm centralort'."""
    text = " ".join(area.casefold().split())
    if re.search(r"\b(hela|kommunen|kommunens)\b", text):
        return True
    town = " ".join(name.casefold().split()).removesuffix(" kommun").strip()
    named = re.search(rf"\b{re.escape(town)}s? kommun\b", text) is not None
    return bool(town) and (text in (town, f"{town}s") or named)


@rule("LAGESBILD-OMRADE")
def whole_area(repo: Repo, ctx: Context) -> Iterator[Hit]:
    """The area of 4 §, as far as free text tells (a warning with bfa as its source)."""
    name = repo.kommun.name if repo.kommun else ""
    for lb_id, lb in governing_pictures(repo).items():
        if lb.area and not whole_municipality(lb.area, name):
            yield Hit("lagesbilder", lb_id, ("område",), args={"area": lb.area, "name": name})


@rule("LAG-LEDNING-NAMND")
def leadership_is_political(repo: Repo, ctx: Context) -> Iterator[Hit]:
    lead = repo.kommun.leadership if repo.kommun else None
    body = repo.organ.get(lead.organ) if lead else None
    if lead is not None and body is not None and body.type != "nämnd":
        yield Hit(KOMMUN, "bfa", ("ledning", "organ"), args={"organ": body.name, "typ": body.type})


@rule("LAG-ATGARDSPLAN-LAGESBILD")
def plan_rests_on_picture(repo: Repo, ctx: Context) -> Iterator[Hit]:
    for did, d in repo.dokument.items():
        if d.type == "åtgärdsplan" and d.in_force and d.adopted_by and not d.based_on:
            yield Hit("dokument", did, ("antagen_av",), key=True, args={"title": d.title})
