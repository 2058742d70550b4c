"""The scaffold templates (templates/scaffold/): one Jinja environment and what it offers.

The templates write YAML: ``q`` quotes a text (ruamel.yaml's emitter, see ``_yamlout``),
``fill`` writes a ``FYLL I`` placeholder, and ``values("organ.typ")`` lists a field's
allowed values from the model, so a comment naming them cannot drift from what
``bfa validate`` accepts. ``obekräftat`` and ``Filled`` list the values bfa filled in.
"""

from __future__ import annotations

import textwrap
from functools import cache
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel

from .. import _yamlout
from .._ids import PLACEHOLDER
from .._templates import templates_dir
from ..model import KINDS

__all__ = ["Filled", "allowed_values", "fill", "literal_values", "q", "render", "unconfirmed"]


def q(value: str) -> str:
    """A YAML double-quoted scalar: any text, literally."""
    return str(_yamlout.double_quoted(value))


def fill(what: str) -> str:
    """A placeholder the coordinator must replace; MALL-EJ-IFYLLD lists it."""
    return q(f"{PLACEHOLDER}: {what}")


def unconfirmed(keys: list[str]) -> str:
    """The ``obekräftat`` block naming the keys whose values bfa filled in ('' when none)."""
    if not keys:
        return ""
    return (
        "# bfa fyllde i värdena för nycklarna nedan åt dig. Kontrollera dem, ändra vid\n"
        "# behov och stryk nyckeln ur listan när värdet stämmer (bfa validate påminner).\n"
        f"obekräftat: [{', '.join(keys)}]\n"
    )


class Filled:
    """The keys a template filled in for the user, for its ``obekräftat`` list."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def opt(self, key: str, value: str | None, comment: str) -> str:
        """``key: value`` when the repository suggests a value, else a commented-out line."""
        if value:
            self.keys.append(key)
            return f"{key}: {value}"
        return f"# {key}: {comment}"

    def put(self, key: str, text: str = "") -> str:
        """Note ``key`` as filled in by bfa; returns ``text`` (the line, if any)."""
        self.keys.append(key)
        return text

    def typ(self, key: str, given: str | None, default: str) -> str:
        """The type the user gave, else bfa's default (then listed as filled in)."""
        if given is None:
            self.keys.append(key)
        return given or default

    def block(self) -> str:
        return unconfirmed(self.keys)


def literal_values(annotation: Any) -> tuple[str, ...]:
    """The strings of a ``Literal[...]`` (inside Optional/Annotated/list as well)."""
    if get_origin(annotation) is Literal:
        return tuple(str(a) for a in get_args(annotation))
    return tuple(v for a in get_args(annotation) for v in literal_values(a))


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for arg in get_args(annotation):
        found = _model_in(arg)
        if found is not None:
            return found
    return None


@cache
def allowed_values(dotted: str) -> tuple[str, ...]:
    """The allowed values of a field, ``folder.key[.key…]`` as in the files: ``organ.typ``."""
    folder, *keys = dotted.split(".")
    model: type[BaseModel] | None = KINDS[folder].model
    values: tuple[str, ...] = ()
    for key in keys:
        if model is None:
            raise KeyError(dotted)
        field = next(
            (f for name, f in model.model_fields.items() if (f.alias or name) == key), None
        )
        if field is None:
            raise KeyError(dotted)
        values = literal_values(field.annotation)
        model = _model_in(field.annotation)
    if not values:
        raise KeyError(dotted)
    return values


def values(dotted: str, *, without: tuple[str, ...] = ()) -> str:
    """``a, b, c eller d``: the allowed values of a field, in the model's order."""
    shown = [v for v in allowed_values(dotted) if v not in without]
    return ", ".join(shown[:-1]) + " eller " + shown[-1] if len(shown) > 1 else shown[0]


def comment(text: str, width: int = 80, indent: str = "") -> str:
    """``text`` as YAML comment lines of at most ``width`` characters (no final newline)."""
    lines = textwrap.wrap(text, width - len(indent) - 2, break_on_hyphens=False)
    return "\n".join(f"{indent}# {line}" for line in lines)


@cache
def _environment() -> Any:
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    env = Environment(
        loader=FileSystemLoader(str(templates_dir() / "scaffold")),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["q"] = q
    env.filters["kommentar"] = comment
    env.filters["yaml"] = _yamlout.flow
    env.globals.update(fill=fill, values=values, unconfirmed=unconfirmed, Filled=Filled)
    return env


def render(template: str, **context: Any) -> str:
    """The text of ``templates/scaffold/<template>``, ending in exactly one newline."""
    text = str(_environment().get_template(template).render(**context))
    return text.rstrip("\n") + "\n"
