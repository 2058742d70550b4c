"""The public version of a document: people's names and contacts are left out.

Views already leave out who holds a function (``Ctx.public``). Free text can still
name someone – a name typed into a description, an e-mail address in a comment-like
field – so the public version is rendered from a scrubbed copy of the repository
(:func:`public_repo`): every string value has each holder's and author's name replaced
by the function's title (or "[utelämnat]"), and any e-mail address or Swedish phone
number by "[utelämnat]". The values are scrubbed *before* they are escaped and placed,
so the replacement goes through the same escaper as any value (Markdown, Typst,
Mermaid, SVG, Word, HTML), and a name is matched as whole words: a holder called "ek"
no longer turns "Kommundirektör" into "KommundirFörebyggande samordnaretör".

Names are matched however they are typed: any Unicode space or line break between the
parts (Word puts a no-break space between first and last name), any case, and with the
surname first ("Lindqvist Anna", "Lindqvist, Anna"). The finished text is scrubbed once
more as a safety net for what a repository's own template writes: there every match
becomes "[utelämnat]", a constant that needs no escaping in any of the formats.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from functools import lru_cache
from typing import Any

from pydantic import BaseModel

from .._pii import left_out, mask
from ..model import Funktion
from ..repo import Entry, Repo

__all__ = ["EMAIL", "LEFT_OUT", "PHONE", "personal_data", "public_repo", "scrub"]

LEFT_OUT = "[utelämnat]"

#: anna.lindqvist@torsby.se, also "anna.lindqvist @ torsby.se", "(at)", "[at]", "(snabel-a)"
_AT = r"(?:\s*@\s*|\s*[\(\[]\s*(?:at|snabel-?a)\s*[\)\]]\s*)"
_DOT = r"(?:\.|\s*[\(\[]\s*(?:dot|punkt)\s*[\)\]]\s*)"
EMAIL = re.compile(rf"[\w.+-]+{_AT}[\w-]+(?:{_DOT}[\w-]+)+", re.IGNORECASE)

#: Separators Word, Excel and people write in phone numbers: spaces of every kind, every
#: Unicode dash (Word turns "-" into "–"), "/" and ".".
_SEP = r"[\s\u00a0\u2007\u2009\u202f\-\u2010-\u2015\u2212/.]"
#: 08-123 456 78, 0560-160 00, 0560–160 00, 0560/16000, 070.123.45.67, +46 70 123 45 67,
#: +46 (0)560 160 00, (0560) 160 00 (not dates, which do not start with 0, and not ids)
#: Not after a digit, a letter or a separator that would make it part of something else
#: (a time "13.00–15.00", a date, a decimal, a path), and at least eight digits in all.
_PHONE = re.compile(
    rf"(?<![\w\-.,:/\u2010-\u2015])(?:(?:\+46{_SEP}?(?:\(0\){_SEP}?)?|0)\d{{1,3}}|\(0\d{{1,3}}\))"
    rf"{_SEP}?\d{{2,4}}(?:{_SEP}?\d{{2,3}}){{1,3}}(?![\w\-.,:/\u2010-\u2015]?\d)(?!\w)"
)


#: Times and dates that look like numbers: "09.00-10.30", "05.01.2026", "05/01/26".
_NOT_PHONE = re.compile(
    r"\d{1,2}[.:]\d{2}\s*[-\u2010-\u2015]\s*\d{1,2}[.:]\d{2}"
    r"|\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})"
)


class _Phone:
    """``PHONE.sub`` and ``PHONE.fullmatch`` for numbers of 8 to 13 digits only."""

    @staticmethod
    def _real(m: re.Match[str]) -> bool:
        text = m.group(0)
        if _NOT_PHONE.fullmatch(text):
            return False
        return 8 <= sum(c.isdigit() for c in text) <= 13

    def sub(self, instead: str, text: str) -> str:
        return _PHONE.sub(lambda m: instead if self._real(m) else m.group(0), text)

    def fullmatch(self, text: str) -> re.Match[str] | None:
        m = _PHONE.fullmatch(text)
        return m if m is not None and self._real(m) else None


PHONE = _Phone()

#: Between the parts of a name: any run of spaces, no-break spaces, line breaks, or a
#: comma when the surname comes first.
_GAP = r"(?:\s|[\u00a0\u2007\u2009\u202f\u200b])+"


def personal_data(repo: Repo, *more: Repo) -> dict[str, str]:
    """Every holder's name, e-mail and phone, and every document author → what the public
    version says instead (the function's title, or "[utelämnat]"). ``more``: other
    revisions whose people count too (a proposal names the holder who leaves)."""
    out: dict[str, str] = {}
    for r in (repo, *more):
        for f in r.funktioner.values():
            if f.holder is None:
                continue
            for value in (f.holder.name, f.holder.email, f.holder.phone):
                if value and value.strip():
                    out.setdefault(value.strip(), f.title)
        for d in r.dokument.values():
            for author in d.authors:
                if author.strip():
                    out.setdefault(author.strip(), LEFT_OUT)
    return out


def _name_pattern(name: str) -> str:
    """A regex for ``name`` as whole words, any spacing and either order of its parts."""
    parts = [re.escape(p) for p in re.split(r"[\s,]+", name.strip()) if p]
    if not parts:
        return ""
    forms = [_GAP.join(parts)]
    if len(parts) >= 2:  # "Lindqvist Anna", "Lindqvist, Anna"
        forms.append(parts[-1] + r",?" + _GAP + _GAP.join(parts[:-1]))
    return r"(?<!\w)(?:" + "|".join(forms) + r")(?!\w)"


@lru_cache(maxsize=64)
def _compiled(items: tuple[tuple[str, str], ...]) -> list[tuple[re.Pattern[str], str]]:
    out = []
    for value, instead in sorted(items, key=lambda kv: -len(kv[0])):
        if EMAIL.fullmatch(value) or PHONE.fullmatch(value):
            pattern = re.escape(value)  # the general patterns catch every spelling of these
        else:
            pattern = _name_pattern(value)
        if pattern:
            out.append((re.compile(pattern, re.IGNORECASE), instead))
    return out


def scrubber(repo: Repo, *more: Repo) -> Callable[[str], str]:
    """A function that leaves people's names and contacts out of one value: a holder's
    name becomes the function's title, anything else "[utelämnat]"."""
    names = _compiled(tuple(sorted(personal_data(repo, *more).items())))

    def scrub_one(text: str) -> str:
        text = mask(text)  # a personnummer (validate's error) never reaches a public text
        for pattern, instead in names:
            text = pattern.sub(instead, text)
        text = EMAIL.sub(LEFT_OUT, text)
        return PHONE.sub(LEFT_OUT, text)

    return scrub_one


#: A fenced block of the finished Markdown (a Mermaid chart): built from scrubbed values,
#: and syntax a whole-word match could break ("flowchart TD" for a holder called "TD").
_FENCE = re.compile(r"^```.*?^```[ \t]*$", re.MULTILINE | re.DOTALL)

#: A name shorter than this is left to the scrub of the values: as a whole word in
#: finished text it is too often something else ("TD", "ek").
MIN_NET_NAME = 4


def scrub(text: str, repo: Repo, *more: Repo) -> str:
    """Finished text (Markdown, a figure) without people's names and contacts: the safety
    net for what a repository's own template writes. Every match becomes "[utelämnat]";
    fenced blocks and names shorter than four characters are left to the value scrub."""
    data = {k: v for k, v in personal_data(repo, *more).items() if len(k) >= MIN_NET_NAME}
    names = _compiled(tuple(sorted(data.items())))

    def net(part: str) -> str:
        part = left_out(part, LEFT_OUT)
        for pattern, _instead in names:
            part = pattern.sub(LEFT_OUT, part)
        return PHONE.sub(LEFT_OUT, EMAIL.sub(LEFT_OUT, part))

    out, last = [], 0
    for m in _FENCE.finditer(text):
        out += [net(text[last : m.start()]), m.group(0)]
        last = m.end()
    out.append(net(text[last:]))
    return "".join(out)


#: Fields whose text is parsed or followed, not read: a meeting's time ("13.00–15.00"),
#: addresses, Kolada ids, paragraphs and record numbers stay as written.
STRUCTURED = frozenset(
    {
        "time",
        "link",
        "website",
        "kpi",
        "path",
        "git",
        "revision",
        "clone",
        "paragraph",
        "record_number",
    }
)


def _scrub_value(value: Any, fn: Callable[[str], str], ids: frozenset[str]) -> Any:
    if type(value) is str:  # not an enumeration's value, not an id another file names
        return value if value in ids or value.split("/", 1)[0] in ids else fn(value)
    if isinstance(value, BaseModel):
        updates = {}
        for name in type(value).model_fields:
            if name in STRUCTURED:
                continue
            old = getattr(value, name)
            new = _scrub_value(old, fn, ids)
            if new is not old:
                updates[name] = new
        return value.model_copy(update=updates) if updates else value
    if isinstance(value, list):
        items = [_scrub_value(v, fn, ids) for v in value]
        return items if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, tuple):
        items = [_scrub_value(v, fn, ids) for v in value]
        return tuple(items) if any(a is not b for a, b in zip(items, value, strict=True)) else value
    if isinstance(value, dict):
        out = {k: _scrub_value(v, fn, ids) for k, v in value.items()}
        return out if any(out[k] is not value[k] for k in value) else value
    return value


def _scrubbed(entry: Entry | None, fn: Callable[[str], str], ids: frozenset[str]) -> Entry | None:
    if entry is None or entry.model is None:
        return entry
    model = _scrub_value(entry.model, fn, ids)
    if isinstance(model, Funktion) and model.holder is not None:
        # the public version names no holder (the views say so too); and without one, a
        # scrub of text built from this copy no longer knows the name, only the title
        model = model.model_copy(update={"holder": None})
    return entry if model is entry.model else dataclasses.replace(entry, model=model)


def public_repo(repo: Repo, *more: Repo) -> Repo:
    """A copy of ``repo`` in which every text value is scrubbed of people's names and
    contacts (ids and file names stay, so every reference still resolves); the people of
    ``more`` (other revisions) are left out too."""
    fn = scrubber(repo, *more)
    ids = frozenset(eid for by_id in repo.entries.values() for eid in by_id)
    entries = {
        kind: {eid: _scrubbed(e, fn, ids) or e for eid, e in by_id.items()}
        for kind, by_id in repo.entries.items()
    }
    kommun = _scrubbed(repo.kommun_entry, fn, ids)
    return dataclasses.replace(repo, entries=entries, kommun_entry=kommun)
