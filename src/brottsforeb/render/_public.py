"""The public version of a document: people's names and contacts are left out.

Views already leave out who holds a function (``Ctx.public``). As a safety net
for free text – a name typed into a description, an e-mail address in a
comment-like field – the finished Markdown is scrubbed too: every holder's
name, e-mail address and phone number becomes the function's title, and any
other e-mail address or Swedish phone number becomes "[utelämnat]".
"""

from __future__ import annotations

import re

from ..repo import Repo

__all__ = ["LEFT_OUT", "personal_data", "scrub"]

LEFT_OUT = "[utelämnat]"
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
#: 08-123 456 78, 0560-160 00, 070-123 45 67, +46 70 123 45 67 (not dates, not ids)
PHONE = re.compile(r"(?<![\w-])(?:\+46[\s-]?|0)\d{1,3}[\s-]?\d{2,4}(?:[\s-]?\d{2,3}){1,3}(?![\w-])")


def personal_data(repo: Repo) -> dict[str, str]:
    """Every holder's name, e-mail and phone → what the public version says instead."""
    out: dict[str, str] = {}
    for f in repo.funktioner.values():
        if f.holder is None:
            continue
        for value in (f.holder.name, f.holder.email, f.holder.phone):
            if value and value.strip():
                out[value.strip()] = f.title
    for d in repo.dokument.values():
        for author in d.authors:
            out.setdefault(author.strip(), LEFT_OUT)
    return out


def scrub(text: str, repo: Repo) -> str:
    """``text`` without people's names, e-mail addresses and phone numbers."""
    for value, instead in sorted(personal_data(repo).items(), key=lambda kv: -len(kv[0])):
        text = text.replace(value, instead)
    text = EMAIL.sub(LEFT_OUT, text)
    return PHONE.sub(LEFT_OUT, text)
