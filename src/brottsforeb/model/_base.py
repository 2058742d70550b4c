"""Shared types of the repository format: ids, references, cadences, decisions."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Annotated, Any, Literal, TypeAlias

from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    ValidationInfo,
    ValidatorFunctionWrapHandler,
    WithJsonSchema,
    WrapValidator,
    field_validator,
    model_validator,
)

from .._ids import ID_PATTERN, PART_PATTERN

SLUG = ID_PATTERN

#: Fields that are one line of text wherever they occur: a name, a title, a paragraph or
#: diary number, an address. Empty (after trimming) names and titles are errors; a line
#: break of any kind (LF, CR, NEL U+0085, U+2028/2029, vertical tab, form feed) is an error
#: in all of them, since it would start a new block in a Markdown or Typst document.
ONE_LINE_FIELDS = frozenset(
    {"name", "title", "paragraph", "record_number", "email", "phone", "place", "time", "link"}
    | {"website"}
)
#: Fields that become a clickable link (a calendar event's URL, "Anslut digitalt: …"):
#: only web and Teams addresses, never javascript:, data: or file:. A meeting's link
#: must say its scheme; a website may be a bare domain (www.torsby.se).
LINK_FIELDS = frozenset({"link", "website"})
_LINK_SCHEMES = ("https://", "http://", "msteams:")
_SCHEME = re.compile(r"^\s*[a-zA-Z][a-zA-Z0-9+.\-]*:")
NON_EMPTY_FIELDS = frozenset({"name", "title"})
#: Longest one-line value: a name or title past this is a mistake (a pasted document),
#: and PDF/A cannot hold a string much longer (Typst refused 32 767 characters).
MAX_ONE_LINE_CHARS = 500
#: Years bfa computes with. Deadlines are dates years ahead of the data, so a date near
#: the end of the calendar (9999-12-31) would overflow; no municipal record needs more.
MIN_YEAR = 1900
MAX_YEAR = 2199


def year_in_range(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


#: The fields ``BfaModel._one_line`` acts on: the one-line fields and every field that can
#: hold a date (by name, in any model). Validating every field instead (``"*"``) called it
#: for values it leaves alone, a twentieth of reading a file. tests/test_speed.py checks
#: every model's fields against this list.
CHECKED_FIELDS = (
    *sorted(ONE_LINE_FIELDS),
    *("by", "date", "end", "established", "recorded_from", "since", "start"),
    *("valid_from", "valid_to", "wind_down_by", "wound_down"),
)

_LINE_BREAKS = frozenset("\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029")


@dataclass(frozen=True)
class Ref:
    """Marks a string field as a reference to an entity of ``kind``.

    ``kind`` is a folder name (``funktioner``, ``organ`` …) or ``problem`` /
    ``orsak`` for ``lägesbild-id/del-id`` references into a lägesbild.
    """

    kind: str

    @property
    def kinds(self) -> tuple[str, ...]:
        """The folders a reference may point into (``funktioner|organ`` allows either)."""
        return tuple(self.kind.split("|"))


def _one_or_many(value: Any) -> Any:
    if value is None:
        return []
    if isinstance(value, str | int | dt.date):
        return [value]
    return value


class PartialDate(dt.date):
    """A date known only to the year (``1997``) or the month (``2012-08``).

    It compares and computes as its first day, so rules can use it like any date,
    but it shows as written: ``isoformat()`` and ``str()`` give ``1997`` or
    ``2012-08``, never an invented 01-01. ``last_day`` gives the other end.
    """

    # "dag" only for an instance made behind __new__'s back (date.replace in C): a full date
    _precision: Literal["år", "månad", "dag"] = "dag"

    def __new__(cls, year: int, month: int | None = None, day: int | None = None) -> Any:
        if day is not None:  # arithmetic builds a full date: it is one
            return dt.date(year, month or 1, day)
        self = super().__new__(cls, year, month or 1, 1)
        self._precision = "år" if month is None else "månad"
        return self

    def __reduce__(self) -> Any:
        if self._precision == "dag":
            return (dt.date, (self.year, self.month, self.day))
        return (PartialDate, (self.year, self.month if self._precision == "månad" else None))

    @property
    def precision(self) -> Literal["år", "månad", "dag"]:
        """How much of the date is known: år, månad (or dag)."""
        return self._precision

    def isoformat(self) -> str:
        if self._precision == "år":
            return f"{self.year:04d}"
        if self._precision == "månad":
            return f"{self.year:04d}-{self.month:02d}"
        return dt.date.isoformat(self)

    __str__ = isoformat

    def __repr__(self) -> str:
        return f"PartialDate({self.isoformat()!r})"

    @property
    def last_day(self) -> dt.date:
        if self._precision == "år":
            return dt.date(self.year, 12, 31)
        if self._precision == "månad":
            return dt.date(self.year, self.month, calendar.monthrange(self.year, self.month)[1])
        return dt.date(self.year, self.month, self.day)


def last_day(d: dt.date) -> dt.date:
    """The latest day ``d`` can mean: itself, or the end of a year or month known only so far."""
    return d.last_day if isinstance(d, PartialDate) else d


def date_text(d: dt.date | None) -> str:
    """A date as shown to users: ``2026-03-10``, ``2012-08`` or ``1997`` (empty for None)."""
    return "" if d is None else d.isoformat()


_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{1,2}))?$")


def _partial_date(value: Any, handler: ValidatorFunctionWrapHandler) -> Any:
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        return PartialDate(value)
    if isinstance(value, str) and (m := _PARTIAL.match(value.strip())):
        month = int(m[2]) if m[2] else None
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"månaden {m[2]} finns inte")
        return PartialDate(int(m[1]), month)
    return handler(value)


#: A date of adoption or establishment: a full date, or only the year or month when
#: that is all that is known (``1997``, ``2012-08``).
DateOrPartial: TypeAlias = Annotated[
    dt.date,
    WrapValidator(_partial_date),
    PlainSerializer(date_text, return_type=str, when_used="json"),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "string", "format": "date"},
                {"type": "string", "pattern": r"^\d{4}(-\d{2})?$"},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": "ÅÅÅÅ-MM-DD, eller bara ÅÅÅÅ-MM eller ÅÅÅÅ när mer inte är känt.",
        }
    ),
]


class BfaModel(BaseModel):
    """Base of every model: unknown keys are errors, keys are the Swedish aliases."""

    model_config = ConfigDict(
        extra="forbid",
        populate_by_name=True,
        coerce_numbers_to_str=True,
        str_strip_whitespace=True,
        validate_default=False,
        regex_engine="python-re",  # one cached compile per pattern instead of one per field
        # Validators are built on first use: the ~25 nested models (Frekvens, Beslut …)
        # then never build their own, only the nine file kinds do (halves start-up).
        defer_build=True,
        allow_inf_nan=False,  # värde: nan / inf / 1e400 are errors, not numbers
    )

    @field_validator(*CHECKED_FIELDS, mode="after", check_fields=False)
    @classmethod
    def _one_line(cls, value: Any, info: ValidationInfo) -> Any:
        if isinstance(value, dt.date) and not year_in_range(value.year):
            raise ValueError(f"ska vara ett datum mellan åren {MIN_YEAR} och {MAX_YEAR}")
        if isinstance(value, str) and info.field_name in ONE_LINE_FIELDS:
            if not value and info.field_name in NON_EMPTY_FIELDS:
                raise ValueError("får inte vara tomt")
            if len(value) > MAX_ONE_LINE_CHARS:
                raise ValueError(f"får vara högst {MAX_ONE_LINE_CHARS} tecken")
            if not _LINE_BREAKS.isdisjoint(value):
                raise ValueError("får bara vara en rad (radbrytning eller radavgränsare i texten)")
            if (
                info.field_name in LINK_FIELDS
                and not value.strip().lower().startswith(_LINK_SCHEMES)
                and (info.field_name == "link" or _SCHEME.match(value))
            ):
                raise ValueError("ska vara en webbadress som börjar med https:// (eller http://)")
        return value


class Entity(BfaModel):
    """An entity stored in its own file; the file stem is its id."""

    example_data: bool | list[str] = Field(
        False,
        alias="exempeldata",
        description="true om filens uppgifter är påhittade exempel och inte kommunens egna; "
        "eller en lista med de nycklar (t.ex. 'datum', 'möten.antal') vars värden är påhittade.",
    )

    @property
    def example_keys(self) -> list[str]:
        """The key paths marked as example data; ``["*"]`` when the whole file is."""
        if self.example_data is True:
            return ["*"]
        if isinstance(self.example_data, list):
            return list(self.example_data)
        return []

    note: str | None = Field(None, alias="anmärkning", description="Fri anmärkning.")
    unconfirmed: list[str] = Field(
        default_factory=list,
        alias="obekräftat",
        title="obekräftade uppgifter",
        description="Nycklar vars värden bfa fyllde i (bfa init/new) och som ingen ännu har "
        "bekräftat, t.ex. [inrättad, möten]. Stryk en nyckel ur listan när värdet stämmer.",
    )


def _slug(kind: str, what: str) -> Any:
    return Field(pattern=SLUG, description=f"id för {what} (filnamnet utan .yaml i {kind}/)")


FunktionRef: TypeAlias = Annotated[str, Ref("funktioner"), _slug("funktioner", "en funktion")]
AktorRef: TypeAlias = Annotated[str, Ref("aktorer"), _slug("aktorer", "en aktör")]
OrganRef: TypeAlias = Annotated[str, Ref("organ"), _slug("organ", "ett organ")]
DokumentRef: TypeAlias = Annotated[str, Ref("dokument"), _slug("dokument", "ett dokument")]
LagesbildRef: TypeAlias = Annotated[str, Ref("lagesbilder"), _slug("lagesbilder", "en lägesbild")]
AtgardRef: TypeAlias = Annotated[str, Ref("atgarder"), _slug("atgarder", "en åtgärd")]
IndikatorRef: TypeAlias = Annotated[str, Ref("indikatorer"), _slug("indikatorer", "en indikator")]
ProblemRef = Annotated[
    str,
    Ref("problem"),
    Field(
        pattern=PART_PATTERN,
        description="problem i en lägesbild: 'lägesbild-id/problem-id'",
    ),
]
OrsakRef = Annotated[
    str,
    Ref("orsak"),
    Field(
        pattern=PART_PATTERN,
        description="orsak i en lägesbild: 'lägesbild-id/orsak-id'",
    ),
]


#: Function references that may be written as one id or a list of ids.
_ID_SCHEMA = {"type": "string", "pattern": SLUG}
FunktionEllerOrganRef: TypeAlias = Annotated[
    str,
    Ref("funktioner|organ"),
    Field(pattern=SLUG, description="id för en funktion (funktioner/) eller ett organ (organ/)"),
]
FunktionRefs: TypeAlias = Annotated[
    list[FunktionRef],
    BeforeValidator(_one_or_many),
    WithJsonSchema({"anyOf": [_ID_SCHEMA, {"type": "array", "items": _ID_SCHEMA}]}),
]


Period = Literal["vecka", "månad", "kvartal", "termin", "halvår", "år", "vartannat år"]

from .._periods import PERIOD_MONTHS as PERIOD_MONTHS  # noqa: E402 - re-exported


class Frekvens(BfaModel):
    """How often something happens: ``antal`` times per ``per``."""

    count: int = Field(
        1,
        alias="antal",
        title="antal gånger per period",
        ge=1,
        le=366,  # more than daily is a typo, and 10**20 was counted as required meetings
        description="Hur många gånger per period.",
    )
    per: Period = Field(
        alias="per",
        title="period",
        description="Perioden: vecka, månad, kvartal, termin, halvår, år eller 'vartannat år'.",
    )
    or_more: bool = Field(
        False, alias="oftare_vid_behov", description="true om 'eller oftare vid behov' gäller."
    )
    when: str | None = Field(
        None,
        alias="när",
        title="tidpunkt",
        description="När under perioden, t.ex. 'en gång på våren och en gång på hösten'.",
    )

    def describe(self) -> str:
        """Swedish phrase, e.g. 'två gånger per år eller oftare vid behov'."""
        words = {
            1: "en gång",
            2: "två gånger",
            3: "tre gånger",
            4: "fyra gånger",
            5: "fem gånger",
            6: "sex gånger",
            8: "åtta gånger",
            10: "tio gånger",
            12: "tolv gånger",
        }
        times = words.get(self.count, f"{self.count} gånger")
        if self.per == "vartannat år":
            text = "vartannat år" if self.count == 1 else f"{times} vartannat år"
        elif self.per == "år" and self.count == 1:
            text = "årligen"
        else:
            text = f"{times} per {self.per}"
        if self.or_more:
            text += " eller oftare vid behov"
        return text


class Beslut(BfaModel):
    """A decision: who, when, which paragraph."""

    by: OrganRef | None = Field(
        None, alias="av", title="beslutat av", description="Organet som beslutade."
    )
    date: DateOrPartial = Field(
        alias="datum",
        description="Beslutsdatum (ÅÅÅÅ-MM-DD, eller ÅÅÅÅ-MM/ÅÅÅÅ om bara det är känt).",
    )
    paragraph: str | None = Field(None, alias="paragraf", description="Paragraf, t.ex. '§ 134'.")
    record_number: str | None = Field(
        None, alias="diarienummer", description="Diarienummer, t.ex. 'KS 2024/70'."
    )


class Datumintervall(BfaModel):
    start: dt.date | None = Field(
        None, alias="start", title="startdatum", description="Första dag (ÅÅÅÅ-MM-DD)."
    )
    end: dt.date | None = Field(
        None, alias="slut", title="slutdatum", description="Sista dag (ÅÅÅÅ-MM-DD)."
    )

    @model_validator(mode="after")
    def _order(self) -> Datumintervall:
        if self.start and self.end and self.end < self.start:
            raise ValueError("slutdatumet ligger före startdatumet")
        return self
