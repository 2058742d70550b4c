"""Sentences a board reads: entities by name, keys by their Swedish label, values shown.

The labels are the models' own (``field_label``: a field's title, else its key), the
same vocabulary docs/vokabular.md is generated from; nothing here names a key itself.
"""

from __future__ import annotations

import datetime as dt
import difflib
from typing import Any

from pydantic import BaseModel

from .._ids import ascii_id
from ..model import KINDS, Atgard, Dokument, Kommun, Mote, Organ
from ..model._base import Frekvens
from ..model._walk import field_label, inner_model
from ..repo import KOMMUN, Repo

#: A text longer than this (or of several lines) is not quoted whole in a sentence:
#: the words that changed are.
LONG_TEXT = 80
#: At most this many changed passages of one long text are quoted.
MAX_PASSAGES = 3
PASSAGE = 60

#: How a member of a list of references is named in a sentence ("tillkom som ledamot").
#: Grammar, not vocabulary: the singular of a list's label where Swedish has one a board
#: uses; any other list says "lades till i <label>".
ROLE = {
    "ledamöter": "ledamot",
    "sammankallande": "sammankallande",
    "adjungeras_vid_behov": "adjungerad vid behov",
    "närvarande": "närvarande",
    "frånvarande": "frånvarande",
    "parter": "part",
    "samverkansparter": "samverkanspart",
    "indikatorer": "indikator",
    "hålls_informerade": "informerad",
    "justerare": "justerare",
    "undertecknas_av": "undertecknare",
}

#: A yes/no field of a file's own read as what happened to the thing ("IFO-chef: blev
#: vakant"), not as "vakant angavs till ja". (true, false) wording; other booleans, and
#: these inside a mapping, say "ja"/"nej".
TURNED = {
    "vakant": ("blev vakant", "är inte längre vakant"),
    "inställt": ("ställdes in", "är inte längre inställt"),
    "extern": ("räknas nu som extern", "räknas inte längre som extern"),
}

#: A status that changes, read as what happened ("Åtgärd Fältarbete: genomfördes (förut
#: pågående)"), not "status ändrades från pågående till genomförd". One phrase per value
#: of each model's status (test_minutes_words checks that every value has one).
STATUS_TURNED: dict[type[BaseModel], dict[str, str]] = {
    Mote: {"planerat": "planeras igen", "hållet": "hölls", "inställt": "ställdes in"},
    Atgard: {
        "planerad": "är åter planerad",
        "pågående": "påbörjades",
        "genomförd": "genomfördes",
        "avbruten": "avbröts",
        "försenad": "blev försenad",
    },
    Dokument: {
        "utkast": "blev ett utkast igen",
        "gällande": "blev gällande",
        "inaktuellt": "blev inaktuellt",
        "ska_upphävas": "ska upphävas",
        "upphävt": "upphävdes",
        "ersatt": "ersattes",
    },
    Organ: {
        "föreslaget": "är åter föreslaget",
        "försök": "inrättades på försök",
        "aktivt": "blev ett aktivt organ",
        "avvecklas": "ska avvecklas",
        "avvecklat": "avvecklades",
    },
}


def status_turned(model: Model, old: Any, new: Any) -> str | None:
    """'genomfördes (förut pågående)' for a status that changed, or None."""
    phrases = STATUS_TURNED.get(model) if model is not None else None
    if phrases is None or not isinstance(new, str) or new not in phrases:
        return None
    before = f" (förut {str(old).replace('_', ' ')})" if isinstance(old, str) else ""
    return phrases[new] + before


#: A meeting file that comes into the repository, by the state it records: a planned
#: meeting is not one that took place (N5: both read "tillkom").
MEETING_ADDED = {"planerat": "planerades", "hållet": "hölls", "inställt": "ställdes in"}


def arrival(repo: Repo, kind: str, eid: str) -> str:
    """What happened when an entity's file came into the repository: "tillkom", or for a
    meeting what its file records ("planerades", "hölls", "ställdes in"). A meeting file
    without ``status`` is held when it records attendance or notes, whatever its date."""
    meeting = repo.moten.get(eid) if kind == "moten" else None
    if meeting is None:
        return "tillkom"
    return MEETING_ADDED[meeting.state(dt.date.max)]


Model = type[BaseModel] | None

_MISSING = object()


def default_of(model: Model, key: str) -> Any:
    """The value a key has when it is not written (the model's default), or _MISSING."""
    if model is None:
        return _MISSING
    for name, info in model.model_fields.items():
        if (info.alias or name) == key:
            if info.is_required():
                return _MISSING
            value = info.get_default(call_default_factory=True)
            return value if isinstance(value, bool | str | int | float | list) else _MISSING
    return _MISSING


def same_as_unwritten(model: Model, key: str, value: Any) -> bool:
    """Whether writing ``value`` says nothing more than leaving ``key`` out
    (``vakant: false``, ``ledamöter: []``): no change for a reader."""
    default = default_of(model, key)
    return default is not _MISSING and plain(value) == default


def model_of(kind: str) -> Model:
    """The model of a file kind (``bfa`` for bfa.yaml)."""
    if kind == KOMMUN:
        return Kommun
    return KINDS[kind].model if kind in KINDS else None


def label(model: Model, key: str) -> str:
    """The Swedish label of ``key`` in ``model`` (the key with spaces when unknown)."""
    return field_label(model, key) if model is not None else key.replace("_", " ")


