"""Minutes as a reader gets them: the terminal, Markdown for a protokoll, JSON; and the
policy for writing them to a file (which earlier files are bfa's own to replace)."""

from __future__ import annotations

import json
from pathlib import Path

from .._escape import md
from .._io import write_output
from ..findings import JSON_VERSION
from ..repo import KOMMUN
from ._diff import Change
from ._git import CommitInfo
from ._minutes import Minutes, Revision

TITLE = "Ändringar i det brottsförebyggande arbetets förråd"

#: bfa's mark in a Markdown file it wrote (an HTML comment: invisible where it is shown).
MARKDOWN_MARKER = "<!-- bfa:minutes -->"
#: Earlier versions marked nothing; their files begin with the title.
_OLD_MARKDOWN_MARKER = f"# {TITLE}\n".encode()
JSON_MARKER = b'"command": "minutes"'


HEADINGS = {
    KOMMUN: "Kommunen",
    "organ": "Organ",
    "funktioner": "Funktioner",
    "aktorer": "Aktörer",
    "dokument": "Styrdokument",
    "lagesbilder": "Lägesbilder",
    "atgarder": "Åtgärder",
    "indikatorer": "Indikatorer",
    "moten": "Möten",
}


def grouped(changes: list[Change]) -> list[tuple[str, list[Change]]]:
    order = list(HEADINGS)
    kinds = sorted({c.kind for c in changes}, key=order.index)
    return [(HEADINGS[k], [c for c in changes if c.kind == k]) for k in kinds]


def merged(items: list[Change]) -> list[tuple[str, list[CommitInfo]]]:
    """(sentence, commits) per line: entities that changed alike, in the same commits, in
    one line ("Åtgärd A, Åtgärd B och Åtgärd C: genomfördes (förut pågående)"), where the
    line of the first of them stood; before, ten meetings marked held were ten lines."""
    groups: dict[tuple[str, tuple[tuple[str, str], ...]], list[Change]] = {}
    order: list[tuple[str, tuple[tuple[str, str], ...]] | Change] = []
    for c in items:
        what = c.predicate
        if what is None:
            order.append(c)
            continue
        key = (what, tuple((x.sha, x.message) for x in c.commits))
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(c)
    out: list[tuple[str, list[CommitInfo]]] = []
    for entry in order:
        if isinstance(entry, Change):
            out.append((entry.sentence, entry.commits))
            continue
        same = groups[entry]
        names = [c.subject for c in same]
        who = names[0] if len(names) == 1 else ", ".join(names[:-1]) + " och " + names[-1]
        out.append((f"{who}: {entry[0]}", same[0].commits))
    return out


def attribution(commits: list[CommitInfo]) -> str:
    """Who made a change and when, as a reader uses it: no commit ids."""
    parts = []
    for c in commits:
        if not c.sha:
            parts.append(c.message)
        else:
            parts.append(f"{c.author} {c.date}, \u201d{c.message}\u201d")
    return "; ".join(parts)


def _commit_words(c: CommitInfo) -> str:
    return f"{c.date}, \u201d{c.message}\u201d"


def revision_text(rev: Revision) -> str:
    """One end of the range in words: a tag by its name, a commit by its date and subject,
    the working tree as "arbetskopian" only when it holds uncommitted changes."""
    if rev.commit is None:
        return "arbetskopian"
    if rev.name:
        return f"{rev.name} ({_commit_words(rev.commit)})"
    if rev.uncommitted:
        return (
            f"arbetskopian: senaste incheckningen ({_commit_words(rev.commit)}) och "
            "ändringar som ännu inte är incheckade"
        )
    which = "senaste incheckningen" if rev.latest else "incheckningen"
    return f"{which} ({_commit_words(rev.commit)})"


def span(m: Minutes) -> str:
    """'Ändringar från ks-2026-04-21 (2026-04-21, ”…”) till senaste incheckningen (…).'"""
    return f"Ändringar från {revision_text(m.start)} till {revision_text(m.end)}."


def human_lines(m: Minutes) -> list[tuple[str, str]]:
    """(text, kind) per line for a terminal; kind is title, heading, item, by or problem."""
    lines = [(span(m), "title")]
    if not m.changes:
        lines.append(("Inga ändringar.", "item"))
    for heading, items in grouped(m.changes):
        lines.append((heading, "heading"))
        for sentence, commits in merged(items):
            lines.append((f"  • {sentence}", "item"))
            if commits:
                lines.append((f"      {attribution(commits)}", "by"))
    lines += [(f"  ! {p}", "problem") for p in m.problems]
    return lines


def to_markdown(m: Minutes, title: str = TITLE) -> str:
    """Minutes as Markdown, for an appendix to minnesanteckningar or a protokoll."""
    lines = [f"# {md(title)}", "", md(span(m)), ""]
    if not m.changes:
        lines += ["Inga ändringar.", ""]
    for heading, items in grouped(m.changes):
        lines += [f"## {heading}", ""]
        lines += [
            f"- {md(sentence)}  \n  *{md(attribution(commits))}*"
            if commits
            else f"- {md(sentence)}"
            for sentence, commits in merged(items)
        ]
        lines.append("")
    if m.problems:
        lines += ["## Filer som inte kunde läsas", ""]
        lines += [f"- {md(p)}" for p in m.problems]
        lines.append("")
    lines += [MARKDOWN_MARKER, ""]
    return "\n".join(lines)


def to_json(m: Minutes) -> str:
    return json.dumps(
        {
            "version": JSON_VERSION,
            "command": "minutes",
            "since": m.since,
            "until": m.until,
            "problems": m.problems,
            "changes": [
                {
                    "kind": c.kind,
                    "id": c.id,
                    "file": c.file,
                    "text": c.sentence,
                    "commits": [
                        {"sha": x.sha, "author": x.author, "date": x.date, "message": x.message}
                        for x in c.commits
                    ],
                }
                for c in m.changes
            ],
        },
        ensure_ascii=False,
        indent=2,
    )


def render_minutes(m: Minutes, fmt: str) -> str:
    """The text of minutes in ``fmt`` (json; md, and human asked for a file, are Markdown)."""
    return to_json(m) + "\n" if fmt == "json" else to_markdown(m)


def is_own_output(head: bytes) -> bool:
    """Whether a file's first bytes show that bfa minutes wrote it (so it may be replaced)."""
    return (
        MARKDOWN_MARKER.encode() in head
        or head.startswith(_OLD_MARKDOWN_MARKER)
        or (head.lstrip().startswith(b"{") and JSON_MARKER in head)
    )


def write_minutes(m: Minutes, out: Path, fmt: str, *, force: bool = False) -> None:
    """Write the minutes to ``out`` atomically; a file bfa did not write is replaced only
    with ``force``."""
    data = render_minutes(m, fmt).encode("utf-8")
    own = False
    if not force and out.is_file():
        with out.open("rb") as fh:
            own = is_own_output(fh.read(1_000_000))
    write_output(out, data, marker=MARKDOWN_MARKER.encode(), force=force or own)
