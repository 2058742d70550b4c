"""Ids from names, and the template placeholder: small helpers rules, history and
scaffolding share (a pure rule must not import the module that runs ``git init``)."""

from __future__ import annotations

import re
import unicodedata

from .errors import UsageError

__all__ = ["PLACEHOLDER", "ascii_id", "slug"]

#: Start of every text the coordinator still has to write.
PLACEHOLDER = "FYLL I"

_FOLD = str.maketrans({"å": "a", "ä": "a", "ö": "o", "é": "e", "æ": "ae", "ø": "o", "ß": "ss"})


def ascii_id(name: str) -> str:
    """``name`` as ASCII lower case, digits and hyphens (å→a, ä→a, ö→o, é→e); may be empty."""
    text = name.strip().lower().translate(_FOLD)
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")[:80].rstrip("-")


def slug(name: str) -> str:
    """An id for ``name`` (see ``ascii_id``); an error when the name gives none."""
    out = ascii_id(name)
    if not out:
        raise UsageError(
            f"Namnet '{name}' ger inget id.",
            hint="Använd ett namn med bokstäver eller siffror, eller ange --id.",
        )
    return out
