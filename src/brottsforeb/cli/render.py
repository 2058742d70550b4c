"""bfa render"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ._common import command, fail, parse_today


class DocFormat(StrEnum):
    md = "md"
    pdf = "pdf"
    docx = "docx"
    html = "html"


def _split_args(document: str | None, args: list[str]) -> tuple[list[str], Path]:
    """(meeting words, repository path) from the positional arguments after DOKUMENT.

    A meeting document takes the meeting (a file, or body and date) and then, optionally,
    the repository folder; every other document takes only the folder.
    """
    from ..render import MEETING_DOCUMENTS

    meeting_doc = (document or "").strip().lower() in (
        *MEETING_DOCUMENTS,
        "minnesanteckningar",
    )
    if not meeting_doc:
        if len(args) > 1:
            raise fail(
                "För många argument: " + " ".join(args[1:]) + ".",
                "Ange dokumentet och förrådets mapp, t.ex. bfa render riktlinje .",
            )
        return [], Path(args[0]) if args else Path(".")
    words = list(args)
    path = Path(".")
    if words and Path(words[-1]).is_dir():
        path = Path(words.pop())
    elif len(words) == 1 and Path(words[0]).is_file():
        path = Path(words[0]).resolve().parent
    return words, path


@command("render")
def render_cmd(
    document: str | None = typer.Argument(
        None,
        metavar="DOKUMENT",
        help="Dokumentet att skriva, t.ex. riktlinje (se --list).",
        show_default=False,
    ),
    args: list[str] | None = typer.Argument(
        None,
        metavar="SÖKVÄG...",
        help="Förrådets mapp (standard: aktuell mapp). För kallelse och protokoll står "
        "mötet först: mötesfilen, eller organet och datumet (kallelse styrgrupp 2026-03-10 .).",
        show_default=False,
    ),
    formats: list[DocFormat] = typer.Option(
        [DocFormat.md],
        "--format",
        "-f",
        help="md (Markdown), pdf (PDF/A-2b), docx (Word, i kommunens mall) eller html "
        "(en fristående webbsida; med --all även en indexsida). Flera format i ett "
        "kommando: -f pdf -f docx (med --all eller -o MAPP).",
    ),
    out: Path | None = typer.Option(
        None,
        "--out",
        "-o",
        help="Fil att skriva; med --all en "
        "mapp. Utan -o skrivs Markdown till standard ut och PDF "
        "till DOKUMENT.pdf i aktuell mapp.",
    ),
    all_: bool = typer.Option(
        False, "--all", help="Skriv alla dokument förrådet har uppgifter för (kräver -o MAPP)."
    ),
    list_: bool = typer.Option(False, "--list", help="Visa vilka dokument som kan skrivas."),
    check: bool = typer.Option(
        False,
        "--check",
        help="Kontrollera att incheckade "
        "renderingar (renderingar/*.md eller -o MAPP) är aktuella; "
        "felkod 1 om någon är inaktuell.",
    ),
    public: bool = typer.Option(
        False, "--public", help="Offentlig version: utan namn och kontaktuppgifter till personer."
    ),
    year: int | None = typer.Option(
        None,
        "--year",
        metavar="ÅÅÅÅ",
        min=1900,
        max=2199,
        help="År för uppföljning och mötesplan. Standard: året för det senaste mötet.",
    ),
    entity: str | None = typer.Option(
        None,
        "--id",
        metavar="ID",
        help="Vilket dokument eller vilken lägesbild (id) när det finns flera.",
    ),
    force: bool = typer.Option(
        False, "--force", help="Skriv över filer som inte är skrivna av bfa."
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Dagen hållna och planerade möten bedöms per i uppföljning och mötesplan. "
        "Standard: dagen efter årets slut.",
    ),
    draft: bool = typer.Option(
        False,
        "--draft",
        help="Skriv ett utkast även om förrådet har fel; första sidan säger då att "
        "dokumentet är skrivet från ett förråd med fel.",
    ),
) -> None:
    """Skriv styrdokumenten och mötesdokumenten som Markdown, PDF, Word eller HTML:
    riktlinje, organisation, åtgärdsplan, lägesbild, uppföljning, samverkansöverenskommelse,
    medborgarlöften, mötesplan, samt kallelse och protokoll till ett möte
    (bfa render kallelse styrgrupp 2026-03-10)."""
    from ..render import DOCUMENTS, MEETING_DOCUMENTS

    if list_:
        for name, kind in DOCUMENTS.items():
            typer.echo(f"{name:<27} {kind.description}")
        for name, description in MEETING_DOCUMENTS.items():
            typer.echo(f"{name:<27} {description}")
        return
    meeting, path = _split_args(document, list(args or []))
    from .. import load_repo
    from .._io import write_output
    from ..render import (
        DOCX_MARKER,
        HTML_MARKER,
        MARKER,
        PDF_MARKER,
        Rendered,
        html_index,
        render,
        render_all,
        render_meeting,
        repository_errors,
        stale,
        to_docx,
        to_html,
        to_pdf,
    )

    if (all_ or check) and document is not None and path == Path("."):
        path, document = Path(document), None  # `bfa render --all SÖKVÄG`
    day = parse_today(today) if today else None
    repo = load_repo(path)
    if check:
        folder = out or (repo.root or Path(".")) / "renderingar"
        old, checked = stale(repo, folder)
        for p in old:
            typer.echo(f"inaktuell: {p}")
        typer.echo(
            f"{len(checked) - len(old)} av {len(checked)} renderingar i {folder} är aktuella."
            if checked
            else f"Inga renderingar att kontrollera i {folder}."
        )
        raise typer.Exit(1 if old else 0)

    errors = repository_errors(repo)
    if errors and not draft:
        for line in errors:
            sys.stderr.write(f"  {line}\n")
        raise fail(
            f"Förrådet har {len(errors)} fel; inget dokument skrivs.",
            "Rätta felen (se bfa validate), eller skriv ett utkast som säger att det "
            "bygger på ett förråd med fel: bfa render --draft.",
            code=1,
        )

    fmts = list(dict.fromkeys(formats)) or [DocFormat.md]

    def write(doc: Rendered, target: Path, fmt: DocFormat, *, index: bool = False) -> None:
        if fmt is DocFormat.pdf:
            write_output(target, to_pdf(doc), marker=PDF_MARKER, force=force)
        elif fmt is DocFormat.docx:
            write_output(target, to_docx(doc, repo), marker=DOCX_MARKER, force=force)
        elif fmt is DocFormat.html:
            page = to_html(doc, index=index)
            write_output(target, page.encode("utf-8"), marker=HTML_MARKER, force=force)
        else:
            write_output(target, doc.markdown.encode("utf-8"), marker=MARKER.encode(), force=force)
        typer.echo(f"skrev {target}", err=True)

    if all_:
        if out is None:
            raise fail("--all kräver -o MAPP.", "Exempel: bfa render --all -o renderingar")
        if out.exists() and not out.is_dir():
            raise fail(f"{out} är en fil; --all skriver till en mapp.")
        out.mkdir(parents=True, exist_ok=True)
        docs = render_all(repo, public=public, year=year, errors=errors, today=day)
        for fmt in fmts:
            for doc in docs:
                write(doc, out / f"{doc.name}.{fmt.value}", fmt, index=True)
        if DocFormat.html in fmts:
            index = out / "index.html"
            write_output(
                index, html_index(repo, docs).encode("utf-8"), marker=HTML_MARKER, force=force
            )
            typer.echo(f"skrev {index}", err=True)
        return
    if document is None:
        raise fail(
            "Ange vilket dokument som ska skrivas, eller --all.",
            "Se bfa render --list för dokumenten.",
        )
    if meeting or document.strip().lower() in (*MEETING_DOCUMENTS, "minnesanteckningar"):
        docs = [render_meeting(repo, document, meeting, public=public, errors=errors)]
    else:
        docs = render(
            repo, document, public=public, year=year, entity=entity, errors=errors, today=day
        )
    if out is not None and out.is_dir():
        for fmt in fmts:
            for doc in docs:
                write(doc, out / f"{doc.name}.{fmt.value}", fmt)
        return
    if len(fmts) > 1 and out is not None:
        raise fail(
            f"{out} är ingen mapp; flera format skrivs till en mapp.",
            "Ange en befintlig mapp med -o, eller ett format i taget.",
        )
    if len(docs) > 1:
        raise fail(
            f"Förrådet har {len(docs)} dokument av den sorten; välj ett med --id "
            "eller ange en mapp med -o.",
            ", ".join(d.name for d in docs),
        )
    doc = docs[0]
    if fmts == [DocFormat.md] and out is None:
        sys.stdout.write(doc.markdown)
        return
    for fmt in fmts:
        write(doc, out or Path(f"{doc.name}.{fmt.value}"), fmt)
