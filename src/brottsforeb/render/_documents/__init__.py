"""The governing documents bfa writes, declared in one place.

A document is one template (``templates/NAME.md.j2``) plus one builder (a module here
with ``build(ctx, dokument, id, year) -> context``) plus one row in ``DOCUMENTS``: its
name, title, description, the aliases it answers to, and where it comes from
(``source``, see ``sources``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Literal

from ...errors import RenderError
from ...model import Dokument
from ...repo import Repo
from .._views import Ctx
from . import agreement, atgardsplan, lagesbild, motesplan, organisation, riktlinje, uppfoljning
from .examples import example_sources, example_text

__all__ = [
    "ALIASES",
    "DOCUMENTS",
    "DocumentKind",
    "document_kind",
    "example_sources",
    "example_text",
    "sources",
]

Builder = Callable[[Ctx, Dokument | None, str | None, int | None], dict[str, Any]]

#: Where a document comes from:
#: "newest"    the newest dokument of ``doc_type``; without one, a draft from the data;
#: "each"      one file per dokument of ``doc_type`` (stem NAME-ID when several); none without;
#: "structure" a riktlinje titled as a structure, else the newest riktlinje, else a draft;
#: "data"      the repository's data alone (lägesbild, uppföljning, mötesplan).
Policy = Literal["newest", "each", "structure", "data"]

#: bfa.yaml's keys every document shows: the municipality's name, and what kind it is.
_NAME = frozenset({"namn", "namn_genitiv", "slag"})


def _always(_repo: Repo) -> bool:
    return True


@dataclass(frozen=True)
class DocumentKind:
    name: str
    title: str
    description: str
    build: Builder
    source: Policy
    doc_type: str | None = None  # dokument.typ it is rendered from, if any
    aliases: tuple[str, ...] = ()
    #: Whether `bfa render --all` writes it for this repository (besides having a source).
    in_all: Callable[[Repo], bool] = _always
    #: The keys of bfa.yaml the document shows (None: all); only these are listed in its
    #: example box when bfa.yaml marks them (test_documents_structure checks the sets).
    bfa_keys: frozenset[str] | None = None
    #: The options of `bfa render` it reads besides the format ("year", "today", "id"; a
    #: kind with ``doc_type`` reads ``--id`` too): any other is refused, never dropped.
    #: ``--today`` judges the status of documents (an agreement past its gäller_till).
    options: frozenset[str] = frozenset({"today"})


_YEARLY = frozenset({"year", "today"})

DOCUMENTS: dict[str, DocumentKind] = {
    d.name: d
    for d in (
        DocumentKind(
            "riktlinje",
            "Riktlinje",
            "Riktlinjen för det brottsförebyggande arbetet: "
            "organisation, mötesstruktur, arbetssätt och uppföljning.",
            riktlinje.build,
            "newest",
            "riktlinje",
        ),
        DocumentKind(
            "organisation",
            "Organisation",
            "Strukturbeskrivning: nivåernas uppgifter och "
            "deltagare, möten, samordnare och kommunpolis, avtal med externa parter.",
            organisation.build,
            "structure",
        ),
        DocumentKind(
            "atgardsplan",
            "Åtgärdsplan",
            "Åtgärderna med problem och orsaker de riktar "
            "sig mot, ansvar, parter, tidsram, indikatorer och status.",
            atgardsplan.build,
            "newest",
            "åtgärdsplan",
            ("åtgärdsplan",),
            bfa_keys=_NAME,
        ),
        DocumentKind(
            "lagesbild",
            "Lägesbild",
            "Lägesbilden: kartläggning, annan information, analys och möjliga orsaker, källor.",
            lagesbild.build,
            "data",
            aliases=("lägesbild",),
            in_all=lambda repo: bool(repo.lagesbilder),
            bfa_keys=_NAME | {"lägesbilder"},
            options=frozenset({"id"}),
        ),
        DocumentKind(
            "uppfoljning",
            "Uppföljning",
            "Årlig uppföljning till kommunstyrelsen och "
            "kommunfullmäktige: indikatorer, åtgärder och möten.",
            uppfoljning.build,
            "data",
            aliases=("uppföljning",),
            bfa_keys=_NAME | {"uppföljning", "rapportering", "lägesbilder"},
            options=_YEARLY,
        ),
        DocumentKind(
            "samverkansoverenskommelse",
            "Samverkansöverenskommelse",
            "Skriftlig överenskommelse om samverkan med andra aktörer.",
            agreement.build,
            "each",
            "samverkansöverenskommelse",
            ("samverkansöverenskommelse",),
            bfa_keys=_NAME,
        ),
        DocumentKind(
            "medborgarloften",
            "Medborgarlöften",
            "Medborgarlöften från polisen och kommunen.",
            agreement.build,
            "each",
            "medborgarlöfte",
            ("medborgarlöften", "medborgarlöfte"),
            bfa_keys=_NAME,
        ),
        DocumentKind(
            "motesplan",
            "Mötesplan",
            "Årets möten för varje organ som en kalendertabell.",
            motesplan.build,
            "data",
            aliases=("mötesplan",),
            bfa_keys=_NAME,
            options=_YEARLY,
        ),
    )
}

ALIASES = {alias: d.name for d in DOCUMENTS.values() for alias in d.aliases}


def document_kind(name: str) -> DocumentKind:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in DOCUMENTS:
        from ..._messages import did_you_mean

        raise RenderError(
            f"Det finns inget dokument som heter '{name}'.",
            hint=did_you_mean(key, list(DOCUMENTS), "Dokument", limit=len(DOCUMENTS))
            + " Se bfa render --list.",
        )
    return DOCUMENTS[key]


def _by_date(docs: list[tuple[str, Dokument]]) -> list[tuple[str, Dokument]]:
    return sorted(docs, key=lambda kv: (kv[1].date is None, kv[1].date, kv[0]))


def sources(repo: Repo, kind: DocumentKind) -> list[tuple[str, Dokument | None]]:
    """(file stem, dokument) for each rendering of ``kind``, by its ``source`` policy."""
    if kind.source == "data":
        return [(kind.name, None)]
    if kind.source == "structure":
        structure = [
            d
            for d in repo.dokument.values()
            if d.type == "riktlinje" and "struktur" in d.title.lower()
        ]
        if structure:
            return [(kind.name, structure[0])]
        # No separate structure document: the structure is the one the riktlinje adopted.
        riktlinjer = sorted(
            (d for d in repo.dokument.values() if d.type == "riktlinje"),
            key=lambda d: (d.date is None, d.date, d.title),
        )
        return [(kind.name, riktlinjer[-1] if riktlinjer else None)]
    docs = _by_date([(k, d) for k, d in repo.dokument.items() if d.type == kind.doc_type])
    if kind.source == "each":
        if len(docs) == 1:
            return [(kind.name, docs[0][1])]
        return [(f"{kind.name}-{k}", d) for k, d in docs]
    return [(kind.name, docs[-1][1] if docs else None)]


def refuse_unused(kind: DocumentKind, **given: object) -> None:
    """An option the document does not read is an error, not dropped without a word
    (`bfa render riktlinje --year 2020` wrote this year's riktlinje)."""
    reads = kind.options | ({"id"} if kind.doc_type else set())
    names = {"year": "--year", "today": "--today", "entity": "--id"}
    for key, value in given.items():
        option = "id" if key == "entity" else key
        if value is None or option in reads:
            continue
        users = [
            d.title.lower()
            for d in DOCUMENTS.values()
            if option in d.options or (option == "id" and d.doc_type)
        ]
        listed = " och ".join([", ".join(users[:-1]), users[-1]] if len(users) > 1 else users)
        raise RenderError(
            f"{names[key]} gäller inte {kind.title.lower()}.",
            hint=f"{names[key]} gäller {listed}.",
        )
