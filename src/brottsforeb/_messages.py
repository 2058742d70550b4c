"""Pydantic validation errors as Swedish findings at the right line and column."""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from typing import Any

from pydantic import BaseModel, ValidationError

from ._cadence_words import cadence_from_words
from ._ids import ID, ascii_id, fold
from ._scan import hidden, without_hidden
from ._yaml import ParsedYaml
from .findings import Finding, from_catalog
from .model._walk import KeyPath, aliases, description, model_at, ref_kind_at

#: The repository's ids by kind ('funktioner' → {'samordnare', …}).
Known = Mapping[str, Collection[str]]

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


def suggest(word: str, choices: Iterable[str]) -> str | None:
    """The closest choice, compared in lower case and without accents, so a word typed
    with å, ä and ö finds the ascii id and the other way round ('trygghetsråd' →
    'trygghetsradet', 'ledamoter' → 'ledamöter'). Of equally close choices, the one
    closest as written wins, then (as difflib has it) the last in sort order."""
    matcher = difflib.SequenceMatcher()
    matcher.set_seq2(fold(word))
    best: tuple[float, float, str] = (_CUTOFF, 0.0, "")
    hit = None
    for choice in choices:
        matcher.set_seq1(fold(choice))
        if matcher.real_quick_ratio() < best[0] or matcher.quick_ratio() < best[0]:
            continue
        score = (matcher.ratio(), difflib.SequenceMatcher(None, word, choice).ratio(), choice)
        if score[0] >= best[0] and score > best:
            best, hit = score, choice
    return hit


_CUTOFF = 0.6


def did_you_mean(
    word: str,
    choices: Iterable[str],
    listing: str = "",
    *,
    show: Callable[[str], str] = "'{}'".format,
    limit: int = 12,
    listed: Sequence[str] | None = None,
) -> str:
    """The one hint for a word bfa does not know: "Menade du 'x'?" for the closest of
    ``choices`` (see ``suggest``), then, when ``listing`` names them, the choices
    ("Tillåtna värden: a, b, c."), at most ``limit`` of them, or ``listed`` when only
    those are to be shown (the latest meeting dates). Empty when neither."""
    options = list(choices)
    guess = suggest(word, options)
    parts = [f"Menade du {show(guess)}?"] if guess else []
    shown = options if listed is None else list(listed)
    if listing and shown:
        more = "…" if len(shown) > limit else "."
        parts.append(f"{listing}: {', '.join(shown[:limit])}{more}")
    return " ".join(parts)


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


def _id_hint(
    value: str, pattern: str, cls: type[BaseModel], loc: KeyPath, known: Known | None
) -> tuple[str, dict[str, str]]:
    """The case of SCHEMA for a bad id and what it was meant to be (F17).

    The value written as an id ('Förebyggande-Samordnare' → 'forebyggande-samordnare';
    a name with spaces gets none). With ``known`` (the repository's ids by kind), when
    that is no id of the kind the key refers to, also the closest id that is
    ('trygghetsråd' → 'trygghetsradet'). A part 'lägesbild-id/del-id' is written side
    by side ('lb/Klötter' → 'lb/klotter')."""
    if "/" in pattern:
        written = fold(value.strip())
        if re.fullmatch(pattern, written):
            return "id-del-förslag", {"guess": written}
        return "id-del", {}
    fixed = ascii_id(value) if "/" not in value and " " not in value.strip() else ""
    fixed = fixed if fixed and fixed != value and re.fullmatch(ID, fixed) else ""
    kind = ref_kind_at(cls, loc)
    if kind is not None and "funktioner" in kind.split("|") and _PERSON.match(value.strip()):
        # 'ansvarig: Anna Svensson': a person where the role belongs (the role stays when
        # the person leaves; the name is innehavare.namn in the function's file)
        ids = sorted((known or {}).get("funktioner", ()))
        example = next((i for w in ("samordnare", "chef") for i in ids if w in i), None)
        return "id-person", {"example": example or (ids[0] if ids else "samordnare")}
    if known is not None and kind is not None:
        ids = sorted({i for k in kind.split("|") for i in known.get(k, ())})
        if fixed not in ids and (guess := suggest(value, ids)):
            if fixed:
                return "id-form-förslag", {"fixed": fixed, "guess": guess}
            return "id-förslag", {"guess": guess}
    return ("id-form", {"fixed": fixed}) if fixed else ("id", {})


_MONTHS = [
    "januari", "februari", "mars", "april", "maj", "juni",
    "juli", "augusti", "september", "oktober", "november", "december",
]  # fmt: skip
_DAY_MONTH_YEAR = re.compile(r"^\s*(\d{1,2})\s*(?:\.|:e|:a)?\s+([a-zåäö]+)\.?\s+(\d{4})\s*$")


