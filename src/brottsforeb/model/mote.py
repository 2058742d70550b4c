"""moten/<år>/<ÅÅÅÅ-MM-DD>-<organ>.yaml: a meeting, planned, held or cancelled."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from .._ids import MEETING_PATTERN
from ._base import BfaModel, Entity, FunktionRef, OrganRef


class Arende(BfaModel):
    heading: str = Field(alias="rubrik", description="Ärendets rubrik.")
    type: Literal["information", "beslut", "lägesbild", "uppföljning", "rapportering", "övrigt"] = (
        Field(
            "övrigt",
            alias="typ",
            description="Slag av ärende; 'uppföljning' och 'rapportering' räknas av bfa check.",
        )
    )
    text: str | None = Field(None, alias="text", description="Vad som sades.")
    paragraph: str | None = Field(None, alias="paragraf", description="Paragraf i protokollet.")
    decision: str | None = Field(
        None, alias="beslut", description="Beslutet i ärendet, som det ska stå i protokollet."
    )
    presenter: FunktionRef | None = Field(
        None, alias="föredragande", description="Funktionen som föredrar ärendet."
    )
    attachments: list[str] = Field(
        default_factory=list,
        alias="bilagor",
        description="Handlingar att läsa före mötet (titel, fil eller länk).",
    )


class Atgardspunkt(BfaModel):
    what: str = Field(alias="vad", description="Vad som ska göras.")
    who: FunktionRef | None = Field(None, alias="vem", description="Ansvarig funktion.")
    by: dt.date | None = Field(None, alias="senast", description="Senast (ÅÅÅÅ-MM-DD).")
    done: bool = Field(False, alias="klar", description="true när punkten är klar.")
    origin: str | None = Field(
        None,
        alias="från",
        pattern=MEETING_PATTERN,
        description="Mötet där punkten först beslutades (dess id, t.ex. "
        "'2026-03-10-styrgrupp'), när punkten förs vidare från ett tidigare möte.",
    )


class Ersattning(BfaModel):
    for_: FunktionRef = Field(alias="för", description="Funktionen som ersattes.")
    by: str = Field(alias="av", description="Vem som ersatte (funktion eller namn).")


MoteStatus = Literal["planerat", "hållet", "inställt"]


class Mote(Entity):
    organ: OrganRef = Field(alias="organ", description="Organet som sammanträdde.")
    date: dt.date = Field(alias="datum", description="Mötesdatum (ÅÅÅÅ-MM-DD).")
    time: str | None = Field(None, alias="tid", description="Tid, t.ex. '13.00–15.00'.")
    place: str | None = Field(None, alias="plats", description="Plats.")
    form: Literal["fysiskt", "digitalt", "hybrid"] | None = Field(
        None, alias="form", description="fysiskt, digitalt eller hybrid."
    )
    status: MoteStatus | None = Field(
        None,
        alias="status",
        description="planerat, hållet eller inställt. 'bfa new mote' skriver planerat; "
        "ändra till hållet när mötet har ägt rum (bfa set …).",
    )
    cancelled: bool = Field(
        False,
        alias="inställt",
        description="true om mötet ställdes in (samma som status: inställt).",
    )
    present: list[FunktionRef] = Field(
        default_factory=list, alias="närvarande", description="Närvarande funktioner."
    )
    absent: list[FunktionRef] = Field(
        default_factory=list, alias="frånvarande", description="Frånvarande funktioner."
    )
    substitutes: list[Ersattning] = Field(
        default_factory=list, alias="ersättare", description="Ersättare som deltog."
    )
    items: list[Arende] = Field(default_factory=list, alias="ärenden", description="Ärenden.")
    decisions: list[str] = Field(default_factory=list, alias="beslut", description="Beslut.")
    action_items: list[Atgardspunkt] = Field(
        default_factory=list, alias="åtgärdspunkter", description="Åtgärdspunkter."
    )
    record_number: str | None = Field(
        None, alias="diarienummer", description="Diarienummer för anteckningarna."
    )
    link: str | None = Field(
        None, alias="länk", description="Länk till det digitala mötet, t.ex. i Teams."
    )
    adjusters: list[FunktionRef] = Field(
        default_factory=list,
        alias="justerare",
        description="Funktioner som justerar protokollet (när organet justerar).",
    )
    secretary: FunktionRef | None = Field(
        None, alias="sekreterare", description="Funktionen som för protokollet."
    )

    @property
    def recorded(self) -> bool:
        """Whether the file records what happened: attendance or notes."""
        return bool(
            self.present or self.items or self.decisions or self.action_items or self.substitutes
        )

    def state(self, today: dt.date) -> str:
        """planerat, hållet or inställt; a file without ``status`` is held only when it
        records attendance or notes and its date has passed."""
        if self.status is not None:
            return self.status
        if self.cancelled:
            return "inställt"
        return "hållet" if self.date <= today and self.recorded else "planerat"

    def held(self, today: dt.date) -> bool:
        """Counted as held: marked (or recorded as) held, on or before ``today``."""
        return self.date <= today and self.state(today) == "hållet"
