"""The one Jinja environment: sandboxed, strict, escaping every expression for Markdown."""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from .._escape import Safe, cell, md, one_line
from .._pii import find_personnummer
from .._templates import templates_dir
from ..errors import RenderError
from ._format import antal, genitiv, mening, mitt, mitt_lista, procent, tal, uppräkning

#: Limits for every template, the repository's own included (a template is code from
#: the repository, and CI renders it): wall time, characters of output, iterations of
#: all loops together, and the size of any one value a template builds.
MAX_SECONDS = 10.0
MAX_OUTPUT_CHARS = 20_000_000
MAX_LOOP_ITERATIONS = 1_000_000
MAX_VALUE_CHARS = 5_000_000


class TemplateLimitError(RenderError):
    """A template went past one of the limits above."""


def _n(number: int) -> str:
    return f"{number:,}".replace(",", "\u00a0")  # 1 000 000, as Swedish writes it


def _limit(what: str) -> TemplateLimitError:
    return TemplateLimitError(
        f"Mallen avbröts: den {what}.",
        hint="Rätta mallen i templates/ (en loop i en loop, eller en text som upprepas), "
        "eller ta bort den för att använda bfa:s egen.",
    )


def _finalize(value: Any) -> str:
    if value is None:
        return ""
    return md(value)


#: Largest template file read from the repository (the data files' own limit).
MAX_TEMPLATE_BYTES = 1_000_000


def _regular_and_small(folder: Path, template: str) -> None:
    """Refuse a repository template that is not a regular file (a FIFO would block, a
    device never end) or is over MAX_TEMPLATE_BYTES, before Jinja opens it."""
    import os
    import stat

    from jinja2.loaders import split_template_path

    path = os.path.join(folder, *split_template_path(template))
    try:
        info = os.stat(path)
    except OSError:
        return  # not there (bfa's own is used) or a broken link: Jinja says which
    hint = "Rätta mallen i templates/ eller ta bort den för att använda bfa:s egen."
    if not stat.S_ISREG(info.st_mode):
        raise RenderError(f"Mallen templates/{template} är ingen vanlig fil.", hint=hint)
    if info.st_size > MAX_TEMPLATE_BYTES:
        raise RenderError(
            f"Mallen templates/{template} är större än {MAX_TEMPLATE_BYTES // 1000} kB.",
            hint=hint,
        )


def _contained_loader(folder: Path, root: Path) -> Any:
    """A loader for the municipality's templates/ that never reads outside it.

    Jinja already refuses '..' in template names; this also refuses a template
    that is a symbolic link (or sits in a linked folder) pointing elsewhere.
    """
    from jinja2 import FileSystemLoader

    class ContainedLoader(FileSystemLoader):
        def get_source(self, environment: Any, template: str) -> Any:
            _regular_and_small(folder, template)
            source, filename, uptodate = super().get_source(environment, template)
            real = Path(filename).resolve()
            if not (real.is_relative_to(folder.resolve()) and real.is_relative_to(root.resolve())):
                raise RenderError(
                    f"Mallen templates/{template} pekar utanför förrådet ({real}) och används "
                    "inte.",
                    hint="Kopiera in mallen i templates/ i stället för att länka till den.",
                )
            for line, _col, what, masked in find_personnummer(source):
                raise RenderError(
                    f"Mallen templates/{template} innehåller ett {what} ({masked}) på rad "
                    f"{line} och används inte.",
                    hint="Ta bort numret ur mallen; uppgifter om enskilda personer får inte "
                    "finnas i förrådet.",
                )
            return source, filename, uptodate

    return ContainedLoader(str(folder), followlinks=False)


