"""Generated documentation: the vocabulary table and the rule catalog.

A developer tool, not part of the installed package. Regenerate from the project
root with ``python -m tools.docgen``; the test suite fails when the committed files
differ from what this module writes.
"""

from __future__ import annotations

import datetime as dt
import sys
import types
from pathlib import Path
from typing import Any, Literal, Union, get_args, get_origin

from pydantic import BaseModel

from brottsforeb.model import KINDS, Kommun
from brottsforeb.model._walk import _plan, _unwrap, field_label
from brottsforeb.rules import RULES
from brottsforeb.rules.catalog import SCOPE


def _type_name(ann: Any) -> str:
    origin = get_origin(ann)
    if origin is Literal:
        return " \\| ".join(f"`{a}`" for a in get_args(ann))
    if origin is list:
        inner, _ = _unwrap(get_args(ann)[0])
        return f"lista av {_type_name(inner)}"
    if origin in (Union, types.UnionType):
        return " eller ".join(_type_name(a) for a in get_args(ann) if a is not type(None))
    if isinstance(ann, type) and issubclass(ann, BaseModel):
        return "mappning"
    return {str: "text", int: "heltal", float: "tal", bool: "true/false", dt.date: "datum"}.get(
        ann, str(ann)
    )


def _examples(examples: Path) -> dict[tuple[str, ...], str]:
    """First value seen for every key path in the bundled examples."""
    from brottsforeb.loader import load_repo

    seen: dict[tuple[str, ...], str] = {}

    def walk(prefix: tuple[str, ...], value: Any) -> None:
        if isinstance(value, dict):
            for k, v in value.items():
                walk((*prefix, k), v)
        elif isinstance(value, list):
            if value and not isinstance(value[0], dict | list):
                seen.setdefault(prefix, ", ".join(str(v) for v in value[:3]))
            for v in value:
                if isinstance(v, dict):
                    walk(prefix, v)
        else:
            seen.setdefault(prefix, str(value))

    for name in ("torsby", "lindesberg", "norsjo"):
        if not (examples / name).is_dir():
            continue
        repo = load_repo(examples / name)
        for entry in repo.iter_entries():
            walk((entry.kind,), entry.parsed.data)
    return seen


def _cell(text: str) -> str:
    text = " ".join(text.split()).replace("|", "\\|")
    return text if len(text) <= 60 else text[:57] + "…"


def _table(kind: str, cls: type[BaseModel], ex: dict[tuple[str, ...], str]) -> list[str]:
    rows: list[str] = []

    def add(model: type[BaseModel], prefix: tuple[str, ...], depth: int) -> None:
        for name, alias, ann, _ref in _plan(model):
            info = model.model_fields[name]
            key = ".".join((*prefix, alias))
            required = "ja" if info.is_required() else ""
            example = ex.get((kind, *prefix, alias), "")
            rows.append(
                f"| `{key}` | {_cell(field_label(model, alias))} | "
                f"{_cell(info.description or '')} | {_type_name(ann)} | "
                f"{required} | {_cell(example)} |"
            )
            inner = ann
            while get_origin(inner) is list:
                inner, _ = _unwrap(get_args(inner)[0])
            if isinstance(inner, type) and issubclass(inner, BaseModel) and depth < 3:
                add(inner, (*prefix, alias), depth + 1)

    add(cls, (), 0)
    return [
        "| nyckel | benämning | betydelse | värde | krävs | exempel |",
        "|---|---|---|---|---|---|",
        *rows,
    ]


def vocabulary(examples: Path) -> str:
    ex = _examples(examples)
    out = [
        "# Ordlista: nycklarna i förrådets filer",
        "",
        "Genererad från modellerna med `python -m tools.docgen`; exemplen är de första",
        "värdena i de medföljande exemplen (Torsby, Lindesberg, Norsjö). Ändra inte för hand.",
        "Benämningen är det ord `bfa minutes` använder för nyckeln när ett värde ändras.",
        "",
        "En fil beskriver en sak. Mappen anger slaget och filnamnet (utan `.yaml`) är id:t:",
        "små bokstäver a–z, siffror och bindestreck. Okända nycklar är fel.",
        "",
        "## `bfa.yaml` – kommunen",
        "",
        *_table("bfa", Kommun, ex),
    ]
    for kind in KINDS.values():
        where = (
            f"`{kind.folder}/ÅÅÅÅ/ÅÅÅÅ-MM-DD-organ.yaml`"
            if kind.by_year
            else f"`{kind.folder}/<id>.yaml`"
        )
        out += ["", f"## {where} – {kind.singular}", "", *_table(kind.folder, kind.model, ex)]
    return "\n".join(out) + "\n"


