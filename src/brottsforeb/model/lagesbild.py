"""lagesbilder/<id>.yaml: a lägesbild (Lag 2023:196, 4 §)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .._ids import ID_PATTERN
from ._base import Beslut, BfaModel, Datumintervall, FunktionEllerOrganRef, OrganRef
from ._base import Entity as _Entity

ID = ID_PATTERN


class Problem(BfaModel):
    """One problem in the kartläggning: what, how much, with what consequences, where, when."""

    id: str = Field(alias="id", title="id", pattern=ID, description="Kort id, unikt i lägesbilden.")
    heading: str = Field(alias="rubrik", description="Problemet i korthet.")
    description: str | None = Field(None, alias="beskrivning", description="Beskrivning.")
    extent: str | None = Field(None, alias="omfattning", description="Problemets omfattning.")
    consequences: str | None = Field(None, alias="konsekvenser", description="Konsekvenser.")
    place: str | None = Field(None, alias="plats", description="Var problemet förekommer.")
    time: str | None = Field(None, alias="tid", description="När problemet förekommer.")
    trend: str | None = Field(None, alias="utveckling", description="Hur problemet utvecklas.")
    sources: list[str] = Field(default_factory=list, alias="källor", description="Källor.")


class Orsak(BfaModel):
    """A possible cause of one or more problems (orsaksanalys)."""

    id: str = Field(alias="id", pattern=ID, description="Kort id, unikt i lägesbilden.")
    description: str = Field(alias="beskrivning", description="Den möjliga orsaken.")
    problems: list[str] = Field(
        default_factory=list,
        alias="problem",
        description="Id för problemen (i samma lägesbild) som orsaken förklarar.",
    )


class Lagesbild(_Entity):
    type: Literal["operativ", "strategisk"] = Field(
        alias="typ", description="operativ eller strategisk."
    )
    title: str = Field(alias="titel", description="Lägesbildens titel.")
    period: Datumintervall = Field(alias="period", description="Perioden lägesbilden avser.")
    date: dt.date = Field(alias="datum", description="Datum då lägesbilden var klar.")
    area: str = Field(
        alias="område", description="Geografiskt område; lagen kräver hela kommunens område."
    )
    sources: list[str] = Field(default_factory=list, alias="källor", description="Källor.")
    mapping: list[Problem] = Field(
        default_factory=list,
        alias="kartläggning",
        description="Kartläggning: problem med omfattning och konsekvenser.",
    )
    other_information: list[str] = Field(
        default_factory=list, alias="annan_information", description="Annan relevant information."
    )
    analysis: str | None = Field(None, alias="analys", description="Analys av kartläggningen.")
    causes: list[Orsak] = Field(
        default_factory=list, alias="orsaker", description="Möjliga orsaker."
    )
    produced_by: list[FunktionEllerOrganRef] = Field(
        default_factory=list,
        alias="framtagen_av",
        description="Funktioner eller organ (t.ex. en analysgrupp) som tagit fram den.",
    )
    consulted: list[OrganRef] = Field(
        default_factory=list, alias="remiss", description="Organ den remitteras till."
    )
    presented_to: list[OrganRef] = Field(
        default_factory=list, alias="presenteras_för", description="Organ den presenteras för."
    )
    decision: Beslut | None = Field(None, alias="beslut", description="Beslut om lägesbilden.")
