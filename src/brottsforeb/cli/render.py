"""bfa render"""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from ._common import command, fail


class DocFormat(StrEnum):
    md = "md"
    pdf = "pdf"


@command("render")
def render_cmd(
    document: str | None = typer.Argument(
        None,
        metavar="DOKUMENT",
        help="Dokumentet att skriva, t.ex. riktlinje (se --list).",
        show_default=False,
    ),
    path: Path = typer.Argument(
        Path("."), metavar="SÖKVÄG", help="Förrådets mapp.", show_default=False
    ),
    fmt: DocFormat = typer.Option(
        DocFormat.md, "--format", "-f", help="md (Markdown) eller pdf (PDF/A-2b)."
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
        "--år",
        min=1900,
        max=2199,
        help="År för uppföljning och mötesplan. Standard: året för det senaste mötet.",
    ),
    entity: str | None = typer.Option(
        None, "--id", help="Vilket dokument eller vilken lägesbild (id) när det finns flera."
    ),
    force: bool = typer.Option(
        False, "--force", help="Skriv över filer som inte är skrivna av bfa."
    ),
) -> None:
    """Skriv styrdokumenten som Markdown eller PDF: riktlinje, organisation, åtgärdsplan,
    lägesbild, uppföljning, samverkansöverenskommelse, medborgarlöften och mötesplan."""
    from ..render import DOCUMENTS

    if list_:
        for name, kind in DOCUMENTS.items():
            typer.echo(f"{name:<27} {kind.description}")
        return
    from .. import load_repo
    from .._io import write_output
    from ..render import MARKER, PDF_MARKER, Rendered, render, render_all, stale, to_pdf

    if (all_ or check) and document is not None and path == Path("."):
        path, document = Path(document), None  # `bfa render --all SÖKVÄG`
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

    def write(doc: Rendered, target: Path) -> None:
        if fmt is DocFormat.pdf:
            write_output(target, to_pdf(doc), marker=PDF_MARKER, force=force)
        else:
            write_output(target, doc.markdown.encode("utf-8"), marker=MARKER.encode(), force=force)
        typer.echo(f"skrev {target}", err=True)

    if all_:
        if out is None:
            raise fail("--all kräver -o MAPP.", "Exempel: bfa render --all -o renderingar")
        if out.exists() and not out.is_dir():
            raise fail(f"{out} är en fil; --all skriver till en mapp.")
        out.mkdir(parents=True, exist_ok=True)
        for doc in render_all(repo, public=public, year=year):
            write(doc, out / f"{doc.name}.{fmt.value}")
        return
    if document is None:
        raise fail(
            "Ange vilket dokument som ska skrivas, eller --all.",
            "Se bfa render --list för dokumenten.",
        )
    docs = render(repo, document, public=public, year=year, entity=entity)
    if out is not None and out.is_dir():
        for doc in docs:
            write(doc, out / f"{doc.name}.{fmt.value}")
        return
    if len(docs) > 1:
        raise fail(
            f"Förrådet har {len(docs)} dokument av den sorten; välj ett med --id "
            "eller ange en mapp med -o.",
            ", ".join(d.name for d in docs),
        )
    doc = docs[0]
    if fmt is DocFormat.md and out is None:
        sys.stdout.write(doc.markdown)
        return
    write(doc, out or Path(f"{doc.name}.{fmt.value}"))
