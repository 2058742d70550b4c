"""funktioner/<id>.yaml: a function or role that the work hangs on."""

from __future__ import annotations

from pydantic import Field, ValidationInfo, field_validator

from ._base import AktorRef, Entity, FunktionRef
from ._person import Person


class Funktion(Entity):
    title: str = Field(alias="titel", description="Funktionens benämning, t.ex. 'Skolchef'.")
    actor: AktorRef | None = Field(
        None, alias="aktör", description="Organisationen funktionen tillhör (id i aktorer/)."
    )
    placement: str | None = Field(
        None,
        alias="placering",
        description="Var funktionen är placerad, t.ex. 'Fritidsavdelningen'.",
    )
    holder: Person | None = Field(
        None,
        alias="innehavare",
        description="Personen som har funktionen (utelämnas i offentliga dokument).",
    )
    deputy: FunktionRef | None = Field(
        None, alias="ersättare", description="Funktionen som ersätter vid frånvaro."
    )
    tasks: list[str] = Field(default_factory=list, alias="uppgifter", description="Uppgifter.")
    extent_percent: int | None = Field(
        None,
        alias="tjänstgöringsgrad",
        ge=1,
        le=100,
        description="Hur stor del av en heltid uppdraget är, i procent.",
    )
    count: str | None = Field(
        None, alias="antal", description="När funktionen är flera personer, t.ex. 'samtliga'."
    )
    vacant: bool = Field(
        False,
        alias="vakant",
        description="true när funktionen finns men ingen har den just nu.",
    )

    @field_validator("vacant")
    @classmethod
    def _vacancy(cls, value: bool, info: ValidationInfo) -> bool:
        if value and info.data.get("holder") is not None:
            raise ValueError(
                "en vakant funktion har ingen innehavare; ta bort vakant eller innehavare"
            )
        return value
