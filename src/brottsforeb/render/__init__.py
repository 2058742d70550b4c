"""Rendering governing documents: Markdown from templates, PDF from the Markdown."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from ..errors import RenderError
from ..repo import Repo
from ._documents import (
    DOCUMENTS,
    DocumentKind,
    document_kind,
    example_sources,
    example_text,
    refuse_unused,
    sources,
)
from ._documents.examples import Shows, repo_with, without
from ._docx import DOCX_MARKER, to_docx
from ._env import environment, render_template
from ._html import HTML_MARKER, html_index, to_html
from ._meetings import MEETING_DOCUMENTS
from ._views import Ctx

__all__ = [
    "DOCUMENTS",
    "DOCX_MARKER",
    "HTML_MARKER",
    "MEETING_DOCUMENTS",
    "DocumentKind",
    "Rendered",
    "document_kind",
    "html_index",
    "render",
    "render_all",
    "render_meeting",
    "repository_errors",
    "sources",
    "to_docx",
    "to_html",
]

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
    #: Where the document uses values marked as example data ("atgarder/x.yaml", …).
    example: list[str] = field(default_factory=list)
    #: Errors of the repository it was built from (a draft, ``bfa render --draft``).
    errors: list[str] = field(default_factory=list)

    @property
    def banners(self) -> list[tuple[str, str]]:
        """The boxes on the first page: a draft from a broken repository, example data."""
        out = []
        if self.errors:
            out.append((DRAFT_HEADING, draft_text(self.errors)))
        if self.example:
            out.append((EXAMPLE_HEADING, example_text(self.example)))
        return out


DRAFT_HEADING = "Utkast från ett förråd med fel."
EXAMPLE_HEADING = "Exempeldata."


def draft_text(errors: list[str]) -> str:
    shown = [e.rstrip().rstrip(".") for e in errors[:5]]  # one full stop, at the end
    more = f" (och {len(errors) - 5} fel till)" if len(errors) > 5 else ""
    return (
        "Dokumentet är skrivet från ett förråd som inte klarar bfa validate och kan vara "
        "ofullständigt eller fel: " + "; ".join(shown) + more + "."
    )


def render(
    repo: Repo,
    name: str,
    *,
    public: bool = False,
    year: int | None = None,
    entity: str | None = None,
    errors: list[str] | None = None,
    today: dt.date | None = None,
) -> list[Rendered]:
    """Render one kind of document to Markdown (one or more files).

    ``errors`` (the repository's validation errors) makes each document a draft that says
    so at the top; the CLI refuses to render a broken repository without ``--draft``.
    ``today`` is the day planned and held meetings are judged on (uppfoljning,
    motesplan); without it, the day after the report's year.
    """
    kind = document_kind(name)
    refuse_unused(kind, year=year, today=today, entity=entity)
    source = repo  # the safety net below needs the names the public copy no longer has
    if public:  # every value scrubbed before it is escaped and placed
        from ._public import public_repo

        repo = public_repo(repo)
    found = sources(repo, kind)
    if entity is not None and kind.doc_type:
        found = [(s, d) for s, d in found if d is not None and d is repo.dokument.get(entity)]
        if not found:
            from .._messages import did_you_mean

            ids = sorted(
                i for s, d in sources(repo, kind) for i, x in repo.dokument.items() if x is d
            )
            raise RenderError(
                f"'{entity}' är inget dokument av typen {kind.doc_type}.",
                hint=did_you_mean(entity, ids, "Välj en av", limit=len(ids)),
            )
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
        context["utkast"] = draft_text(errors) if errors else ""
        shows = _shows(kind, ctx, doc, entity if not kind.doc_type else None, year, env)
        example = example_sources(ctx, doc, context.pop("källfiler"), kind.bfa_keys, shows)
        context["exempeldata"] = example_text(example) if example else ""
        text = render_template(env, kind.name, kind.name, context)
        text = _tidy(text) + "\n" + MARKER + "\n"
        title, decisions = context["titel"], context["beslut"]
        if public:
            from ._public import scrub

            text, title = scrub(text, source), scrub(title, source)
            decisions = [(k, scrub(v, source)) for k, v in decisions]
            # labels are scrubbed before layout; this catches what a figure says otherwise
            context["figurer"] = {k: scrub(v, source) for k, v in context["figurer"].items()}
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
                example,
                list(errors or []),
            )
        )
    return out


def _shows(
    kind: DocumentKind, ctx: Ctx, doc: Any, entity: str | None, year: int | None, env: Any
) -> Shows:
    """Whether the document shows a value: built again without it, it comes out different
    (text, title, decisions or a figure). Asked only for values marked by key."""

    def face(c: Ctx, d: Any) -> tuple[str, ...]:
        context = kind.build(c, d, entity, year)
        context.update(utkast="", exempeldata="")
        text = render_template(env, kind.name, kind.name, context)
        return text, repr(context["titel"]), repr(context["beslut"]), repr(context["figurer"])

    seen: list[tuple[str, ...]] = []

    def shows(folder: str, eid: str, key: str) -> bool:
        if not seen:
            seen.append(face(ctx, doc))
        entry = ctx.repo.entry(folder, eid)
        model = entry.model if entry else None
        for changed in (False, True):
            other = without(model, key, changed=changed)
            if other is None:  # not a value bfa can take away: say it, to be safe
                return True
            c = Ctx(repo_with(ctx.repo, folder, eid, other), public=ctx.public, today=ctx.today)
            try:
                if face(c, other if model is doc else doc) != seen[0]:
                    return True
            except Exception:  # the document cannot be built without it: it depends on it
                return True
        return False

    return shows


def render_meeting(
    repo: Repo,
    name: str,
    meeting: list[str],
    *,
    public: bool = False,
    errors: list[str] | None = None,
) -> Rendered:
    """The kallelse or protokoll of one meeting (a meeting file, an id, or body and date)."""
    from ._meetings import find_meeting, meeting_context

    kind = name.strip().lower()
    if kind in ("minnesanteckningar", "anteckningar"):
        kind = "protokoll"
    if kind not in MEETING_DOCUMENTS:
        raise RenderError(
            f"'{name}' är inget mötesdokument.", hint="Mötesdokument: kallelse, protokoll."
        )
    mid = find_meeting(repo, meeting)
    source = repo
    if public:
        from ._public import public_repo

        repo = public_repo(repo)
    context = meeting_context(Ctx(repo, public=public), mid, kind)
    entry = repo.entry("moten", mid)
    example = [entry.file] if entry and context["exempeldata"] else []
    context["exempeldata"] = example_text(example) if example else ""
    context["utkast"] = draft_text(errors) if errors else ""
    text = render_template(environment(repo.root), kind, kind, context)
    text = _tidy(text) + "\n" + MARKER + "\n"
    title = context["titel"]
    stem = f"{kind if kind == 'kallelse' else context['form']}-{mid}"
    if public:
        from ._public import scrub

        text, title = scrub(text, source), scrub(title, source)
    return Rendered(
        stem,
        kind,
        text,
        title,
        context["beslut"],
        context["kommun"],
        context["datum"],
        {},
        public,
        example,
        list(errors or []),
    )


def repository_errors(repo: Repo) -> list[str]:
    """The repository's errors (as ``bfa validate`` finds them), one line each with place."""
    from ..findings import Severity
    from ..rules import validate

    out = []
    for f in sorted(validate(repo), key=lambda f: f.sort_key()):
        if f.severity is not Severity.ERROR:
            continue
        where = f.file or "förrådet"
        if f.line:
            where += f":{f.line}:{f.column}"
        out.append(f"{where}: {f.message}")
    return out


def render_all(
    repo: Repo,
    *,
    public: bool = False,
    year: int | None = None,
    errors: list[str] | None = None,
    today: dt.date | None = None,
) -> list[Rendered]:
    """Every document the repository has data for: each lägesbild (the one ``bfa render
    lagesbild`` writes as ``lagesbild``, the others as ``lagesbild-ID``). Kallelser and
    protokoll are written per meeting (``bfa render kallelse ORGAN DATUM``), not here."""
    from ._documents.lagesbild import default_id

    out: list[Rendered] = []
    for name, kind in DOCUMENTS.items():
        if not kind.in_all(repo) or not sources(repo, kind):
            continue
        out.extend(
            render(
                repo,
                name,
                public=public,
                year=year if "year" in kind.options else None,
                errors=errors,
                today=today if "today" in kind.options else None,
            )
        )
        if name == "lagesbild":
            first = default_id(repo.lagesbilder)
            for lid in sorted(repo.lagesbilder):
                if lid == first:
                    continue
                for doc in render(repo, name, public=public, entity=lid, errors=errors):
                    out.append(dataclasses.replace(doc, name=f"{name}-{lid}"))
    return out


_LIST = re.compile(r"\s*([-*] |\d+\. )")
_LABEL = re.compile(r"\*\*[^*]+:\*\* ")


def _tidy(text: str) -> str:
    """At most one blank line in a row, no trailing spaces, and a blank line before every
    heading, list, table and labelled line ("**Möten:** …") that follows other text, so that
    Markdown never glues them to the paragraph above: stable, diffable Markdown."""
    lines = [line.rstrip() for line in text.splitlines()]
    out: list[str] = []
    fence = False
    for line in lines:
        if line == "" and (not out or out[-1] == ""):
            continue
        prev = out[-1] if out else ""
        if line.startswith("```"):
            fence = not fence
        elif not fence and prev and not prev.startswith("```"):
            starts = (
                line.startswith("#")
                or (_LIST.match(line) and not _LIST.match(prev))
                or (line.startswith("|") and not prev.startswith("|"))
                or _LABEL.match(line)
            )
            if starts:
                out.append("")
        out.append(line)
    while out and out[-1] == "":
        out.pop()
    return "\n".join(out) + "\n"


PDF_MARKER = b"bfa-rendering"


def to_pdf(doc: Rendered) -> bytes:
    """The PDF/A-2b of a rendered document, byte-identical for identical input."""
    from .. import __version__
    from ._format import genitiv
    from ._typst import compile_pdf, markdown_to_typst

    source, inputs = markdown_to_typst(
        doc.markdown,
        title=doc.title,
        meta=doc.meta,
        kommun=doc.kommun,
        date=doc.date,
        figures=doc.figures,
        public=doc.public,
        banners=doc.banners,
        producer=f"Skrivet av bfa {__version__} från {genitiv(doc.kommun)} förråd",
        float_chart=doc.kind == "organisation",
    )
    return compile_pdf(source, inputs)


def stale(repo: Repo, folder: Any) -> tuple[list[str], list[str]]:
    """(stale, checked) committed renderings in ``folder``: every Markdown file
    ``bfa render --all`` would write there is checked, and one that is missing is stale
    (a deleted rendering is noticed). A missing folder is an error, not "nothing to check"."""
    from pathlib import Path

    from ..errors import UsageError

    folder = Path(folder)
    if not folder.is_dir():
        raise UsageError(
            f"Mappen {folder} finns inte; det finns inga renderingar att kontrollera där.",
            hint="Skriv dem med bfa render --all -o MAPP, eller ange rätt mapp med -o.",
        )
    checked, out = [], []
    for doc in render_all(repo):
        path = folder / f"{doc.name}.md"
        checked.append(str(path))
        if not path.is_file() or path.read_text(encoding="utf-8") != doc.markdown:
            out.append(str(path))
    return out, checked
