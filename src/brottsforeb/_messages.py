"""Pydantic validation errors as Swedish findings at the right line and column."""

from __future__ import annotations

import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ._yaml import ParsedYaml
from .findings import Finding, Severity
from .model._walk import aliases, description, model_at

_QUOTED = re.compile(r"'([^']*)'")
_ISO = re.compile(r"^\d{4}-\d{1,2}-\d{1,2}$")


def key_path(loc: tuple[str | int, ...]) -> str:
    """('möten', 'per') → 'möten.per'; ('ledamöter', 2) → 'ledamöter[3]' (1-based)."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part + 1}]"
        else:
            out += ("." if out else "") + part
    return out or "(filen)"


def suggest(word: str, choices: list[str]) -> str | None:
    """The closest choice, comparing without accents too (ledamoter → ledamöter)."""
    plain = {c.translate(_FOLD): c for c in choices}
    hit = difflib.get_close_matches(word.translate(_FOLD), list(plain), n=1, cutoff=0.6)
    return plain[hit[0]] if hit else None


_FOLD = str.maketrans("åäöéÅÄÖÉ", "aaoeAAOE")


def _short(value: Any) -> str:
    text = str(value)
    return text if len(text) <= 40 else text[:37] + "…"


def _translate(err: Any, cls: type[BaseModel]) -> tuple[str, str, tuple[str | int, ...], bool]:
    """(message, hint, loc for the position, point at the key?)"""
    kind: str = err["type"]
    loc: tuple[str | int, ...] = tuple(err["loc"])
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    name = key_path(loc)
    if kind == "missing":
        parent = model_at(cls, loc[:-1])
        hint = description(parent, str(loc[-1])) if parent else ""
        return f"Obligatorisk nyckel '{name}' saknas.", hint, loc[:-1], False
    if kind == "extra_forbidden":
        parent = model_at(cls, loc[:-1])
        allowed = aliases(parent) if parent else []
        guess = suggest(str(loc[-1]), allowed)
        hint = (
            f"Menade du '{guess}'?"
            if guess
            else "Tillåtna nycklar här: " + ", ".join(allowed) + "."
        )
        return f"Okänd nyckel '{name}'.", hint, loc, True
    if kind == "literal_error":
        options = _QUOTED.findall(str(ctx.get("expected", "")))
        guess = suggest(str(value), options) if isinstance(value, str) else None
        hint = f"Menade du '{guess}'?" if guess else "Tillåtna värden: " + ", ".join(options) + "."
        return f"Ogiltigt värde '{_short(value)}' för '{name}'.", hint, loc, False
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and _ISO.match(value):
            return (
                f"Datumet {value} finns inte ('{name}').",
                "Kontrollera dag och månad.",
                loc,
                False,
            )
        return f"'{name}' ska vara ett datum.", "Skriv datum som ÅÅÅÅ-MM-DD.", loc, False
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if "a-z0-9" in pattern:
            return (
                f"'{_short(value)}' är inget giltigt id ('{name}').",
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä och ö "
                "– samma som filnamnet utan .yaml"
                + (", och formen 'lägesbild-id/del-id'." if "/" in pattern else "."),
                loc,
                False,
            )
        if pattern == r"^\d{4}$":
            return f"'{name}' ska vara fyra siffror.", 'Skriv t.ex. "1737".', loc, False
        return f"'{name}' har fel form.", "", loc, False
    simple = {
        "string_type": (
            "ska vara text",
            "Sätt värdet inom citattecken om det ser ut som något annat.",
        ),
        "int_type": ("ska vara ett heltal", ""),
        "int_parsing": ("ska vara ett heltal", ""),
        "int_from_float": ("ska vara ett heltal", ""),
        "float_type": ("ska vara ett tal", "Använd punkt som decimaltecken, t.ex. 15.3."),
        "float_parsing": ("ska vara ett tal", "Använd punkt som decimaltecken, t.ex. 15.3."),
        "finite_number": (
            "ska vara ett ändligt tal",
            "nan och inf (oändligt) är inga mätvärden; skriv talet eller ta bort mätningen.",
        ),
        "bool_type": ("ska vara true eller false", ""),
        "bool_parsing": ("ska vara true eller false", ""),
        "list_type": ("ska vara en lista", "Skriv varje punkt på en egen rad som börjar med '- '."),
        "model_type": ("ska vara en mappning (nyckel: värde)", ""),
        "model_attributes_type": ("ska vara en mappning (nyckel: värde)", ""),
        "dict_type": ("ska vara en mappning (nyckel: värde)", ""),
        "string_too_short": ("får inte vara tomt", ""),
        "too_short": ("får inte vara en tom lista", ""),
    }
    if kind in simple:
        what, hint = simple[kind]
        return f"'{name}' {what}.", hint, loc, False
    if kind in ("greater_than_equal", "greater_than"):
        return f"'{name}' ska vara minst {ctx.get('ge', ctx.get('gt'))}.", "", loc, False
    if kind in ("less_than_equal", "less_than"):
        return f"'{name}' får vara högst {ctx.get('le', ctx.get('lt'))}.", "", loc, False
    if kind == "value_error" and str(ctx.get("error", "")).startswith(("får ", "ska ")):
        return f"'{name}' {ctx['error']}.", "", loc, False  # the one-line checks of _base
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", err.get("msg", "")))
        text = text[0].upper() + text[1:] if text else "Ogiltigt värde"
        where = f" ('{name}')" if loc else ""
        return f"{text}{where}.", "", loc, False
    return f"Ogiltigt värde för '{name}'.", "", loc, False


def schema_findings(
    exc: ValidationError, cls: type[BaseModel], parsed: ParsedYaml, file: str
) -> list[Finding]:
    out = []
    for err in exc.errors(include_url=False):
        message, hint, loc, at_key = _translate(err, cls)
        line, col = parsed.where(loc, key=at_key)
        out.append(Finding("SCHEMA", Severity.ERROR, message, file, line, col, hint, "schema"))
    return out
