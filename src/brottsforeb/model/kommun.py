"""bfa.yaml: the municipality and how it has organised the duties of the law."""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal

from pydantic import Field, field_validator, model_validator

from .._ids import ID, ID_PATTERN
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
        title="tas fram av",
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


class Forslag(BfaModel):
    """A proposal the branch holds: the tjänsteskrivelse of `bfa render forslag`."""

    case: str = Field(alias="ärende", description="Ärendets rubrik, t.ex. 'Ny styrgrupp'.")
    decisions: list[str] = Field(
        default_factory=list,
        alias="beslutsförslag",
        description="Förslag till beslut, en punkt per beslut.",
    )
    summary: str | None = Field(None, alias="sammanfattning", description="Sammanfattning.")
    background: str | None = Field(None, alias="bakgrund", description="Bakgrund.")
    consequences: str | None = Field(
        None, alias="konsekvenser", description="Konsekvenser av förslaget."
    )
    documents: list[str] = Field(
        default_factory=list,
        alias="beslutsunderlag",
        description="Övriga handlingar i beslutsunderlaget.",
    )
    record_number: str | None = Field(None, alias="diarienummer", description="Diarienummer.")
    date: dt.date | None = Field(None, alias="datum", description="Tjänsteskrivelsens datum.")
    prepared_by: FunktionRef | None = Field(
        None, alias="handläggare", description="Funktionen som handlägger ärendet."
    )
    decided_by: OrganRef | None = Field(
        None, alias="beslutas_av", description="Organet som ska besluta."
    )


class Medlem(BfaModel):
    """A member municipality of a collaboration (bfa.yaml of a collaboration)."""

    name: str = Field(alias="namn", description="Kommunens namn, t.ex. 'Storumans kommun'.")
    code: str | None = Field(
        None, alias="kommunkod", pattern=r"^\d{4}$", description="Kommunkod (fyra siffror)."
    )
    repository: str | None = Field(
        None, alias="förråd", description="Sökväg till kommunens eget bfa-förråd, om det finns."
    )


SHARED = rf"^(organ|dokument|funktioner|aktorer)/{ID}$"


_SAFE = r"[^\s'\"`$;&|<>()\\]"
_GIT_ADDRESS = re.compile(
    rf"(?:https?|ssh|git|file)://{_SAFE}+|[A-Za-z0-9._-]+@[A-Za-z0-9.-]+:{_SAFE}+"
)
_REVISION = re.compile(r"[A-Za-z0-9_./@{}~^][A-Za-z0-9_./@{}~^-]*")


class SamverkanLank(BfaModel):
    """A collaboration this municipality takes part in, and what it shares from it."""

    id: str = Field(
        alias="id",
        title="samverkans id",
        pattern=ID_PATTERN,
        description="Kort id för samverkan.",
    )
    path: str | None = Field(
        None, alias="sökväg", description="Samverkans förråd, relativt det här förrådet."
    )
    git: str | None = Field(
        None,
        alias="git",
        title="git-adress",
        description="Git-adress till samverkans förråd (läses ur en lokal klon).",
    )
    revision: str | None = Field(
        None, alias="revision", description="Tagg eller commit i samverkans förråd (med git)."
    )
    clone: str | None = Field(
        None,
        alias="klon",
        title="lokal klon",
        description="Sökväg till den lokala klonen (med git); annars ~/.cache/bfa/samverkan/<id>.",
    )
    shares: list[Annotated[str, Field(pattern=SHARED)]] = Field(
        default_factory=list,
        alias="delar",
        description="Det kommunen delar ur samverkans förråd, t.ex. 'organ/samverkansgrupp' "
        "eller 'dokument/samverkansoverenskommelse'.",
    )

    @field_validator("git")
    @classmethod
    def _git_address(cls, value: str | None) -> str | None:
        # The address is shown in a "git clone …" hint a coordinator pastes into a shell:
        # a URL or scp-style address only, no spaces and no shell characters.
        if value is not None and not _GIT_ADDRESS.fullmatch(value):
            raise ValueError(
                "ska vara en git-adress, t.ex. https://github.com/kommun/samverkan.git "
                "eller git@github.com:kommun/samverkan.git "
                "(inga mellanslag eller $ ` ; | & < > ( ) ' \")"
            )
        return value

    @field_validator("revision")
    @classmethod
    def _revision_name(cls, value: str | None) -> str | None:
        # Passed to git: a tag, branch or commit, never something git reads as an option.
        if value is not None and not _REVISION.fullmatch(value):
            raise ValueError(
                "ska vara en tagg, gren eller commit, t.ex. v2026.1 (börjar inte med '-', "
                "inga mellanslag)"
            )
        return value

    @model_validator(mode="after")
    def _one_source(self) -> SamverkanLank:
        if (self.path is None) == (self.git is None):
            raise ValueError("ange antingen sökväg eller git (med revision)")
        if self.git is not None and not self.revision:
            raise ValueError("git kräver revision (en tagg eller commit)")
        return self


class Kommun(Entity):
    kind: Literal["kommun", "samverkan"] = Field(
        "kommun",
        alias="slag",
        description="kommun (standard) eller samverkan: förrådet för en samverkan mellan kommuner.",
    )
    name: str = Field(alias="namn", description="Kommunens namn, t.ex. 'Torsby kommun'.")
    name_genitive: str | None = Field(
        None,
        alias="namn_genitiv",
        title="namnets genitiv",
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
    population: int | None = Field(
        None, alias="invånare", ge=0, le=20_000_000, description="Antal invånare."
    )
    population_year: int | None = Field(
        None,
        alias="invånare_år",
        title="år för invånarantalet",
        description="Året invånarantalet avser.",
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
    members: list[Medlem] = Field(
        default_factory=list,
        alias="medlemmar",
        description="En samverkans medlemskommuner (med slag: samverkan).",
    )
    collaborations: list[SamverkanLank] = Field(
        default_factory=list,
        alias="ingår_i_samverkan",
        description="Samverkan mellan kommuner som kommunen ingår i, och vad den delar därifrån.",
    )
    proposal: Forslag | None = Field(
        None,
        alias="förslag",
        description="Ett förslag till ändrad organisation (på en gren), för bfa render forslag.",
    )
    word_template: str | None = Field(
        None,
        alias="dokumentmall",
        description="Sökväg i förrådet till kommunens Word-mall (.docx) för --format docx. "
        "Standard: mallar/dokumentmall.docx om den finns.",
    )
