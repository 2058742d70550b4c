"""Swedish text as officials write it: numbers, genitives, names mid-sentence.

Every template and every view formats through these functions (registered as Jinja
filters in ``_env``), so a number or a name looks the same in every document.
"""

from __future__ import annotations

import re
from typing import Any

from .._numbers import NBSP, procent, tal
from .._words import plural as _plural

__all__ = ["NBSP", "procent", "tal"]  # the numbers are the library's (status writes them too)

#: Words that are common nouns when they begin a name ("Kommunstyrelsen", "Säkerhetsstrateg,
#: Bo Jensen", "Lägesbild för Lycksele kommun"): lower-cased mid-sentence. Anything else
#: (a name such as "Lindebrå", an abbreviation such as "ANDT") keeps its case.
_COMMON_ENDINGS = (
    "styrelse",
    "styrelsen",
    "fullmäktige",
    "nämnd",
    "nämnden",
    "utskott",
    "utskottet",
    "grupp",
    "gruppen",
    "råd",
    "rådet",
    "chef",
    "chefen",
    "strateg",
    "strategen",
    "samordnare",
    "samordnaren",
    "polis",
    "polisen",
    "ansvarig",
    "ansvarige",
    "direktör",
    "direktören",
    "förvaltning",
    "förvaltningen",
    "lägesbild",
    "lägesbilden",
    "kontor",
    "kontoret",
    "sekreterare",
    "handläggare",
    "controller",
    "ordförande",
    "funktion",
    "funktionen",
    "nätverk",
    "nätverket",
    "enhet",
    "enheten",
    "avdelning",
    "avdelningen",
    "tjänsteperson",
    "tjänstepersoner",
    "medarbetare",
    "representant",
    "representanter",
    "operativ",
    "strategisk",
    "kommunledning",
    "kommunledningen",
    "ledningsgrupp",
    "ledningsgruppen",
    "kommundirektör",
    "kommunpolisen",
    "kommunpolis",
    "kommunalråd",
    "säkerhetsskyddschef",
    "trygghetssamordnare",
    # titles of functions, so that a list of them reads in one case ("analytiker")
    "analytiker",
    "konsulent",
    "konsulenter",
    "kurator",
    "kuratorer",
    "rektor",
    "rektorer",
    "ledare",
    "företrädare",
    "utredare",
    "assistent",
    "pedagog",
    "koordinator",
    "inspektör",
    "sköterska",
    "ingenjör",
    "administratör",
    "coach",
    "värd",
    "värdar",
)

#: Leading words that begin a descriptive phrase, never a name ("Hela Torsby kommuns
#: geografiska område" → "hela Torsby kommuns geografiska område").
_COMMON_STARTS = {"hela", "alla", "samtliga", "övriga", "kommunens", "centrala", "den", "det"}

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)


def antal(n: Any, singular: str, plural: str) -> str:
    """A count and its noun agreeing with it: "1 möte", "0 möten", "3 945 filer".

    Every count composed into a document's text goes through here (filter ``antal`` in
    templates: ``{{ n | antal("möte", "möten") }}``).
    """
    return f"{tal(n)} {_plural(n, singular, plural)}"


def mitt(raw: Any) -> str:
    """``text`` placed mid-sentence: a leading common noun is lower-cased, a name never.

    "Kommunstyrelsen" → "kommunstyrelsen", "Förebyggande samordnare" → "förebyggande
    samordnare", "Säkerhetsstrateg, Bo Jensen" → "säkerhetsstrateg, Bo Jensen", "Lägesbild
    för Lycksele kommun" → "lägesbild för Lycksele kommun"; "Lindebrå", "ANDT", "Torsby
    kommun" and "Polismyndigheten" keep their case.
    """
    if raw is None:
        return ""
    text: str = str(raw)
    phrase = re.split(r"[,(;:–]", text, maxsplit=1)[0]
    words = _WORD.findall(phrase)
    if not words:
        return text
    first = words[0]
    if len(first) < 2 or not first[0].isupper() or not first[1:].islower():
        return text  # lower case already, an abbreviation, or a name such as "McKinsey"
    leading = [first]
    for word in words[1:]:
        if not word.islower():
            break  # a name ("Lycksele") or an abbreviation ("IFO") begins
        leading.append(word)
    if first.lower() not in _COMMON_STARTS and not any(
        w.lower().endswith(_COMMON_ENDINGS) for w in leading
    ):
        return text
    return text[0].lower() + text[1:]


def mitt_lista(items: Any, sep: str = " och ") -> str:
    """Several names mid-sentence, each through :func:`mitt`, joined Swedish style.

    With the default separator the list reads "a, b och c".
    """
    parts = [mitt(i) for i in items if i]
    if sep == " och " and len(parts) > 2:
        return ", ".join(parts[:-1]) + " och " + parts[-1]
    return sep.join(parts)


def genitiv(name: Any, explicit: str | None = None) -> str:
    """The genitive of a name: "Lycksele kommun" → "Lycksele kommuns", "Region Gotland" →
    "Region Gotlands", "Bräcke" → "Bräckes"; a name ending in s, x or z takes no extra s
    ("Västerås" → "Västerås"). ``explicit`` (``namn_genitiv`` in bfa.yaml) wins."""
    if explicit:
        return explicit
    text = str(name or "").strip()
    if not text:
        return ""
    if text[-1].lower() in "sxz":
        return text
    return text + "s"


def mening(raw: Any) -> str:
    """``raw`` as a sentence: ends with a full stop unless it already ends a sentence."""
    text = str(raw or "").strip()
    if not text:
        return ""
    return text if text[-1] in ".!?…:" else text + "."


def uppräkning(items: Any, last: str = "och") -> str:
    """ "a, b och c" """
    parts = [str(i).strip().rstrip(",.;") for i in items if i]
    if len(parts) < 2:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {last} " + parts[-1]


def is_infinitive_list(items: list[str]) -> bool:
    """True when every item begins with a Swedish infinitive ("samordna", "vara", "ta")."""
    for item in items:
        word = _WORD.match(item.strip())
        if word is None:
            return False
        w = word.group(0).lower()
        if not (w.endswith("a") or w in {"gå", "se", "stå", "ge", "ta", "nå", "bo", "dö", "tro"}):
            return False
    return bool(items)
