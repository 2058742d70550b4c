"""organ/<id>.yaml: a body — styrgrupp, beredningsgrupp, arbetsgrupp, råd, nätverk …"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field

from ._base import (
    AktorRef,
    BfaModel,
    Datumintervall,
    DokumentRef,
    Entity,
    Frekvens,
    FunktionRef,
    FunktionRefs,
    OrganRef,
)

OrganTyp = Literal[
    "styrgrupp",
    "beredningsgrupp",
    "arbetsgrupp",
    "råd",
    "nätverk",
    "samverkansgrupp",
    "nämnd",
    "fullmäktige",
]


#: The political assemblies: outside Brå's structure of styrgrupp, beredningsgrupp, arbetsgrupper.
POLITICAL_TYPES = ("nämnd", "fullmäktige")


class Moten(Frekvens):
    """The cadence and form of a body's meetings."""

    minutes: int | None = Field(
        None, alias="längd_minuter", ge=1, description="Mötets längd i minuter."
    )
    form: Literal["fysiskt", "digitalt", "hybrid"] | None = Field(
        None, alias="form", description="fysiskt, digitalt eller hybrid."
    )
    place: str | None = Field(None, alias="plats", description="Var mötena hålls.")
    tool: str | None = Field(
        None, alias="verktyg", description="Verktyg för digitala möten, t.ex. 'Microsoft Teams'."
    )
    agenda: str | None = Field(None, alias="innehåll", description="Vad som tas upp på mötena.")


class Dokumentation(BfaModel):
    """How a body documents its meetings."""

    form: Literal["minnesanteckningar", "protokoll", "ingen"] = Field(
        alias="form", description="minnesanteckningar, protokoll eller ingen."
    )
    registry: str | None = Field(
        None, alias="diarium", description="Diariet där dokumentationen diarieförs."
    )


class Organ(Entity):
    name: str = Field(alias="namn", description="Organets namn, t.ex. 'Styrgrupp'.")
    short_name: str | None = Field(None, alias="kortnamn", description="Förkortning, t.ex. 'LFR'.")
    type: OrganTyp = Field(alias="typ", description="Slag av organ.")
    task: str | None = Field(None, alias="uppdrag", description="Organets uppdrag/syfte.")
    mandate: str | None = Field(None, alias="mandat", description="Vad organet får besluta om.")
    member_requirements: str | None = Field(
        None, alias="krav_på_ledamöter", description="Vad som krävs av ledamöterna."
    )
    chair: FunktionRef | None = Field(None, alias="ordförande", description="Ordförande.")
    convener: FunktionRefs = Field(
        default_factory=list, alias="sammankallande", description="Sammankallande funktion(er)."
    )
    members: list[FunktionRef] = Field(
        default_factory=list, alias="ledamöter", description="Ledamöter (funktioner)."
    )
    co_opted: list[FunktionRef] = Field(
        default_factory=list,
        alias="adjungeras_vid_behov",
        description="Funktioner som bjuds in vid behov.",
    )
    kept_informed: list[FunktionRef] = Field(
        default_factory=list,
        alias="hålls_informerade",
        description="Funktioner som hålls informerade om organets arbete.",
    )
    substitutes: str | None = Field(
        None, alias="ersättare", description="Vad som gäller när en ledamot inte kan delta."
    )
    part_of: OrganRef | None = Field(None, alias="ingår_i", description="Organet det ingår i.")
    reports_to: OrganRef | None = Field(
        None, alias="rapporterar_till", description="Organet det rapporterar till."
    )
    appointed_by: OrganRef | None = Field(
        None, alias="tillsätts_av", description="Organet som tillsätter det."
    )
    meetings: Moten | None = Field(None, alias="möten", description="Mötesfrekvens och form.")
    documentation: Dokumentation | None = Field(
        None, alias="dokumentation", description="Hur mötena dokumenteras."
    )
    temporary: Datumintervall | None = Field(
        None, alias="tidsbegränsad", description="Start och slut för en tidsbegränsad grupp."
    )
    established: dt.date | None = Field(
        None, alias="inrättad", description="När organet inrättades (ÅÅÅÅ-MM-DD)."
    )
    recorded_from: dt.date | None = Field(
        None,
        alias="möten_registreras_från",
        description="Datum från vilket organets möten finns i moten/; tidigare möten "
        "räknas inte som uteblivna.",
    )
    external: bool = Field(
        False,
        alias="extern",
        description="true för organ utanför kommunens egen organisation "
        "(t.ex. kommunöverskridande samverkan, länsnätverk).",
    )
    parties: list[AktorRef] = Field(
        default_factory=list, alias="parter", description="Samverkande organisationer."
    )
    run_by: AktorRef | None = Field(None, alias="drivs_av", description="Aktören som driver det.")
    agreement: DokumentRef | None = Field(
        None, alias="samverkansavtal", description="Avtalet som reglerar samverkan."
    )
    target_group: str | None = Field(None, alias="målgrupp", description="Målgrupp.")
    description: str | None = Field(None, alias="beskrivning", description="Fri beskrivning.")
