"""dokument/<id>.yaml: a governing document and its decision data."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, ValidationInfo, field_validator, model_validator

from ._base import (
    AktorRef,
    BfaModel,
    DateOrPartial,
    DokumentRef,
    Entity,
    FunktionRef,
    IndikatorRef,
    LagesbildRef,
    OrganRef,
    OrsakRef,
    ProblemRef,
)

DokumentTyp = Literal[
    "riktlinje",
    "strategi",
    "program",
    "plan",
    "handlingsplan",
    "åtgärdsplan",
    "samverkansöverenskommelse",
    "medborgarlöfte",
    "policy",
    "regler",
    "tjänsteskrivelse",
    "verksamhetsberättelse",
    "rapport",
]

DokumentStatus = Literal["utkast", "gällande", "inaktuellt", "ska_upphävas", "upphävt", "ersatt"]

#: Swedish labels of a document's status, for documents and messages.
DOKUMENT_STATUS_LABEL: dict[str, str] = {
    "utkast": "Utkast – ännu inte antaget",
    "gällande": "Gällande",
    "inaktuellt": "Inaktuellt",
    "ska_upphävas": "Ska upphävas",
    "upphävt": "Upphävt",
    "ersatt": "Ersatt",
}

#: Statuses of a document that no longer governs (or should not be relied on).
OUT_OF_DATE = ("inaktuellt", "upphävt", "ersatt")
#: Statuses of a document that has been withdrawn: it no longer exists as a decision.
WITHDRAWN = ("upphävt", "ersatt")


class Revidering(BfaModel):
    """When the document must be revised or reviewed next."""

    kind: Literal["revision", "aktualitetsprövning"] = Field(
        "revision",
        alias="typ",
        title="slag av prövning",
        description="revision eller aktualitetsprövning.",
    )
    years: int | None = Field(
        None,
        alias="intervall_år",
        title="intervall i år",
        ge=1,
        le=20,
        description="Antal år efter antagandet, t.ex. 4 för 'minst vart fjärde år'.",
    )
    date: dt.date | None = Field(None, alias="datum", description="Ett bestämt datum.")
    text: str | None = Field(
        None,
        alias="text",
        title="formulering",
        description="Formuleringen i dokumentet, t.ex. 'minst vart fjärde "
        "år eller oftare vid behov'.",
    )

    @model_validator(mode="after")
    def _one(self) -> Revidering:
        if self.years is None and self.date is None:
            raise ValueError("ange intervall_år eller datum")
        return self


class Mal(BfaModel):
    """A goal, measurable when it names an indicator and a target."""

    text: str = Field(alias="text", description="Målet i ord.")
    indicators: list[IndikatorRef] = Field(
        default_factory=list, alias="indikatorer", description="Indikatorer som mäter målet."
    )


class Avsnitt(BfaModel):
    """A section of the document's own prose."""

    heading: str = Field(alias="rubrik", description="Avsnittets rubrik.")
    text: str = Field(
        alias="text",
        description="Avsnittets text (Markdown tillåts inte; texten återges som den står).",
    )
    points: list[str] = Field(default_factory=list, alias="punkter", description="Punktlista.")
    after: OrganRef | None = Field(
        None,
        alias="efter",
        description="Organet (id) vars beskrivning avsnittet står direkt efter, under "
        "organisationen, t.ex. lfr. Utan: avsnittet står efter organisationen.",
    )


