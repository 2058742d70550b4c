"""Catalog rows: collaborations across municipalities (``slag: samverkan``)."""

from __future__ import annotations

from ._row import BFA, E, Rule, W

ROWS: tuple[Rule, ...] = (
    Rule(
        "SAMVERKAN-FORRAD",
        E,
        BFA,
        "",
        "Samverkans förråd går inte att läsa",
        "Samverkan '{id}' ({label}) går inte att använda: {reason}",
        "{hint}",
        scope=(
            "Samverkans förråd som 'ingår_i_samverkan' hänvisar till finns "
            "(sökväg, eller lokal klon vid git och revision) och har 'slag: samverkan'."
        ),
    ),
    Rule(
        "SAMVERKAN-DEL",
        E,
        BFA,
        "",
        "Delad del som inte finns i samverkans förråd",
        "'{ref}' finns inte i {name}s förråd.",
        "{hint}",
        scope=("Varje del under 'delar:' (t.ex. organ/samverkansgrupp) finns i samverkans förråd."),
    ),
    Rule(
        "SAMVERKAN-MEDLEM",
        W,
        BFA,
        "",
        "Kommunen saknas bland samverkans medlemmar",
        "{name} står inte bland medlemmarna i {collaboration} ({label}/bfa.yaml).",
        "Lägg till kommunen under 'medlemmar:' i samverkans bfa.yaml, eller rätta 'namn'.",
        scope="Kommunen står bland samverkans 'medlemmar' (namn eller kommunkod).",
    ),
)
