"""atgarder/<id>.yaml: a measure in the åtgärdsplan."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from ._base import (
    AktorRef,
    BfaModel,
    DokumentRef,
    Entity,
    FunktionRef,
    IndikatorRef,
    OrsakRef,
    ProblemRef,
)

STATUSES = ("planerad", "pågående", "genomförd", "avbruten", "försenad")


class Uppfoljningspunkt(BfaModel):
    date: dt.date = Field(alias="datum", description="Datum för uppföljningen.")
    text: str = Field(alias="text", description="Vad uppföljningen visade.")


class Atgard(Entity):
    title: str = Field(alias="titel", description="Åtgärdens namn.")
    description: str | None = Field(None, alias="beskrivning", description="Beskrivning.")
    plan: DokumentRef | None = Field(
        None, alias="åtgärdsplan", description="Åtgärdsplanen åtgärden ingår i."
    )
    problems: list[ProblemRef] = Field(
        default_factory=list,
        alias="problem",
        description="Problem i lägesbilden som "
        "åtgärden riktar sig mot ('lägesbild-id/problem-id').",
    )
    causes: list[OrsakRef] = Field(
        default_factory=list,
        alias="orsaker",
        description="Orsaker åtgärden riktar sig mot ('lägesbild-id/orsak-id').",
    )
    type: Literal["situationell", "social", "individinriktad", "trygghetsskapande"] | None = Field(
        None, alias="typ", description="Slag av åtgärd."
    )
    responsible: FunktionRef | None = Field(
        None, alias="ansvarig", title="ansvarig funktion", description="Funktionen som ansvarar."
    )
    partners: list[AktorRef] = Field(
        default_factory=list, alias="samverkansparter", description="Samverkansparter."
    )
    start: dt.date | None = Field(
        None, alias="start", title="startdatum", description="Startdatum."
    )
    end: dt.date | None = Field(None, alias="slut", title="slutdatum", description="Slutdatum.")
    status: Literal["planerad", "pågående", "genomförd", "avbruten", "försenad"] = Field(
        "planerad",
        alias="status",
        description="planerad, pågående, genomförd, avbruten eller försenad.",
    )
    indicators: list[IndikatorRef] = Field(
        default_factory=list, alias="indikatorer", description="Indikatorer som följer upp den."
    )
    evidence: Literal["beprövad", "utvärderad", "lovande", "okänt"] | None = Field(
        None, alias="kunskapsläge", description="beprövad, utvärderad, lovande eller okänt."
    )
    follow_up: list[Uppfoljningspunkt] = Field(
        default_factory=list, alias="uppföljning", description="Uppföljningar."
    )

    @model_validator(mode="after")
    def _order(self) -> Atgard:
        if self.start and self.end and self.end < self.start:
            raise ValueError("slutdatumet ligger före startdatumet")
        return self
