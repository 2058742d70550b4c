"""The repository format: one Pydantic model per kind of file."""

from __future__ import annotations

import sys
from dataclasses import dataclass

from . import _prebuilt
from ._base import Beslut, BfaModel, Entity, Frekvens, Ref
from ._dates import given_date
from .aktor import Aktor
from .atgard import Atgard
from .dokument import Dokument
from .funktion import Funktion
from .indikator import Indikator
from .kommun import Kommun
from .lagesbild import Lagesbild
from .mote import Mote
from .organ import Organ

__all__ = [
    "FILE_MODELS",
    "KINDS",
    "Aktor",
    "Atgard",
    "Beslut",
    "BfaModel",
    "Dokument",
    "Entity",
    "Frekvens",
    "Funktion",
    "Indikator",
    "Kind",
    "Kommun",
    "Lagesbild",
    "Mote",
    "Organ",
    "Ref",
    "given_date",
    "kind_by_name",
]


@dataclass(frozen=True)
class Kind:
    """A kind of entity: the folder its files live in and the model they follow."""

    folder: str
    model: type[Entity]
    singular: str  # the Swedish word, used in messages and by `bfa new`
    definite: str  # "organet", "funktionen" …
    by_year: bool = False  # moten/<år>/…


KINDS: dict[str, Kind] = {
    k.folder: k
    for k in (
        Kind("aktorer", Aktor, "aktör", "aktören"),
        Kind("funktioner", Funktion, "funktion", "funktionen"),
        Kind("organ", Organ, "organ", "organet"),
        Kind("dokument", Dokument, "dokument", "dokumentet"),
        Kind("lagesbilder", Lagesbild, "lägesbild", "lägesbilden"),
        Kind("atgarder", Atgard, "åtgärd", "åtgärden"),
        Kind("indikatorer", Indikator, "indikator", "indikatorn"),
        Kind("moten", Mote, "möte", "mötet", by_year=True),
    )
}

#: The model of every kind of file (bfa.yaml's too): the ones validated on their own.
FILE_MODELS: list[type[Entity]] = [*(k.model for k in KINDS.values()), Kommun]

# Their validators, kept between runs (see _prebuilt): built here once if not yet kept.
if not _prebuilt.install(FILE_MODELS) and not sys.dont_write_bytecode:
    _prebuilt.write(FILE_MODELS)

_ALIASES = {
    "aktor": "aktorer",
    "aktör": "aktorer",
    "funktion": "funktioner",
    "lagesbild": "lagesbilder",
    "lägesbild": "lagesbilder",
    "lägesbilder": "lagesbilder",
    "atgard": "atgarder",
    "åtgärd": "atgarder",
    "åtgärder": "atgarder",
    "indikator": "indikatorer",
    "mote": "moten",
    "möte": "moten",
    "möten": "moten",
}


def kind_by_name(name: str) -> Kind | None:
    """The kind for a folder name or a Swedish singular (``organ``, ``åtgärd`` …)."""
    key = name.strip().lower()
    return KINDS.get(key) or KINDS.get(_ALIASES.get(key, ""))
