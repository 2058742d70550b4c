"""Ids from names, and the template placeholder: small helpers rules, history and
scaffolding share (a pure rule must not import the module that runs ``git init``)."""

from __future__ import annotations

import re
import unicodedata

from .errors import UsageError

__all__ = [
    "ID",
    "ID_PATTERN",
    "MEETING_ID",
    "MEETING_PATTERN",
    "PART_PATTERN",
    "PLACEHOLDER",
    "WINDOWS_RESERVED",
    "ascii_id",
    "fold",
    "no_personnummer",
    "slug",
]

#: One id, the one pattern every id follows: a file name without .yaml — lower-case
#: a–z, digits and hyphens, not starting with a hyphen ('forebyggande-samordnare').
ID = r"[a-z0-9][a-z0-9-]*"
#: A whole value that is one id (a Pydantic ``pattern``).
ID_PATTERN = rf"^{ID}$"
#: A part of a lägesbild: 'lägesbild-id/del-id'.
PART_PATTERN = rf"^{ID}/{ID}$"
#: A meeting's id, its file name: the date and the body's id ('2026-03-10-styrgrupp'),
#: with the two as groups.
MEETING_ID = rf"(\d{{4}}-\d{{2}}-\d{{2}})-({ID})"
MEETING_PATTERN = rf"^\d{{4}}-\d{{2}}-\d{{2}}-{ID}$"

#: Start of every text the coordinator still has to write.
PLACEHOLDER = "FYLL I"

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "æ": "ae", "ø": "o", "ß": "ss"})


def fold(text: str) -> str:
    """``text`` in lower case without accents (å→a, ä→a, ö→o, é→e, ü→u): how an id
    is written, and how a word is compared with the ones bfa knows."""
    text = unicodedata.normalize("NFKD", text.lower().translate(_FOLD))
    return "".join(c for c in text if not unicodedata.combining(c))


def ascii_id(name: str) -> str:
    """``name`` as ASCII lower case, digits and hyphens (å→a, ä→a, ö→o, é→e); may be empty."""
    text = fold(name.strip())
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].rstrip("-")


#: Names Windows reserves for devices: ``aux.yaml`` cannot be created or checked out there.
WINDOWS_RESERVED = frozenset(
    ["con", "prn", "aux", "nul"] + [f"{d}{i}" for d in ("com", "lpt") for i in range(1, 10)]
)


def no_personnummer(text: str, what: str = "Namnet") -> None:
    """Refuse ``text`` (a name or id given on the command line) holding a personnummer:
    it would become a file name, an id and a value in the repository. Nothing is written
    and the number is not echoed."""
    from ._pii import find_personnummer

    for _line, _col, kind, masked in find_personnummer(text):
        raise UsageError(
            f"{what} innehåller ett {kind} ({masked}); inget har skrivits.",
            hint="Uppgifter om enskilda personer får inte finnas i förrådet. "
            "Använd funktionen eller organisationen i stället för personen.",
        )


def slug(name: str) -> str:
    """An id for ``name`` (see ``ascii_id``); an error when the name gives none."""
    no_personnummer(name)
    out = ascii_id(name)
    if not out:
        raise UsageError(
            f"Namnet '{name}' ger inget id.",
            hint="Använd ett namn med bokstäver eller siffror, eller ange --id.",
        )
    if out in WINDOWS_RESERVED:
        raise UsageError(
            f"'{out}' kan inte vara ett filnamn i Windows (ett reserverat namn).",
            hint=f"Ange ett annat id med --id, t.ex. --id {out}-grupp.",
        )
    return out