def _limited_class() -> Any:
    """ImmutableSandboxedEnvironment with limits on time, output, loops and value sizes.

    Jinja's sandbox stops a template from reaching Python, not from running forever or
    filling memory. Here every loop iterates through ``bfa_loop`` (counted and timed),
    every ``~`` through ``bfa_concat``, the operators * ** + through ``call_binop``,
    every call and filter through a size check, and ``render_template`` stops the output
    at MAX_OUTPUT_CHARS; all of them check the deadline.
    """
    from jinja2 import nodes
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    def too_big(value: Any) -> bool:
        return isinstance(value, (str, list, tuple, bytes)) and len(value) > MAX_VALUE_CHARS

    class Limited(ImmutableSandboxedEnvironment):
        intercepted_binops = frozenset({"*", "**", "+", "%"})
        bfa_deadline = float("inf")
        bfa_iterations = 0

        def bfa_start(self) -> None:
            self.bfa_deadline = time.monotonic() + MAX_SECONDS
            self.bfa_iterations = 0

        def bfa_tick(self) -> None:
            if time.monotonic() > self.bfa_deadline:
                raise _limit(f"tog mer än {MAX_SECONDS:.0f} sekunder")

        def bfa_loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
            for item in iterable:
                self.bfa_iterations += 1
                if self.bfa_iterations > MAX_LOOP_ITERATIONS:
                    raise _limit(f"gick mer än {_n(MAX_LOOP_ITERATIONS)} varv i sina loopar")
                if self.bfa_iterations % 256 == 0:
                    self.bfa_tick()
                yield item

        def bfa_concat(self, parts: list[Any]) -> str:
            self.bfa_tick()
            size = sum(len(p) if isinstance(p, str) else 0 for p in parts)
            if size > MAX_VALUE_CHARS:
                raise _limit(f"byggde en text längre än {_n(MAX_VALUE_CHARS)} tecken")
            return "".join(str(p) for p in parts)

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            self.bfa_tick()
            big = f"byggde en text längre än {_n(MAX_VALUE_CHARS)} tecken"
            if operator == "**" and any(
                isinstance(x, (int, float)) and abs(x) > limit
                for x, limit in ((right, 64), (left, 2**64))
            ):
                raise _limit("räknade med för stora tal")
            sizes = [len(x) for x in (left, right) if isinstance(x, (str, list, tuple))]
            numbers = [x for x in (left, right) if isinstance(x, (int, float))]
            if (
                operator == "*"
                and sizes
                and numbers
                and sizes[0] * max(numbers[0], 0) > (MAX_VALUE_CHARS)
            ):
                raise _limit(big)
            if operator == "+" and sum(sizes) > MAX_VALUE_CHARS:
                raise _limit(big)
            if operator == "%" and isinstance(left, str) and _huge_format(left, right):
                raise _limit(big)
            return super().call_binop(context, operator, left, right)

        def call(self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            self.bfa_tick()
            for a in (*args, *kwargs.values()):
                if isinstance(a, (int, float)) and not isinstance(a, bool) and a > MAX_VALUE_CHARS:
                    raise _limit("anropade en funktion med ett för stort tal")
            owner = getattr(__obj, "__self__", None)
            if (
                isinstance(owner, str)
                and getattr(__obj, "__name__", "") in ("format", "format_map")
                and _huge_format(owner, args)
            ):
                raise _limit(f"byggde en text längre än {_n(MAX_VALUE_CHARS)} tecken")
            result = super().call(__context, __obj, *args, **kwargs)
            if too_big(result):
                raise _limit(f"byggde en text längre än {_n(MAX_VALUE_CHARS)} tecken")
            return result

        def _parse(self, source: str, name: str | None, filename: str | None) -> Any:
            tree = super()._parse(source, name, filename)
            for loop in tree.find_all(nodes.For):
                loop.iter = nodes.Call(
                    nodes.EnvironmentAttribute("bfa_loop"), [loop.iter], [], None, None
                )
            for concat in list(tree.find_all(nodes.Concat)):
                call = nodes.Call(
                    nodes.EnvironmentAttribute("bfa_concat"),
                    [nodes.List(concat.nodes)],
                    [],
                    None,
                    None,
                )
                concat.nodes = [call]
            return tree

    return Limited


#: Widths and precisions in a format string: %09999d, %.9999s, {:>9999}, {0:9999.3f}.
_WIDTHS = re.compile(r"%[-+ #0]*(\d*)(?:\.(\d*))?|\{[^{}]*?:([^{}]*)\}")


def _huge_format(fmt: str, args: Any) -> bool:
    """Whether formatting ``fmt`` would pad to more than MAX_VALUE_CHARS: a width in the
    string itself, or a ``*`` width taken from ``args``. (The pad is built in C, in one
    step, before any result check could see it.)"""
    for m in _WIDTHS.finditer(fmt):
        spec = m.group(3) if m.group(3) is not None else f"{m.group(1)}.{m.group(2) or ''}"
        if any(int(d) > MAX_VALUE_CHARS for d in re.findall(r"\d+", spec)):
            return True
    if "*" in fmt:
        values = args if isinstance(args, (tuple, list)) else (args,)
        return any(
            isinstance(v, int) and not isinstance(v, bool) and abs(v) > MAX_VALUE_CHARS
            for v in values
        )
    return False


def _guard_filter(env: Any, func: Callable[..., Any]) -> Callable[..., Any]:
    """A filter that refuses huge numeric arguments and huge results (center(3e9) …)."""
    import functools

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        env.bfa_tick()
        for a in (*args[1:], *kwargs.values()):
            if isinstance(a, (int, float)) and not isinstance(a, bool) and a > MAX_VALUE_CHARS:
                raise _limit("anropade ett filter med ett för stort tal")
        if (
            func.__name__ == "do_format"
            and args
            and isinstance(args[0], str)
            and _huge_format(args[0], args[1:])
        ):
            raise _limit(f"byggde en text längre än {_n(MAX_VALUE_CHARS)} tecken")
        result = func(*args, **kwargs)
        if isinstance(result, (str, list, tuple)) and len(result) > MAX_VALUE_CHARS:
            raise _limit(f"byggde en text längre än {_n(MAX_VALUE_CHARS)} tecken")
        return result

    return guarded


def link(value: Any) -> Any:
    """A web address as a Markdown autolink (``<https://…>``): clickable in the PDF, in
    Word and on the web page. Only http(s) and msteams addresses (the models accept no
    other); a character that could end the link is percent-encoded. Anything else is text."""
    text = str(value or "")
    if not text.startswith(("https://", "http://", "msteams:")):
        return md(text)
    return Safe("<" + re.sub(r"[<>\s\\\"`]", lambda m: f"%{ord(m.group(0)):02X}", text) + ">")


def environment(repo_root: Path | None) -> Any:
    """Templates from the municipality's templates/ first, then bfa's own."""
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined

    loaders = []
    if repo_root is not None and (repo_root / "templates").is_dir():
        loaders.append(_contained_loader(repo_root / "templates", repo_root))
    loaders.append(FileSystemLoader(str(templates_dir())))
    env = _limited_class()(
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
    env.filters["antal"] = antal
    env.filters["procent"] = procent
    env.filters["mitt"] = mitt
    env.filters["mitt_lista"] = mitt_lista
    env.filters["genitiv"] = genitiv
    env.filters["mening"] = mening
    env.filters["uppräkning"] = uppräkning
    env.filters["länk"] = link
    for name, func in list(env.filters.items()):
        env.filters[name] = _guard_filter(env, func)
    # lipsum(n) builds n paragraphs of filler in one call, outside every loop counter;
    # no document needs it
    env.globals.pop("lipsum", None)
    env.bfa_untrusted = len(loaders) > 1  # the repository has templates of its own
    return env


def render_template(env: Any, name: str, document: str, context: dict[str, Any]) -> str:
    """Render one template; a missing field is a Swedish error naming document and field.

    With templates from the repository, the render runs in a child process with a hard
    memory and time limit (``_isolate``), so even one operation in C is bounded.
    """
    from ._isolate import can_isolate, in_child

    if getattr(env, "bfa_untrusted", False) and can_isolate():
        return in_child(lambda: _render(env, name, document, context), MAX_SECONDS, _limit)
    return _render(env, name, document, context)


def _render(env: Any, name: str, document: str, context: dict[str, Any]) -> str:
    from jinja2 import TemplateError, UndefinedError
    from jinja2.exceptions import SecurityError

    try:
        if hasattr(env, "bfa_start"):
            env.bfa_start()
        template = env.get_template(f"{name}.md.j2")
        out: list[str] = []
        size = 0
        for chunk in template.generate(**context):
            out.append(chunk)
            size += len(chunk)
            if size > MAX_OUTPUT_CHARS:
                raise _limit(f"skrev mer än {_n(MAX_OUTPUT_CHARS)} tecken")
            if len(out) % 256 == 0 and hasattr(env, "bfa_tick"):
                env.bfa_tick()
        return "".join(out)
    except RenderError:
        raise
    except (RecursionError, MemoryError, OverflowError):
        raise _limit("anropade sig själv för djupt eller byggde för stora värden") from None
    except UndefinedError as exc:
        import re

        # Jinja's English ("'x' is undefined", "'dict object' has no attribute 'x'"): the name
        found = re.search(
            r"attribute '([^']{1,80})'|^'([^']{1,80})' is undefined", exc.message or ""
        )
        name = next((g for g in found.groups() if g), "") if found else ""
        raise RenderError(
            f"Dokumentet '{document}' kan inte skrivas: mallen använder ett fält som saknas"
            + (f" ('{one_line(name)}')." if name else "."),
            hint="Fyll i fältet i förrådet, eller rätta mallen i templates/.",
        ) from None
    except SecurityError as exc:  # the sandbox said no: in Swedish, what was refused
        import re

        named = re.search(r"attribute '([^']{1,80})'", str(exc.message))
        what = f" (attributet '{one_line(named.group(1))}')" if named else ""
        raise RenderError(
            f"Mallen för '{document}' försöker nå något som mallar inte får nå{what}; "
            "den används inte.",
            hint="Mallar får bara läsa förrådets uppgifter. Rätta mallen i templates/ eller "
            "ta bort den för att använda bfa:s egen.",
        ) from None
    except TemplateError as exc:
        raise RenderError(
            f"Mallen för '{document}' är trasig: {exc.message}",
            hint="Rätta mallen i templates/ eller ta bort den för att använda bfa:s egen.",
        ) from None
    except Exception as exc:
        if not getattr(env, "bfa_untrusted", False):
            raise  # bfa's own templates: a bug in bfa
        # the repository's template called a filter or method with values it cannot take
        # ("x".split(""), "x"|filesizeformat): the template's fault, said as such
        detail = one_line(str(exc))[:200]
        raise RenderError(
            f"Mallen för '{document}' är trasig: {type(exc).__name__}: {detail}",
            hint="Rätta mallen i templates/ eller ta bort den för att använda bfa:s egen.",
        ) from None
