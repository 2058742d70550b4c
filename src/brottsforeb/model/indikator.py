"""indikatorer/<id>.yaml: an indicator and its measured values."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import Field, model_validator

from .._numbers import SHARE_UNITS
from ._base import BfaModel, Entity, Frekvens

#: The largest measured value or target bfa accepts (a thousand billion).
MAX_VALUE = 1e12


class Kalla(BfaModel):
    type: Literal[
        "NTU",
        "Kolada",
        "skolenkät",
        "medborgarenkät",
        "polisens trygghetsmätning",
        "polisens statistik",
        "egen",
    ] = Field(alias="typ", description="Slag av källa.")
    kpi: str | None = Field(
        None, alias="kpi", title="Koladas KPI-id", description="Koladas KPI-id, t.ex. 'N07403'."
    )
    description: str | None = Field(None, alias="beskrivning", description="Vad som mäts och hur.")


class Matvarde(BfaModel):
    year: int | None = Field(None, alias="år", ge=1900, le=2200, description="Året värdet avser.")
    date: dt.date | None = Field(None, alias="datum", description="Mätdatum.")
    # A measured value larger than a thousand billion is a typo (1.7e308 drew a chart of
    # NaN coordinates, the range overflowing): refused with the bound named.
    value: float = Field(alias="värde", ge=-MAX_VALUE, le=MAX_VALUE, description="Värdet.")
    comment: str | None = Field(None, alias="kommentar", description="Kommentar.")

    @model_validator(mode="after")
    def _when(self) -> Matvarde:
        if self.year is None and self.date is None:
            raise ValueError("ange år eller datum för mätvärdet")
        return self

    @property
    def when(self) -> dt.date:
        """The date the value stands for (end of year for yearly values)."""
        if self.date is not None:
            return self.date
        assert self.year is not None
        return dt.date(self.year, 12, 31)

    @property
    def label(self) -> str:
        return str(self.year) if self.date is None else self.date.isoformat()


class Indikator(Entity):
    name: str = Field(alias="namn", description="Indikatorns namn.")
    description: str | None = Field(None, alias="beskrivning", description="Beskrivning.")
    source: Kalla = Field(alias="källa", description="Var värdena kommer ifrån.")
    unit: str = Field(alias="enhet", description="Enhet, t.ex. 'procent'.")
    direction: Literal["öka", "minska"] = Field(
        alias="riktning", description="Önskad riktning: öka eller minska."
    )
    target: float | None = Field(
        None, alias="mål", ge=-MAX_VALUE, le=MAX_VALUE, description="Målvärde."
    )
    target_text: str | None = Field(
        None, alias="mål_text", title="mål i ord", description="Målet i ord."
    )
    cadence: Frekvens = Field(alias="frekvens", description="Hur ofta indikatorn mäts.")
    values: list[Matvarde] = Field(
        default_factory=list, alias="mätvärden", description="Uppmätta värden."
    )

    @property
    def share(self) -> bool:
        """Whether the values are shares in percent (0–100), by the unit."""
        return self.unit.strip().lower() in SHARE_UNITS