def _date_in_words(value: Any, key: str) -> str | None:
    """``2024-06-01`` for "1 juni 2024"; for a year alone, the day a start or an end
    means ("2026" as ``slut``: 2026-12-31); None for anything else."""
    text = str(value).strip().lower() if isinstance(value, str | int) else ""
    if re.fullmatch(r"\d{4}", text) and 1900 <= int(text) <= 2200:
        return f"{text}-01-01" if key in ("start", "gäller_från", "inrättad") else f"{text}-12-31"
    m = _DAY_MONTH_YEAR.match(text)
    if not m:
        return None
    day, month, year = m.groups()
    names = [n for n in _MONTHS if n.startswith(month[:3])] if len(month) >= 3 else []
    if len(names) != 1:
        return None
    try:
        return dt.date(int(year), _MONTHS.index(names[0]) + 1, int(day)).isoformat()
    except ValueError:
        return None


def _is_cadence(cls: type[BaseModel], loc: KeyPath) -> bool:
    """Whether the value at ``loc`` is a cadence (a Frekvens mapping)."""
    from .model._base import Frekvens

    inner = model_at(cls, loc)
    return inner is not None and issubclass(inner, Frekvens)


def _case(
    err: Any,
    cls: type[BaseModel],
    parsed: ParsedYaml | None = None,
    text: str = "",
    known: Known | None = None,
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
        fixed = _date_in_words(value, str(loc[-1]) if loc else "")
        if fixed:  # "1 juni 2024", "2026": the date it was meant to be, in its form
            args["fixed"] = fixed
            return "datum-förslag", args, loc, False
        return "datum", args, loc, False
    if kind == "string_pattern_mismatch":
        pattern = str(ctx.get("pattern", ""))
        if ID in pattern:  # an id, a part (lägesbild-id/del-id) or a meeting id
            what = hidden(value) if isinstance(value, str) else None
            if what:  # 'samordnare' with a zero-width space pasted in front: looks right
                args.update(what=what, value=_short(without_hidden(value)))
                return "id-osynligt", args, loc, False
            if isinstance(value, str):
                case, extra = _id_hint(value, pattern, cls, loc, known)
                args.update(extra)
                return case, args, loc, False
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
    if kind in _TYPE_CASES and _TYPE_CASES[kind] == "sant-falskt" and isinstance(value, str):
        meant = {"ja": "true", "nej": "false", "sant": "true", "falskt": "false"}.get(
            value.strip().lower()
        )
        if meant:  # 'vakant: ja': YAML's yes is true, Swedish 'ja' is a text
            args["fixed"] = meant
            return "sant-falskt-förslag", args, loc, False
    if kind in _TYPE_CASES and _TYPE_CASES[kind] == "lista" and isinstance(value, str):
        parts = [p.strip() for p in re.split(r"[,;]| och ", value) if p.strip()]
        if len(parts) > 1 and all(" " not in p and len(p) <= 80 for p in parts):
            # 'ledamöter: samordnare, kommunpolis': the list it was meant to be, in YAML
            args["fixed"] = "[" + ", ".join(parts) + "]"
            return "lista-förslag", args, loc, False
    if kind in _TYPE_CASES and _TYPE_CASES[kind] == "mappning" and _is_cadence(cls, loc):
        # 'möten: 4 gånger per år' (the guide's words, not its YAML): say the YAML
        fixed = cadence_from_words(value) if isinstance(value, str) else None
        args["fixed"] = fixed or "{antal: 4, per: år}"
        return ("mappning-frekvens-förslag" if fixed else "mappning-frekvens"), args, loc, False
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


#: A person's name: two or three capitalised words of letters ("Anna Svensson").
_PERSON = re.compile(r"^[A-ZÅÄÖÉ][a-zåäöéü]+(?:[ -][A-ZÅÄÖÉ][a-zåäöéü]+){1,2}$")

#: The bad ids in one file that are compared with the repository's ids.
_GUESSES = 20
#: Schema errors of one file told one by one; the rest are counted in one more finding.
MAX_SCHEMA_FINDINGS = 100


def schema_findings(
    exc: ValidationError,
    cls: type[BaseModel],
    parsed: ParsedYaml,
    file: str,
    text: str = "",
    known: Known | None = None,
) -> list[Finding]:
    """The findings of a model's errors; ``text`` (the file's) lets a hint quote it, and
    ``known`` (the repository's ids by kind) lets a bad id be told which one was meant:
    for the first ``_GUESSES`` of them, so a file of thousands of bad ids reads fast."""
    out = []
    searched = 0
    errors = exc.errors(include_url=False)
    for err in errors[:MAX_SCHEMA_FINDINGS]:
        case, args, loc, at_key = _case(err, cls, parsed, text, known)
        searched += case.startswith("id")
        if searched >= _GUESSES:
            known = {}  # a bad id from here on gets the rule, not a search
        line, col = parsed.where(loc, key=at_key)
        out.append(from_catalog("SCHEMA", file, line, col, case, **args))
    if len(errors) > MAX_SCHEMA_FINDINGS:
        # 70 000 unknown keys in one file took 21 s and 336 MB to tell one by one; the
        # first ones show what is wrong, the rest are counted
        rest = len(errors) - MAX_SCHEMA_FINDINGS
        line, col = parsed.where(tuple(errors[MAX_SCHEMA_FINDINGS]["loc"]))
        out.append(
            from_catalog("SCHEMA", file, line, col, "fler", n=f"{rest:,}".replace(",", "\u00a0"))
        )
    return out
