"""bfa.yaml: the municipality and how it has organised the duties of the law."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Beslut, BfaModel, Entity, Frekvens, FunktionEllerOrganRef, FunktionRef, OrganRef


class Ledning(BfaModel):
    """The nämnd that leads the work (Lag 2023:196) and the KF decision appointing it."""

    organ: OrganRef = Field(
        alias="organ",
        description="Nämnden som leder arbetet, oftast kommunstyrelsen (id i organ/).",
    )
    appointed_by: str = Field(
        "Kommunfullmäktige", alias="utsedd_av", description="Vem som utsett nämnden."
    )
    decision: Beslut | None = Field(
        None, alias="beslut", description="Kommunfullmäktiges beslut om ansvaret."
    )


class Rapportering(BfaModel):
    """Continuous reporting from the leading nämnd to kommunfullmäktige."""

    to: OrganRef = Field(
        alias="till",
        description="Organet som tar emot rapporten, oftast kommunfullmäktige (id i organ/).",
    )
    cadence: Frekvens | None = Field(
        None,
        alias="frekvens",
        description="Hur ofta rapportering sker, om kommunen beslutat det (utan frekvens: "
        "'kontinuerligt', som lagen säger; bfa check bevakar då ingen frist).",
    )
    description: str | None = Field(None, alias="beskrivning", description="Hur det går till.")


class Uppfoljning(BfaModel):
    """The leading nämnd's follow-up of the work."""

    organ: OrganRef = Field(alias="organ", description="Organet som följer upp arbetet.")
    cadence: Frekvens | None = Field(
        None, alias="frekvens", description="Hur ofta uppföljning sker, om kommunen beslutat det."
    )
    convened_by: str | None = Field(
        None, alias="kallar", description="Vem som kallar samordnaren till uppföljningen."
    )
    content: str | None = Field(None, alias="innehåll", description="Vad som gås igenom.")
    may_decide: str | None = Field(
        None, alias="befogenhet", description="Vad organet kan besluta vid uppföljningen."
    )


class LagesbildRutin(BfaModel):
    """How the municipality has decided one kind of lägesbild is made."""

    cadence: Frekvens | None = Field(
        None,
        alias="frekvens",
        description="Hur ofta lägesbilden tas fram, om kommunen beslutat det.",
    )
    purpose: str | None = Field(None, alias="syfte", description="Vad lägesbilden ska ge.")
    sources: list[str] = Field(
        default_factory=list, alias="källor", description="Vad lägesbilden baseras på."
    )
    produced_by: list[FunktionEllerOrganRef] = Field(
        default_factory=list,
        alias="framtas_av",
        description="Funktioner eller organ som sammanställer den.",
    )
    consulted: list[OrganRef] = Field(
        default_factory=list, alias="remiss", description="Organ den remitteras till."
    )
    presented_to: list[OrganRef] = Field(
        default_factory=list, alias="presenteras_för", description="Organ den presenteras för."
    )
    decided_by: OrganRef | None = Field(
        None, alias="beslutas_av", description="Organet som beslutar om den."
    )


class LagesbildPlan(BfaModel):
    """The municipality's decided routine for lägesbilder."""

    operative: LagesbildRutin | None = Field(
        None, alias="operativ", description="Operativ lägesbild."
    )
    strategic: LagesbildRutin | None = Field(
        None, alias="strategisk", description="Strategisk lägesbild."
    )


class AtgardsplanRutin(BfaModel):
    """How the åtgärdsplan is produced and decided."""

    based_on: Literal["operativ", "strategisk"] = Field(
        "strategisk", alias="grundas_på", description="Vilken lägesbild planen utgår från."
    )
    decided_by: OrganRef = Field(alias="beslutas_av", description="Organet som beslutar planen.")
    description: str | None = Field(None, alias="beskrivning", description="Vad planen anger.")


class SamverkanRutin(BfaModel):
    """How written cooperation agreements with other actors are made."""

    description: str = Field(alias="beskrivning", description="Vad som gäller för avtalen.")
    signed_by: list[FunktionRef] = Field(
        default_factory=list, alias="undertecknas_av", description="Funktioner som undertecknar."
    )


class Undantag(BfaModel):
    """A recommendation the municipality has consciously chosen not to follow."""

    rule: str = Field(alias="regel", description="Regelns id, t.ex. 'BRA-BEREDNINGSGRUPP'.")
    reason: str = Field(alias="motivering", description="Varför rekommendationen inte följs.")


class Kommun(Entity):
    name: str = Field(alias="namn", description="Kommunens namn, t.ex. 'Torsby kommun'.")
    name_genitive: str | None = Field(
        None,
        alias="namn_genitiv",
        description="Namnets genitiv när den inte bildas med -s, t.ex. 'Södra Lapplands "
        "kommuners' (standard: 'Torsby kommuns').",
    )
    code: str | None = Field(
        None, alias="kommunkod", pattern=r"^\d{4}$", description="Kommunkod (fyra siffror)."
    )
    county: str | None = Field(None, alias="län", description="Länet, t.ex. 'Värmlands län'.")
    police_area: str | None = Field(
        None, alias="lokalpolisområde", description="Lokalpolisområdet kommunen tillhör."
    )
    population: int | None = Field(None, alias="invånare", ge=0, description="Antal invånare.")
    population_year: int | None = Field(
        None, alias="invånare_år", description="Året invånarantalet avser."
    )
    leadership: Ledning | None = Field(
        None, alias="ledning", description="Nämnden som leder det brottsförebyggande arbetet."
    )
    coordination: FunktionRef | None = Field(
        None,
        alias="samordningsfunktion",
        description="Funktionen som är kommunens samordningsfunktion (id i funktioner/).",
    )
    reporting: Rapportering | None = Field(
        None, alias="rapportering", description="Rapportering till kommunfullmäktige."
    )
    follow_up: Uppfoljning | None = Field(
        None, alias="uppföljning", description="Uppföljning av arbetet i ledande nämnd."
    )
    situation_plan: LagesbildPlan | None = Field(
        None, alias="lägesbilder", description="Hur lägesbilder tas fram och hur ofta."
    )
    action_plan: AtgardsplanRutin | None = Field(
        None, alias="åtgärdsplan", description="Hur åtgärdsplanen tas fram och beslutas."
    )
    cooperation: SamverkanRutin | None = Field(
        None, alias="samverkan", description="Hur skriftlig samverkan med andra aktörer görs."
    )
    goals: list[str] = Field(
        default_factory=list, alias="mål", description="Mål för det brottsförebyggande arbetet."
    )
    website: str | None = Field(None, alias="webbplats", description="Kommunens webbplats.")
    contact: FunktionRef | None = Field(
        None, alias="kontakt", description="Funktion att kontakta om arbetet."
    )
    exceptions: list[Undantag] = Field(
        default_factory=list,
        alias="undantag",
        description="Rekommendationer (BRA-regler) som medvetet inte följs, med motivering.",
    )
    language: Literal["sv"] = Field("sv", alias="språk", description="Dokumentens språk.")
    word_template: str | None = Field(
        None,
        alias="dokumentmall",
        description="Sökväg i förrådet till kommunens Word-mall (.docx) för --format docx. "
        "Standard: mallar/dokumentmall.docx om den finns.",
    )
