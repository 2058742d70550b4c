"""organ/<id>.yaml: a body — styrgrupp, beredningsgrupp, arbetsgrupp, råd, nätverk …"""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator

from ._base import (
    AktorRef,
    BfaModel,
    DateOrPartial,
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


OrganStatus = Literal["föreslaget", "försök", "aktivt", "avvecklas", "avvecklat"]

#: Swedish labels of a body's status, for documents and messages.
ORGAN_STATUS_LABEL: dict[str, str] = {
    "föreslaget": "Föreslaget",
    "försök": "På försök",
    "aktivt": "Aktivt",
    "avvecklas": "Avvecklas",
    "avvecklat": "Avvecklat",
}

#: Statuses of a body that exists and works today (a trial and a winding-down body meet).
ACTIVE_STATUSES = ("försök", "aktivt", "avvecklas")


#: The political assemblies: outside Brå's structure of styrgrupp, beredningsgrupp, arbetsgrupper.
POLITICAL_TYPES = ("nämnd", "fullmäktige")


class Moten(Frekvens):
    """The cadence and form of a body's meetings."""

    minutes: int | None = Field(
        None,
        alias="längd_minuter",
        title="mötenas längd i minuter",
        ge=1,
        le=24 * 60,
        description="Mötets längd i minuter.",
    )
    form: Literal["fysiskt", "digitalt", "hybrid"] | None = Field(
        None, alias="form", description="fysiskt, digitalt eller hybrid."
    )
    place: str | None = Field(None, alias="plats", description="Var mötena hålls.")
    tool: str | None = Field(
        None,
        alias="verktyg",
        title="mötesverktyg",
        description="Verktyg för digitala möten, t.ex. 'Microsoft Teams'.",
    )
    agenda: str | None = Field(
        None, alias="innehåll", title="mötenas innehåll", description="Vad som tas upp på mötena."
    )


class Dokumentation(BfaModel):
    """How a body documents its meetings."""

    form: Literal["minnesanteckningar", "protokoll", "ingen"] = Field(
        alias="form", description="minnesanteckningar, protokoll eller ingen."
    )
    registry: str | None = Field(
        None, alias="diarium", description="Diariet där dokumentationen diarieförs."
    )
    adjustment: bool = Field(
        False,
        alias="justering",
        title="justering av protokollet",
        description="true om protokollet justeras; protokollet får då rader för justering.",
    )
    adjusters: list[FunktionRef] = Field(
        default_factory=list,
        alias="justerare",
        description="Funktioner som normalt justerar (om mötet inte anger andra).",
    )


class LedamoterIRoll(BfaModel):
    """Members who take part only when the body acts in a certain role.

    E.g. the kommundirektörens ledningsgrupp, extended with the lokalpolisområdeschef
    when it acts as styrgrupp for the crime-prevention work.
    """

    role: str = Field(
        alias="roll",
        description="Rollen organet har då, t.ex. 'styrgrupp' eller 'beredningsgrupp'.",
    )
    members: list[FunktionRef] = Field(
        alias="ledamöter",
        description="Funktioner som deltar bara när organet har den rollen.",
    )
    description: str | None = Field(
        None, alias="beskrivning", description="När och hur organet har rollen."
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
    meetings: Moten | None = Field(
        None, alias="möten", title="mötesfrekvens", description="Mötesfrekvens och form."
    )
    documentation: Dokumentation | None = Field(
        None, alias="dokumentation", description="Hur mötena dokumenteras."
    )
    temporary: Datumintervall | None = Field(
        None,
        alias="tidsbegränsad",
        title="tidsbegränsning",
        description="Start och slut för en tidsbegränsad grupp.",
    )
    established: DateOrPartial | None = Field(
        None,
        alias="inrättad",
        description="När organet inrättades (ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM/ÅÅÅÅ om bara det är känt).",
    )
    status: OrganStatus = Field(
        "aktivt",
        alias="status",
        description="föreslaget, försök, aktivt (standard), avvecklas eller avvecklat.",
    )
    replaced_by: OrganRef | None = Field(
        None,
        alias="ersätts_av",
        description="Organet som tar över när det här avvecklas (id i organ/).",
    )
    trial: Datumintervall | None = Field(
        None, alias="försök", description="Försöksperioden för ett organ på försök (start, slut)."
    )
    wind_down_by: dt.date | None = Field(
        None, alias="avvecklas_senast", description="Senaste dag organet finns kvar (avvecklas)."
    )
    wound_down: DateOrPartial | None = Field(
        None, alias="avvecklat_datum", description="När organet avvecklades."
    )
    role_members: list[LedamoterIRoll] = Field(
        default_factory=list,
        alias="ledamöter_i_roll",
        description="Ledamöter som deltar bara när organet har en viss roll.",
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

    @field_validator("replaced_by")
    @classmethod
    def _replaced(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value and info.data.get("status", "avvecklas") not in ("avvecklas", "avvecklat"):
            raise ValueError(
                "ersätts_av hör till ett organ som avvecklas eller är avvecklat "
                "(status: avvecklas eller avvecklat)"
            )
        return value

    @field_validator("wound_down")
    @classmethod
    def _wound_down(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        if value and info.data.get("status", "avvecklat") != "avvecklat":
            raise ValueError("avvecklat_datum hör till ett organ med status avvecklat")
        return value

    @field_validator("role_members")
    @classmethod
    def _roles(cls, value: list[LedamoterIRoll], info: ValidationInfo) -> list[LedamoterIRoll]:
        chair = info.data.get("chair")
        regular = {*info.data.get("members", []), *info.data.get("convener", []), chair}
        for group in value:
            if not group.members:
                raise ValueError(f"ledamöter_i_roll ({group.role}) har inga ledamöter")
            twice = [f for f in group.members if f in regular]
            if twice:
                raise ValueError(
                    f"'{twice[0]}' deltar redan alltid och ska inte stå under "
                    f"ledamöter_i_roll ({group.role})"
                )
        return value

    @property
    def is_active(self) -> bool:
        """True for a body that exists and works today: on trial, active or being wound down."""
        return self.status in ACTIVE_STATUSES

    def acts_as(self, role: str) -> bool:
        """True when the body is of type ``role`` or has it as a role in ledamöter_i_roll."""
        return self.type == role or any(r.role == role for r in self.role_members)

    @property
    def status_label(self) -> str:
        """The status in Swedish, e.g. 'På försök'."""
        return ORGAN_STATUS_LABEL[self.status]
