"""Where rendered documents go: standard output, a file, or a folder (render's output policy).

One document as Markdown without ``-o`` goes to standard output; any other format without
``-o`` to ``NAME.FORMAT`` in the current folder; ``-o FILE`` takes one document in one
format; ``-o FOLDER`` (and ``--all``, which requires it) takes every document in every
format, with an index page for HTML. A file bfa did not write is never replaced unless
``force``: each format has a marker bfa's own files carry.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from .._io import foreign_file, write_output
from ..errors import BfaError, BrokenRepositoryError, RenderError, UsageError, WriteRefusedError
from ..repo import Repo

if TYPE_CHECKING:
    from . import Rendered

FORMATS = ("md", "pdf", "docx", "html")


def _marker(fmt: str) -> bytes:
    from . import DOCX_MARKER, HTML_MARKER, MARKER, PDF_MARKER

    return {"pdf": PDF_MARKER, "docx": DOCX_MARKER, "html": HTML_MARKER}.get(fmt, MARKER.encode())


@dataclass
class Delivery:
    """What rendering delivered: Markdown for standard output, and the files written."""

    stdout: str = ""
    written: list[Path] = field(default_factory=list)
    #: Called with each file as soon as it is written (the CLI says "skrev FIL").
    report: Callable[[Path], None] | None = None

    def wrote(self, path: Path) -> None:
        self.written.append(path)
        if self.report is not None:
            self.report(path)


def refuse_broken(repo: Repo, draft: bool) -> list[str]:
    """The repository's errors, for a draft's banner; without ``draft`` they stop rendering."""
    from . import repository_errors

    errors = repository_errors(repo)
    if errors and not draft:
        raise BrokenRepositoryError(
            f"Förrådet har {len(errors)} fel; inget dokument skrivs.",
            errors,
            hint="Rätta felen (se bfa validate), eller skriv ett utkast som säger att det "
            "bygger på ett förråd med fel: bfa render --draft.",
        )
    return errors


def encode(
    doc: Rendered, fmt: str, repo: Repo | None, *, index: bool = False
) -> tuple[bytes, bytes]:
    """(content, marker) of one document in one format; ``index`` links HTML to index.html."""
    from . import DOCX_MARKER, HTML_MARKER, MARKER, PDF_MARKER, to_docx, to_html, to_pdf

    if fmt == "pdf":
        from ._glyphs import MissingGlyphError

        try:
            return to_pdf(doc), PDF_MARKER
        except MissingGlyphError as exc:
            raise exc.located(repo) from None
    if fmt == "docx":
        if repo is None:
            raise UsageError("Dokumentet kan inte skrivas som Word.", hint="Ange md eller pdf.")
        return to_docx(doc, repo), DOCX_MARKER
    if fmt == "html":
        return to_html(doc, index=index).encode("utf-8"), HTML_MARKER
    return doc.markdown.encode("utf-8"), MARKER.encode()


def _write(
    delivery: Delivery,
    doc: Rendered,
    target: Path,
    fmt: str,
    repo: Repo | None,
    *,
    force: bool,
    index: bool = False,
) -> None:
    data, marker = encode(doc, fmt, repo, index=index)
    write_output(target, data, marker=marker, force=force)
    delivery.wrote(target)


def all_folder(folder: Path | None) -> Path:
    """The folder ``--all`` writes to, made if missing; refused if absent or a file."""
    if folder is None:
        raise UsageError("--all kräver -o MAPP.", hint="Exempel: bfa render --all -o renderingar")
    if folder.exists() and not folder.is_dir():
        raise UsageError(f"{folder} är en fil; --all skriver till en mapp.")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def deliver_all(
    repo: Repo,
    docs: list[Rendered],
    formats: list[str],
    folder: Path | None,
    *,
    force: bool,
    report: Callable[[Path], None] | None = None,
) -> Delivery:
    """``bfa render --all -o FOLDER``: every document in every format, and an HTML index."""
    from . import HTML_MARKER, html_index

    folder = all_folder(folder)
    out = Delivery(report=report)
    fmts = list(dict.fromkeys(formats)) or ["md"]
    targets = [(folder / f"{doc.name}.{fmt}", _marker(fmt)) for fmt in fmts for doc in docs]
    if "html" in fmts:
        targets.append((folder / "index.html", _marker("html")))
    if not force:
        refused = [str(path.name) for path, marker in targets if foreign_file(path, marker)]
        if refused:
            raise WriteRefusedError(
                f"{len(refused)} {'fil' if len(refused) == 1 else 'filer'} i {folder} är inte "
                f"{'skriven' if len(refused) == 1 else 'skrivna'} av bfa och skrivs inte över: "
                + ", ".join(refused)
                + ". Inget har skrivits.",
                hint="Välj en annan mapp, flytta filerna, eller lägg till --force för att "
                "skriva över dem.",
            )
    try:
        for fmt in fmts:
            for doc in docs:
                _write(out, doc, folder / f"{doc.name}.{fmt}", fmt, repo, force=force, index=True)
        if "html" in fmts:
            index = folder / "index.html"
            page = html_index(repo, docs).encode("utf-8")
            write_output(index, page, marker=HTML_MARKER, force=force)
            out.wrote(index)
    except BfaError as exc:
        if not out.written:
            raise
        done = ", ".join(p.name for p in out.written)
        raise RenderError(
            f"{exc.message} Innan felet skrevs {len(out.written)} filer: {done}.",
            hint=exc.hint,
        ) from None
    return out


def deliver(
    repo: Repo | None,
    docs: list[Rendered],
    formats: list[str],
    out: Path | None,
    *,
    force: bool,
    report: Callable[[Path], None] | None = None,
) -> Delivery:
    """One kind of document (one or several files) to standard output, a file or a folder."""
    delivery = Delivery(report=report)
    formats = list(dict.fromkeys(formats)) or ["md"]
    if out is not None and out.is_dir():
        for fmt in formats:
            for doc in docs:
                _write(delivery, doc, out / f"{doc.name}.{fmt}", fmt, repo, force=force)
        return delivery
    if len(formats) > 1 and out is not None:
        raise UsageError(
            f"{out} är ingen mapp; flera format skrivs till en mapp.",
            hint="Ange en befintlig mapp med -o, eller ett format i taget.",
        )
    if len(docs) > 1:
        raise UsageError(
            f"Förrådet har {len(docs)} dokument av den sorten; välj ett med --id "
            "eller ange en mapp med -o.",
            hint=", ".join(d.name for d in docs),
        )
    doc = docs[0]
    if formats == ["md"] and out is None:
        delivery.stdout = doc.markdown
        return delivery
    for fmt in formats:
        _write(delivery, doc, out or Path(f"{doc.name}.{fmt}"), fmt, repo, force=force)
    return delivery
