"""A person who holds a function: name and contact details, checked before they are used.

The address becomes a mailto: link and a calendar ATTENDEE, the number a tel: text; both
are left out of public renderings (``render --public``).
"""

from __future__ import annotations

import datetime as dt
import re

from pydantic import Field, field_validator

from ._base import BfaModel

__all__ = ["Person"]

#: One plain address: local@domain.tld, none of the characters that end or extend
#: an address in a mailto: link or an iCalendar property.
_EMAIL = re.compile(r"[^\s@;:,<>\"'()\[\]\\]+@[^\s@;:,<>\"'()\[\]\\]+\.[^\s@;:,<>\"'()\[\]\\.]+")
#: Digits with the separators Swedish numbers are written with (Word's en dash included).
_PHONE = re.compile(r"\+?[0-9(][0-9 \u00a0()\-\u2013/.]{3,30}")


class Person(BfaModel):
    """A person holding a function. Left out of public renderings."""

    name: str = Field(alias="namn", description="Personens namn.")
    email: str | None = Field(None, alias="e_post", title="e-post", description="E-postadress.")
    phone: str | None = Field(None, alias="telefon", description="Telefonnummer.")
    since: dt.date | None = Field(
        None,
        alias="sedan",
        description="Dagen personen fick funktionen. Kallelser och protokoll från möten före "
        "den dagen nämner inte personen (den som var där då är en annan).",
    )

    @field_validator("email")
    @classmethod
    def _email(cls, value: str | None) -> str | None:
        # The address becomes a mailto: and a calendar ATTENDEE: one plain address only.
        if value is not None and not _EMAIL.fullmatch(value):
            raise ValueError(
                "ska vara en e-postadress, t.ex. fornamn.efternamn@kommun.se "
                "(ett @, inga mellanslag, semikolon, kolon eller kommatecken)"
            )
        return value

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str | None) -> str | None:
        if value is not None and not (
            _PHONE.fullmatch(value) and sum(c.isdigit() for c in value) >= 5
        ):
            raise ValueError(
                "ska vara ett telefonnummer, t.ex. 0560-160 00 eller +46 560 160 00 "
                "(siffror, mellanslag, bindestreck, parenteser)"
            )
        return value
