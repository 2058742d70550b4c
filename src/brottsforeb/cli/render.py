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
        False,
        "--all",
        help="Skriv alla dokument förrådet har uppgifter för, varje lägesbild för sig "
        "(kräver -o MAPP). Kallelser och protokoll skrivs per möte: "
        "bfa render kallelse ORGAN DATUM.",
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
    base: str | None = typer.Option(
        None,
        "--base",
        help="Med forslag: revisionen med nuvarande organisation (gren, tagg eller commit), "
        "t.ex. main.",
    ),
    head: str | None = typer.Option(
        None,
        "--head",
        help="Med forslag: revisionen med den föreslagna organisationen. Standard: arbetskopian.",
    ),
    today: str | None = typer.Option(
        None,
        "--today",
        metavar="ÅÅÅÅ-MM-DD",
        help="Dagen läget bedöms per: hållna och planerade möten i uppföljning och "
        "mötesplan (standard: dagen efter årets slut), och om en överenskommelse har gått ut "
        "(utan --today anges bara slutdagen). Gäller inte lägesbild, kallelse och protokoll.",
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
    (bfa render kallelse styrgrupp 2026-03-10).

    forslag (förslag) --base REV skriver en tjänsteskrivelse om ändrad organisation: båda
    organisationsscheman, varje förändring och styrdokument som upphör, jämfört med REV."""
    from ..render import DOCUMENTS, MEETING_DOCUMENTS

    if list_:
        for name, kind in DOCUMENTS.items():
            typer.echo(f"{name:<27} {kind.description}")
        for name, description in MEETING_DOCUMENTS.items():
            typer.echo(f"{name:<27} {description}")
        typer.echo(f"{'forslag':<27} Tjänsteskrivelse om ändrad organisation (kräver --base)")
        return
    meeting, path = _split_args(document, list(args or []))
    proposal = document is not None and document.strip().lower() in ("forslag", "förslag")
    _refuse_unused(
        proposal, meeting, document, all_, base=base, head=head, year=year, id=entity, today=today
    )
    if proposal:
        chosen = list(dict.fromkeys(formats)) or [DocFormat.md]
        if len(chosen) > 1:
            raise fail("forslag skrivs i ett format i taget.", "Ange --format md eller pdf.")
        _proposal(path, base, head, chosen[0], out, force, public)
        return
    from .. import load_repo
    from ..errors import BrokenRepositoryError
    from ..render import render, render_all, render_meeting, stale
    from ..render._output import all_folder, deliver, deliver_all, refuse_broken

    if (all_ or check) and document is not None and path == Path("."):
        path, document = Path(document), None  # `bfa render --all SÖKVÄG`
    day = parse_today(today) if today else None
    repo = load_repo(path)
    if check:
        folder = out or (repo.root or Path(".")) / "renderingar"
        old, checked = stale(repo, folder)
        for p in old:
            typer.echo(f"{'inaktuell' if Path(p).is_file() else 'saknas'}: {p}")
        typer.echo(
            f"{len(checked) - len(old)} av {len(checked)} renderingar i {folder} är aktuella."
            if checked
            else f"Inga renderingar att kontrollera i {folder}."
        )
        raise typer.Exit(1 if old else 0)
    try:
        errors = refuse_broken(repo, draft)
    except BrokenRepositoryError as exc:
        for line in exc.errors:
            sys.stderr.write(f"  {line}\n")
        raise
    fmts = [f.value for f in formats]
    if all_:
        all_folder(out)  # refused before the (slow) rendering
        docs = render_all(repo, public=public, year=year, errors=errors, today=day)
        deliver_all(repo, docs, fmts, out, force=force, report=_wrote)
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
    sys.stdout.write(deliver(repo, docs, fmts, out, force=force, report=_wrote).stdout)


def _refuse_unused(
    proposal: bool, meeting: object, document: str | None, every: bool, **given: object
) -> None:
    """--base/--head belong to forslag, --year/--today/--id to documents; one given where
    it is not read is an error, never dropped without a word."""
    from ..render import MEETING_DOCUMENTS

    used = {k for k, v in given.items() if v is not None}
    name = (document or "").strip().lower()
    is_meeting = bool(meeting) or name in (*MEETING_DOCUMENTS, "minnesanteckningar")
    if proposal:
        wrong = used - {"base", "head"}
        what = "forslag"
    else:
        wrong = used & {"base", "head"}
        if is_meeting:
            wrong |= used & {"year", "today", "id"}
        if every:  # --all writes each document and each lägesbild: no one of them to name
            wrong |= used & {"id"}
        what = "--all" if every else "kallelse och protokoll" if is_meeting else name
    if wrong:
        option = "--" + sorted(wrong)[0]
        raise fail(
            f"{option} gäller inte {what}.",
            "--base och --head gäller forslag; --year uppföljning och mötesplan; --today "
            "styrdokumenten; --id dokument och lägesbilder som kan finnas i flera.",
        )


def _wrote(path: Path) -> None:
    typer.echo(f"skrev {path}", err=True)


def _proposal(
    path: Path,
    base: str | None,
    head: str | None,
    fmt: DocFormat,
    out: Path | None,
    force: bool,
    public: bool,
) -> None:
    """`bfa render forslag --base REV`: the tjänsteskrivelse of a reorganisation."""
    from ..forslag import build
    from ..render._output import deliver

    if base is None:
        raise fail(
            "forslag jämför två revisioner och kräver --base.",
            "Exempel: bfa render forslag --base main (på grenen med förslaget).",
        )
    if fmt not in (DocFormat.md, DocFormat.pdf):
        raise fail("forslag skrivs som md eller pdf.", "Ange --format md eller --format pdf.")
    doc = build(path, base, head, public=public)
    sys.stdout.write(deliver(None, [doc], [fmt.value], out, force=force, report=_wrote).stdout)