def child(model: Model, key: str) -> Model:
    return inner_model(model, key) if model is not None else None


def plain(value: Any) -> Any:
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


def quoted(text: str) -> str:
    return f"\u201d{text}\u201d"


def entity_label(repo: Repo, kind: str, eid: str) -> str:
    """How a board reads an entity: 'Styrgrupp', 'Åtgärd Trygghetsvandringar (a-07)',
    'Åtgärd Fältarbete kvällstid' (id faltarbete)."""
    if kind == KOMMUN:
        return "Kommunen (bfa.yaml)"
    name = repo.name_of(kind, eid)
    if kind in ("organ", "dokument"):
        return name
    if kind == "moten":
        meeting = repo.moten.get(eid)
        if meeting is not None:  # a board reads the body's name, not the file's id
            return f"Mötet i {repo.name_of('organ', meeting.organ)} {meeting.date.isoformat()}"
        return f"Mötet {eid}"
    singular = KINDS[kind].singular.capitalize()
    if name == eid:
        return f"{singular} {eid}"
    # the name first and the id after it, so that the id does not read as part of the name
    # The id adds nothing when its words are the name's own ('belysning' for 'Belysning',
    # 'strategisk-2026' for 'Strategisk lägesbild 2026'); the kind adds nothing when the
    # name already says it ('Strategisk lägesbild 2026', not 'Lägesbild Strategisk …').
    words = set(ascii_id(name).split("-"))
    if ascii_id(name).startswith(eid) or set(eid.split("-")) <= words:
        if singular.lower() in name.lower():
            return name
        return f"{singular} {name}"
    if singular.lower() in name.lower():  # 'Operativ lägesbild juli–september (op-t3)'
        return f"{name} ({eid})"
    return f"{singular} {name} ({eid})"


def display(repo: Repo, model: Model, value: Any) -> str:
    """A value as a board reads it: a reference by its name, a cadence in words, a
    mapping by its labels, true/false as ja/nej. ``model``: the model of a mapping."""
    if isinstance(value, str):
        for kind in ("funktioner", "organ", "aktorer", "dokument", "indikatorer"):
            if value in repo.ids(kind) and repo.name_of(kind, value) != value:
                return repo.name_of(kind, value)
        return value
    if isinstance(value, dict):
        if model is not None and issubclass(model, Frekvens):
            try:
                return model.model_validate(value).describe()
            except Exception:  # an invalid cadence is shown key by key
                pass
        parts = []
        for k, v in value.items():
            inner = child(model, str(k))
            shown = display(repo, inner, v)
            # a nested mapping keeps its braces, as written in YAML, so the nesting reads;
            # a cadence reads as words ("årligen")
            if isinstance(v, dict) and not (inner is not None and issubclass(inner, Frekvens)):
                shown = f"{{{shown}}}"
            parts.append(f"{label(model, str(k))}: {shown}")
        return ", ".join(parts)
    if isinstance(value, list):
        return ", ".join(display(repo, model, v) for v in value)
    if isinstance(value, bool):
        return "ja" if value else "nej"
    return str(plain(value))


def worded(repo: Repo, model: Model, value: Any) -> str:
    """``display``, with a text of several words in quotes, so that a reader sees where
    it ends in "ändrades från X till Y" ("mandat ändrades från ”FYLL I: vad styrgruppen
    får besluta om” till ”Beslutar om inriktning”"). A name shown for a reference, a
    number, a date, a cadence or a one-word value stands as it is."""
    text = display(repo, model, value)
    if isinstance(value, str) and text == value and len(text.split()) > 1:
        return quoted(text)
    return text


def item_name(repo: Repo, model: Model, item: Any) -> str:
    """The words that name one item of a list (an action item by its text)."""
    if isinstance(item, dict):
        for key in ("vad", "rubrik", "text", "namn", "titel", "beskrivning", "id"):
            if isinstance(item.get(key), str):
                return short(str(item[key]))
        for key in ("år", "datum"):
            if key in item:
                return str(plain(item[key]))
    return short(display(repo, model, item))


def short(text: str, limit: int = LONG_TEXT) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def is_long(value: Any) -> bool:
    return isinstance(value, str) and (len(value) > LONG_TEXT or "\n" in value.strip())


def text_change(old: str, new: str) -> str:
    """What changed in a long text, as the passages that differ ('”a” blev ”b”')."""
    a, b = old.split(), new.split()
    ops = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
    parts: list[str] = []
    changed = [op for op in ops if op[0] != "equal"]
    for tag, i1, i2, j1, j2 in changed[:MAX_PASSAGES]:
        # two words before and one after, so that a reader finds the place
        lead, tail = a[max(0, i1 - 2) : i1], a[i2 : i2 + 1]
        before = short(" ".join([*lead, *a[i1:i2], *tail]), PASSAGE)
        after = short(" ".join([*lead, *b[j1:j2], *tail]), PASSAGE)
        if tag == "delete" and not lead and not tail:
            parts.append(f"{quoted(before)} ströks")
        else:
            parts.append(f"{quoted(before)} blev {quoted(after)}")
    if not parts:  # only the line breaks or spacing differ
        return "ändrades (bara radbrytningar eller mellanrum)"
    more = len(changed) - MAX_PASSAGES
    rest = f" (och ändringar på {more} ställen till)" if more > 0 else ""
    return "ändrades: " + "; ".join(parts) + rest
