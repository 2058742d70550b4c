"""Pydantic validation errors as Swedish findings at the right line and column."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from typing import Any

from pydantic import BaseModel, ValidationError

from ._ids import ID, ascii_id
from ._scan import hidden, without_hidden
from ._yaml import ParsedYaml
from .findings import Finding, from_catalog
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


def _invisible_shown(text: str) -> str:
    """``text`` with characters that do not show (no-break and other spaces, zero-width
    characters, soft hyphen, BOM) written as \\u00a0, so the message can be acted on."""
    import unicodedata

    return "".join(
        f"\\u{ord(c):04x}"
        if c != " " and unicodedata.category(c) in ("Zs", "Cf", "Zl", "Zp")
        else c
        for c in text
    )


def _short(value: Any) -> str:
    """A value quoted in a message: one line (a line break shown as \\n), at most 40."""
    from ._escape import one_line

    text = one_line(str(value))
    return text if len(text) <= 40 else text[:37] + "…"


#: A number written with a Swedish decimal comma ("5,2", "-0,5").
_COMMA = re.compile(r"^\s*[-+]?\d+,\d+\s*$")

#: Pydantic error types → the catalog's case of SCHEMA (rules/catalog/).
_TYPE_CASES: dict[str, str] = {
    "string_type": "text",
    "int_type": "heltal",
    "int_parsing": "heltal",
    "int_from_float": "heltal",
    "float_type": "tal",
    "float_parsing": "tal",
    "finite_number": "ändligt-tal",
    "bool_type": "sant-falskt",
    "bool_parsing": "sant-falskt",
    "list_type": "lista",
    "model_type": "mappning",
    "model_attributes_type": "mappning",
    "dict_type": "mappning",
    "greater_than_equal": "minst",
    "greater_than": "minst",
    "less_than_equal": "högst",
    "less_than": "högst",
}


def _number(limit: object) -> object:
    """A bound as Swedes write it: 1 000 000 000 000, not 1000000000000.0."""
    if isinstance(limit, float) and limit.is_integer():
        limit = int(limit)
    if isinstance(limit, int) and abs(limit) >= 10_000:
        return f"{limit:,}".replace(",", " ")
    return limit


def _decimal_comma(err: Any, parsed: ParsedYaml, text: str) -> str | None:
    """``{värde: 5,1}``: YAML reads the number 5 and a key ``1``. The number as it was
    meant (``5.1``), read from the file's text left of the unknown key; None otherwise."""
    key = err["loc"][-1]
    if not text or not str(key).isdigit():
        return None
    line, col = parsed.where(tuple(err["loc"]), key=True)
    lines = text.splitlines()
    if not 0 < line <= len(lines):
        return None
    row = lines[line - 1]
    whole = re.search(r"(-?\d+),\s*$", row[: col - 1])
    frac = re.match(r"\d+", row[col - 1 :])
    return f"{whole.group(1)}.{frac.group(0)}" if whole and frac else None


def _case(
    err: Any, cls: type[BaseModel], parsed: ParsedYaml | None = None, text: str = ""
) -> tuple[str, dict[str, Any], tuple[str | int, ...], bool]:
    """(case of SCHEMA, template arguments, loc for the position, point at the key?)"""
    kind: str = err["type"]
    loc: tuple[str | int, ...] = tuple(err["loc"])
    ctx: dict[str, Any] = err.get("ctx") or {}
    value = err.get("input")
    args: dict[str, Any] = {"key": key_path(loc), "value": _short(value)}
    if kind == "missing":
        parent = model_at(cls, loc[:-1])
        args["description"] = description(parent, str(loc[-1])) if parent else ""
        return "saknas", args, loc[:-1], False
    if kind == "extra_forbidden" and parsed is not None:
        fixed = _decimal_comma(err, parsed, text)
        if fixed:
            whole, part = fixed.split(".")
            args.update(fixed=fixed, whole=whole, part=part, where=key_path(loc[:-1]))
            return "okänd-nyckel-decimalkomma", args, loc, True
    if kind == "extra_forbidden":
        parent = model_at(cls, loc[:-1])
        allowed = aliases(parent) if parent else []
        args["guess"] = suggest(str(loc[-1]), allowed)
        args["allowed"] = ", ".join(allowed)
        args["key"] = _invisible_shown(str(args["key"]))  # 'namn\u00a0', 'typ\u200b'
        return ("okänd-nyckel-förslag" if args["guess"] else "okänd-nyckel"), args, loc, True
    if kind == "literal_error":
        options = _QUOTED.findall(str(ctx.get("expected", "")))
        args["guess"] = suggest(str(value), options) if isinstance(value, str) else None
        args["allowed"] = ", ".join(options)
        return ("ogiltigt-värde-förslag" if args["guess"] else "ogiltigt-värde"), args, loc, False
    if kind.startswith("date") or kind.startswith("datetime"):
        if isinstance(value, str) and _ISO.match(value):
            y, m, d = (int(p) for p in value.split("-"))
            try:  # 2019-2-3 exists: only its form is wrong (it said "finns inte")
                args["fixed"] = dt.date(y, m, d).isoformat()
            except ValueError:
                return "datum-finns-inte", args, loc, False
            return "datum-form", args, loc, False
        return "datum", args, loc, False
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if ID in pattern:  # an id, a part (lägesbild-id/del-id) or a meeting id
            what = hidden(value) if isinstance(value, str) else None
            if what:  # 'samordnare' with a zero-width space pasted in front: looks right
                args.update(what=what, value=_short(without_hidden(value)))
                return "id-osynligt", args, loc, False
            if isinstance(value, str) and "/" not in pattern + value and " " not in value.strip():
                fixed = ascii_id(value)  # 'förebyggande-samordnare', 'Styrgrupp' → the id form
                if fixed and fixed != value and re.fullmatch(ID, fixed):
                    args["fixed"] = fixed
                    return "id-form", args, loc, False
            return ("id-del" if "/" in pattern else "id"), args, loc, False
        if pattern == r"^\d{4}$":
            return "årtal", args, loc, False
    if kind in _TYPE_CASES and isinstance(value, str) and _COMMA.match(value):
        args["fixed"] = value.strip().replace(",", ".")
        if _TYPE_CASES[kind] == "heltal":
            low = int(float(args["fixed"]) // 1)
            args["options"] = f"{low} eller {low + 1}"
            return "heltal-decimalkomma", args, loc, False
        return "tal-decimalkomma", args, loc, False
    if kind in _TYPE_CASES:
        args["limit"] = _number(next((ctx[k] for k in ("ge", "gt", "le", "lt") if k in ctx), ""))
        return _TYPE_CASES[kind], args, loc, False
    if kind == "value_error" and str(ctx.get("error", "")).startswith(("får ", "ska ")):
        args["text"] = str(ctx["error"])
        return "skalär", args, loc, False
    if kind in ("value_error", "assertion_error"):
        text = str(ctx.get("error", err.get("msg", "")))
        args["text"] = text[0].upper() + text[1:] if text else "Ogiltigt värde"
        args["where"] = f" ('{args['key']}')" if loc else ""
        return "modellen", args, loc, False
    return "", args, loc, False


def schema_findings(
    exc: ValidationError, cls: type[BaseModel], parsed: ParsedYaml, file: str, text: str = ""
) -> list[Finding]:
    """The findings of a model's errors; ``text`` (the file's) lets a hint quote it."""
    out = []
    for err in exc.errors(include_url=False):
        case, args, loc, at_key = _case(err, cls, parsed, text)
        line, col = parsed.where(loc, key=at_key)
        out.append(from_catalog("SCHEMA", file, line, col, case, **args))
    return out