class Dokument(Entity):
    type: DokumentTyp = Field(alias="typ", description="Slag av styrdokument.")
    title: str = Field(alias="titel", description="Dokumentets titel.")
    adopted_by: OrganRef | None = Field(
        None, alias="antagen_av", description="Organet som antog dokumentet."
    )
    date: DateOrPartial | None = Field(
        None,
        alias="datum",
        description="Datum för antagandet (ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM/ÅÅÅÅ om bara det är känt).",
    )
    status: DokumentStatus | None = Field(
        None,
        alias="status",
        description="utkast, gällande, inaktuellt, ska_upphävas, upphävt eller ersatt. "
        "Utan status: ersatt om ersatt_av är angivet, utkast om antagen_av och datum "
        "saknas, annars gällande.",
    )
    replaced_by: DokumentRef | None = Field(
        None,
        alias="ersatt_av",
        title="ersatt av",
        description="Dokumentet som ersätter det här (id i dokument/).",
    )
    paragraph: str | None = Field(None, alias="paragraf", description="Paragraf, t.ex. '§ 142'.")
    record_number: str | None = Field(
        None, alias="diarienummer", description="Diarienummer, t.ex. 'KS 2024/70'."
    )
    valid_from: dt.date | None = Field(None, alias="gäller_från", description="Gäller från.")
    valid_to: dt.date | None = Field(None, alias="gäller_till", description="Gäller till.")
    applies_to: str | None = Field(
        None, alias="gäller_för", description="Vilka dokumentet gäller för."
    )
    audience: str | None = Field(
        None, alias="intressenter", description="Vilka dokumentet vänder sig till."
    )
    revision: Revidering | None = Field(
        None,
        alias="revideras",
        title="revidering",
        description="När dokumentet ska revideras eller prövas.",
    )
    responsible: FunktionRef | None = Field(
        None,
        alias="ansvarig",
        title="ansvarig funktion",
        description="Funktionen som tar fram och förvaltar dokumentet.",
    )
    responsible_organ: OrganRef | None = Field(
        None, alias="ansvarigt_organ", description="Ansvarigt politiskt organ."
    )
    responsible_unit: str | None = Field(
        None, alias="ansvarig_förvaltning", description="Ansvarig förvaltning/delegat/chef."
    )
    registry: str | None = Field(None, alias="diarium", description="Diariet den diarieförs i.")
    published_at: str | None = Field(None, alias="publiceras", description="Var den publiceras.")
    replaces: str | None = Field(None, alias="ersätter", description="Vad dokumentet ersätter.")
    authors: list[str] = Field(default_factory=list, alias="författare", description="Författare.")
    parties: list[AktorRef] = Field(
        default_factory=list, alias="parter", description="Parter (överenskommelser, löften)."
    )
    signed_by: list[FunktionRef] = Field(
        default_factory=list, alias="undertecknas_av", description="Funktioner som undertecknar."
    )
    based_on: list[LagesbildRef] = Field(
        default_factory=list, alias="grundas_på", description="Lägesbilder dokumentet bygger på."
    )
    problems: list[ProblemRef] = Field(
        default_factory=list, alias="problem", description="Problem som behandlas."
    )
    causes: list[OrsakRef] = Field(
        default_factory=list, alias="orsaker", description="Orsaker som behandlas."
    )
    goals: list[Mal] = Field(default_factory=list, alias="mål", description="Mål.")
    goal_area: str | None = Field(None, alias="målområde", description="Målområde.")
    sub_goal: str | None = Field(None, alias="delmål", description="Delmål.")
    citizen_dialogue: str | None = Field(
        None, alias="medborgardialog", description="Hur medborgardialogen gått till."
    )
    documentation: str | None = Field(
        None, alias="dokumentation", description="Hur samverkan dokumenteras."
    )
    follow_up: str | None = Field(
        None, alias="uppföljning", description="Hur dokumentet följs upp."
    )
    implementation: str | None = Field(
        None, alias="genomförande", description="Plan för genomförandet."
    )
    part_of: DokumentRef | None = Field(
        None, alias="del_av", description="Övergripande dokument det här hör till."
    )
    sections: list[Avsnitt] = Field(
        default_factory=list, alias="avsnitt", description="Dokumentets egen text."
    )

    @field_validator("replaced_by")
    @classmethod
    def _replaced(cls, value: str | None, info: ValidationInfo) -> str | None:
        status = info.data.get("status")
        if value and status in ("utkast", "gällande"):
            raise ValueError(
                f"ett dokument med status {status} kan inte vara ersatt; ta bort ersatt_av "
                "eller ändra status (ersatt, upphävt, ska_upphävas eller inaktuellt)"
            )
        return value

    @model_validator(mode="after")
    def _dates(self) -> Dokument:
        if self.valid_from and self.valid_to and self.valid_to < self.valid_from:
            raise ValueError("gäller_till ligger före gäller_från")
        return self

    @property
    def effective_status(self) -> DokumentStatus:
        """The status written, else derived: ersatt when ersatt_av names its successor,
        utkast when neither antagen_av nor datum is known, else gällande.

        A document that was adopted but whose date is unknown is not a draft.
        """
        if self.status is not None:
            return self.status
        if self.replaced_by:
            return "ersatt"
        return "gällande" if self.adopted_by or self.date else "utkast"

    @property
    def in_force(self) -> bool:
        """True when the document governs today (gällande or ska_upphävas, not yet withdrawn)."""
        return self.effective_status in ("gällande", "ska_upphävas")

    @property
    def out_of_date(self) -> bool:
        """True for inaktuellt, upphävt and ersatt: nothing should rely on it any more."""
        return self.effective_status in OUT_OF_DATE

    @property
    def status_label(self) -> str:
        """The status in Swedish, e.g. 'Utkast – ännu inte antaget' or 'Ersatt'."""
        return DOKUMENT_STATUS_LABEL[self.effective_status]