def rules_table(examples: Path) -> str:
    out = [
        "# Regelkatalogen",
        "",
        "Genererad från `brottsforeb/rules/catalog/` med `python -m tools.docgen`.",
        "Lagens krav är fel, Brås rekommendationer varningar. Där paragrafen inte är",
        "kontrollerad mot lagtexten står den tom hellre än gissad.",
        "",
        "| id | nivå | källa | paragraf | kommando | regel |",
        "|---|---|---|---|---|---|",
    ]
    for r in RULES:
        if r.command == "load":
            continue
        out.append(
            f"| `{r.id}` | {r.severity.value} | {r.source} | {r.reference} | {r.command} | "
            f"{_cell(r.title)} |"
        )
    out += [
        "",
        "## Vad varje regel kontrollerar, och källan",
        "",
        "Lagens krav citerar paragrafen där den är kontrollerad mot lagtexten, annars lagen och",
        "propositionen 2022/23:43 utan gissad paragraf; Brås rekommendationer citerar Brås",
        'vägledning; "Kommunens beslut" namnger i varje fynd filen och nyckeln (t.ex.',
        "`organ/styrgrupp.yaml: möten`, `bfa.yaml: uppföljning.frekvens`).",
        "",
    ]
    for r in RULES:
        if r.command == "load":
            continue
        out.append(f"- **`{r.id}`** ({r.severity.value}, {r.cited}): {SCOPE.get(r.id, r.title)}")
    out += [
        "",
        "## Fynd vid inläsningen",
        "",
        "Filerna läses innan någon regel körs; det som inte går att läsa blir fynd som både",
        "`validate` och `check` rapporterar. Samma katalog: varje fynd är en rad med",
        "meddelande och tips (flera fall där formuleringen beror på felet).",
        "",
        "| id | nivå | källa | fall | vad |",
        "|---|---|---|---|---|",
    ]
    for r in RULES:
        if r.command == "load":
            out.append(
                f"| `{r.id}` | {r.severity.value} | {r.source} | {len(r.variants) + 1} | "
                f"{_cell(r.title)} |"
            )
    return "\n".join(out) + "\n"


def cli_reference(_examples: Path) -> str:
    """Every command's --help, as the terminal shows it (100 columns)."""
    from typer.testing import CliRunner

    from brottsforeb.cli import app

    def help_of(*args: str) -> str:
        result = CliRunner().invoke(app, [*args, "--help"], terminal_width=100, prog_name="bfa")
        if result.exit_code != 0:
            raise RuntimeError(f"bfa {' '.join(args)} --help: {result.output}")
        return result.stdout.rstrip() + "\n"

    names = sorted(c.name or "" for c in app.registered_commands)
    out = [
        "# Kommandoreferens",
        "",
        "<!-- Genererad av `python -m tools.docgen` från `bfa KOMMANDO --help`; "
        "ändra hjälptexterna i koden, inte här. -->",
        "",
        "Samma text som `bfa KOMMANDO --help` visar. Felkoder: 0 inga fel, 1 fel i filerna "
        "(eller något försenat), 2 oanvändbara argument eller inget bfa-förråd.",
        "",
        "## bfa",
        "",
        "```text",
        help_of().rstrip(),
        "```",
    ]
    for name in names:
        out += ["", f"## bfa {name}", "", "```text", help_of(name).rstrip(), "```"]
    return "\n".join(out) + "\n"


GENERATED = {"vokabular.md": vocabulary, "regler.md": rules_table, "cli.md": cli_reference}


def main() -> None:
    """Run from the project root: writes docs/ from the code and examples/."""
    for name, make in GENERATED.items():
        (Path("docs") / name).write_text(make(Path("examples")), encoding="utf-8")
        sys.stdout.write(f"skrev docs/{name}\n")


if __name__ == "__main__":
    main()
