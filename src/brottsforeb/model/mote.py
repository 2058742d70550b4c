"""moten/<år>/<ÅÅÅÅ-MM-DD>-<organ>.yaml: a meeting, planned, held or cancelled."""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import Field, field_validator

from .._ids import MEETING_PATTERN
from ._base import BfaModel, Entity, FunktionRef, OrganRef

_CLOCK = re.compile(
    r"^(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})(?:\s*[–—-]\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d{2}))?$"
)


def parse_time(text: str) -> tuple[dt.time, dt.time | None]:
    """A meeting's ``tid`` as (start, end or None): '13.00', '13:00', 'kl. 13.00' or
    '13.00–15.00'. Raises ValueError (Swedish, for the finding) for anything else."""
    match = _CLOCK.match(text.strip())
    if match is None:
        raise ValueError("ska vara ett klockslag som 13.00, eller start och slut som 13.00–15.00")
    h1, m1, h2, m2 = match.groups()
    try:
        start = dt.time(int(h1), int(m1))
        end = dt.time(int(h2), int(m2)) if h2 is not None else None
    except ValueError:
        raise ValueError("ska vara ett klockslag som finns (00.00–23.59), t.ex. 13.00") from None
    if end is not None and end <= start:
        raise ValueError("ska sluta efter att mötet börjar, t.ex. 13.00–15.00")
    return start, end


def format_time(text: str) -> str:
    """``tid`` written one way: '13.00–15.00' or '13.00'."""
    start, end = parse_time(text)
    head = start.strftime("%H.%M")
    return f"{head}–{end.strftime('%H.%M')}" if end else head


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
    what: str = Field(alias="vad", title="uppgift", description="Vad som ska göras.")
    who: FunktionRef | None = Field(
        None, alias="vem", title="ansvarig", description="Ansvarig funktion."
    )
    by: dt.date | None = Field(None, alias="senast", description="Senast (ÅÅÅÅ-MM-DD).")
    done: bool = Field(False, alias="klar", description="true när punkten är klar.")
    origin: str | None = Field(
        None,
        alias="från",
        title="från mötet",
        pattern=MEETING_PATTERN,
        description="Mötet där punkten först beslutades (dess id, t.ex. "
        "'2026-03-10-styrgrupp'), när punkten förs vidare från ett tidigare möte.",
    )


class Ersattning(BfaModel):
    for_: FunktionRef = Field(
        alias="för", title="ersatt funktion", description="Funktionen som ersattes."
    )
    by: str = Field(
        alias="av", title="ersatt av", description="Vem som ersatte (funktion eller namn)."
    )


MoteStatus = Literal["planerat", "hållet", "inställt"]


class Mote(Entity):
    organ: OrganRef = Field(alias="organ", description="Organet som sammanträdde.")
    date: dt.date = Field(alias="datum", description="Mötesdatum (ÅÅÅÅ-MM-DD).")
    time: str | None = Field(
        None,
        alias="tid",
        description="Tid: start och slut, t.ex. '13.00–15.00', eller bara start ('13.00').",
    )
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

    @field_validator("time")
    @classmethod
    def _clock(cls, value: str | None) -> str | None:
        if value is not None:
            parse_time(value)
        return value

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
