"""The one Jinja environment: sandboxed, strict, escaping every expression for Markdown."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from .._escape import Safe, cell, md
from ..errors import RenderError
from ._format import genitiv, mening, mitt, mitt_lista, procent, tal, uppräkning

PACKAGE_TEMPLATES = Path(__file__).resolve().parent.parent / "templates"


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    return md(value)


def _contained_loader(folder: Path) -> Any:
    """A loader for the municipality's templates/ that never reads outside it.

    Jinja already refuses '..' in template names; this also refuses a template
    that is a symbolic link (or sits in a linked folder) pointing elsewhere.
    """
    from jinja2 import FileSystemLoader

    class ContainedLoader(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not real.is_relative_to(folder.resolve()):
                raise RenderError(
                    f"Mallen templates/{template} pekar utanför förrådet ({real}) och används "
                    "inte.",
                    hint="Kopiera in mallen i templates/ i stället för att länka till den.",
                )
            return source, filename, uptodate

    return ContainedLoader(str(folder), followlinks=False)


def environment(repo_root: Path | None) -> Any:
    """Templates from the municipality's templates/ first, then bfa's own."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    loaders = []
    if repo_root is not None and (repo_root / "templates").is_dir():
        loaders.append(_contained_loader(repo_root / "templates"))
    loaders.append(FileSystemLoader(str(PACKAGE_TEMPLATES)))
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(loaders),
        undefined=StrictUndefined,
        finalize=_finalize,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["cell"] = lambda v: Safe(cell(v))
    env.filters["md"] = lambda v: Safe(md(v))
    env.filters["markdown"] = Safe
    env.filters["datum"] = lambda d: "" if d is None else d.isoformat()
    env.filters["tal"] = tal
    env.filters["procent"] = procent
    env.filters["mitt"] = mitt
    env.filters["mitt_lista"] = mitt_lista
    env.filters["genitiv"] = genitiv
    env.filters["mening"] = mening
    env.filters["uppräkning"] = uppräkning
    return env


def render_template(env: Any, name: str, document: str, context: dict[str, Any]) -> str:
    """Render one template; a missing field is a Swedish error naming document and field."""
    from jinja2 import TemplateError, UndefinedError

    try:
        template = env.get_template(f"{name}.md.j2")
        return str(template.render(**context))
    except UndefinedError as exc:
        raise RenderError(
            f"Dokumentet '{document}' kan inte skrivas: mallen använder ett fält som saknas "
            f"({exc.message}).",
            hint="Fyll i fältet i förrådet, eller rätta mallen i templates/.",
        ) from None
    except TemplateError as exc:
        raise RenderError(
            f"Mallen för '{document}' är trasig: {exc.message}",
            hint="Rätta mallen i templates/ eller ta bort den för att använda bfa:s egen.",
        ) from None
