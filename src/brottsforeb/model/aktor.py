"""aktorer/<id>.yaml: an organisation taking part in the work."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import AktorRef, Entity

AktorTyp = Literal[
    "kommun",
    "förvaltning",
    "kommunalt bolag",
    "myndighet",
    "region",
    "länsstyrelse",
    "företag",
    "förening",
    "trossamfund",
    "lärosäte",
    "annan",
]


class Aktor(Entity):
    name: str = Field(alias="namn", description="Organisationens namn.")
    type: AktorTyp = Field(alias="typ", description="Slag av aktör.")
    part_of: AktorRef | None = Field(
        None, alias="del_av", description="Aktören den här är en del av (id i aktorer/)."
    )
    website: str | None = Field(None, alias="webbplats", description="Webbplats.")
