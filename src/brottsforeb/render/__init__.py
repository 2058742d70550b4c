"""Rendering governing documents: Markdown from templates, PDF from the Markdown."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from ..errors import RenderError
from ..model import Dokument
from ..repo import Repo
from ._documents import ALIASES, DOCUMENTS, DocumentKind
from ._env import environment, render_template
from ._views import Ctx

__all__ = ["DOCUMENTS", "Rendered", "document_kind", "render", "render_all", "sources"]

MARKER = "<!-- bfa:renderad -->"


@dataclass
class Rendered:
    """One rendered document: its canonical Markdown and what the PDF needs besides."""

    name: str  # file stem, e.g. "riktlinje" or "samverkansoverenskommelse-sutohamu"
    kind: str
    markdown: str
    title: str
    meta: list[tuple[str, str]]
    kommun: str
    date: Any
    figures: dict[str, str] = field(default_factory=dict)
    public: bool = False


def document_kind(name: str) -> DocumentKind:
    key = name.strip().lower()
    key = ALIASES.get(key, key)
    if key not in DOCUMENTS:
        from .._messages import suggest

        guess = suggest(key, list(DOCUMENTS))
        raise RenderError(
            f"Det finns inget dokument som heter '{name}'.",
            hint=(f"Menade du '{guess}'? " if guess else "")
            + "Dokument: "
            + ", ".join(DOCUMENTS)
            + " (se bfa render --list).",
        )
    return DOCUMENTS[key]


def sources(repo: Repo, kind: DocumentKind) -> list[tuple[str, Dokument | None]]:
    """(file stem, dokument) for each rendering of ``kind``.

    Documents rendered from a dokument of their type produce one file per such dokument
    when there are several (agreements); riktlinje and åtgärdsplan use the newest one.
    """
    docs = sorted(
        ((k, d) for k, d in repo.dokument.items() if kind.doc_type and d.type == kind.doc_type),
        key=lambda kv: (kv[1].date is None, kv[1].date, kv[0]),
    )
    if kind.name == "organisation":
        structure = [
            (k, d)
            for k, d in repo.dokument.items()
            if d.type == "riktlinje" and "struktur" in d.title.lower()
        ]
        return [(kind.name, structure[0][1] if structure else None)]
    if kind.name in ("samverkansoverenskommelse", "medborgarloften"):
        if not docs:
            return []
        if len(docs) == 1:
            return [(kind.name, docs[0][1])]
        return [(f"{kind.name}-{k}", d) for k, d in docs]
    return [(kind.name, docs[-1][1] if docs else None)]


def render(
    repo: Repo,
    name: str,
    *,
    public: bool = False,
    year: int | None = None,
    entity: str | None = None,
    today: dt.date | None = None,
) -> list[Rendered]:
    """Render one kind of document to Markdown (one or more files).

    ``today`` is the day planned and held meetings are judged on (uppfoljning,
    motesplan); without it, the day after the report's year.
    """
    kind = document_kind(name)
    found = sources(repo, kind)
    if entity is not None and kind.doc_type:
        found = [(s, d) for s, d in found if d is not None and d is repo.dokument.get(entity)]
        if not found:
            raise RenderError(f"'{entity}' är inget dokument av typen {kind.doc_type}.")
    if not found:
        raise RenderError(
            f"Förrådet har inget dokument av typen {kind.doc_type} att skriva som '{kind.name}'.",
            hint=f"Lägg till ett dokument i dokument/ med 'typ: {kind.doc_type}'.",
        )
    env = environment(repo.root)
    ctx = Ctx(repo, public=public, today=today)
    out = []
    for stem, doc in found:
        context = kind.build(ctx, doc, entity if not kind.doc_type else None, year)
        text = render_template(env, kind.name, kind.name, context)
        text = _tidy(text) + "\n" + MARKER + "\n"
        title, decisions = context["titel"], context["beslut"]
        if public:
            from ._public import scrub

            text, title = scrub(text, repo), scrub(title, repo)
            decisions = [(k, scrub(v, repo)) for k, v in decisions]
        out.append(
            Rendered(
                stem,
                kind.name,
                text,
                title,
                decisions,
                context["kommun"],
                context["datum"],
                context["figurer"],
                public,
            )
        )
    return out


def render_all(
    repo: Repo, *, public: bool = False, year: int | None = None, today: dt.date | None = None
) -> list[Rendered]:
    """Every document the repository has data for."""
    out: list[Rendered] = []
    for name, kind in DOCUMENTS.items():
        if kind.doc_type and name != "riktlinje" and not sources(repo, kind):
            continue
        if name == "lagesbild" and not repo.lagesbilder:
            continue
        out.extend(render(repo, name, public=public, year=year, today=today))
    return out


def _tidy(text: str) -> str:
    """At most one blank line in a row, and no trailing spaces: stable, diffable Markdown."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


PDF_MARKER = b"bfa-rendering"


def to_pdf(doc: Rendered) -> bytes:
    """The PDF/A-2b of a rendered document, byte-identical for identical input."""
    from ._typst import compile_pdf, markdown_to_typst

    source, inputs = markdown_to_typst(
        doc.markdown,
        title=doc.title,
        meta=doc.meta,
        kommun=doc.kommun,
        date=doc.date,
        figures=doc.figures,
        public=doc.public,
    )
    return compile_pdf(source, inputs)


def stale(repo: Repo, folder: Any) -> tuple[list[str], list[str]]:
    """(stale, checked) committed renderings in ``folder`` (Markdown files named by stem)."""
    from pathlib import Path

    folder = Path(folder)
    checked, out = [], []
    for doc in render_all(repo):
        path = folder / f"{doc.name}.md"
        if not path.exists():
            continue
        checked.append(str(path))
        if path.read_text(encoding="utf-8") != doc.markdown:
            out.append(str(path))
    return out, checked
