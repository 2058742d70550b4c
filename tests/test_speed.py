"""Start-up measures (src/brottsforeb/_startup.py, the lazy command table): each keeps
behaviour as it was, and each reach into another package fails loudly here when that
package changes."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path

from .conftest import EXAMPLES


def _run(code: str, env: dict[str, str] | None = None, args: tuple[str, ...] = ()) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        check=False,
        env={**os.environ, **(env or {})},
    )
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.strip().splitlines()[-1]


def test_pydantic_asks_the_loader_module_we_replace() -> None:
    """The stub is only right while Pydantic asks ``get_plugins`` of that module."""
    from pydantic.plugin import _schema_validator

    from brottsforeb._startup import PLUGIN_LOADER

    source = inspect.getsource(_schema_validator.create_schema_validator)
    assert "from ._loader import get_plugins" in source
    assert PLUGIN_LOADER == "pydantic.plugin._loader"


def test_real_loader_answers_none_when_all_plugins_are_disabled() -> None:
    """What the stub answers is what Pydantic's own loader answers in that case."""
    from brottsforeb._startup import ALL_DISABLED

    for value in ALL_DISABLED:
        code = "from pydantic.plugin._loader import get_plugins; print(list(get_plugins()) == [])"
        assert _run(code, {"PYDANTIC_DISABLE_PLUGINS": value}) == "True"


def test_the_command_line_stubs_the_loader_and_still_validates() -> None:
    code = (
        "import sys, json; from brottsforeb.cli import main; "
        "import brottsforeb.loader as L; from brottsforeb.rules import validate; "
        f"repo = L.load_repo({str(EXAMPLES / 'torsby')!r}); "
        "print(json.dumps([sys.modules['pydantic.plugin._loader'].__doc__, "
        "'importlib.metadata' in sys.modules, len(validate(repo)), repo.file_count]))"
    )
    env = {k: v for k, v in os.environ.items() if k != "PYDANTIC_DISABLE_PLUGINS"}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env
    )
    doc, metadata, findings, files = json.loads(proc.stdout.strip().splitlines()[-1])
    assert doc.startswith("bfa:") and metadata is False
    assert findings == 0 and files > 50


def test_a_users_own_plugin_setting_is_left_alone() -> None:
    code = (
        "import sys; from brottsforeb import _startup; "
        "print(_startup.no_pydantic_plugins(), 'pydantic.plugin._loader' in sys.modules)"
    )
    assert _run(code, {"PYDANTIC_DISABLE_PLUGINS": "logfire"}) == "False False"
    assert _run(code, {"PYDANTIC_DISABLE_PLUGINS": "__all__"}) == "True True"


def test_collection_resumes_after_the_first_repository() -> None:
    code = (
        "import gc, json, sys; from brottsforeb import _startup; "
        "from brottsforeb.loader import load_repo; "
        "_startup.hold(); held = gc.isenabled(); "
        f"load_repo({str(EXAMPLES / 'norsjo')!r}); "
        "print(json.dumps([held, gc.isenabled(), gc.get_freeze_count() > 10000]))"
    )
    assert json.loads(_run(code)) == [False, True, True]


def test_collection_switched_off_by_someone_else_stays_off() -> None:
    code = (
        "import gc; gc.disable(); from brottsforeb import _startup; "
        "from brottsforeb.loader import load_repo; _startup.hold(); "
        f"load_repo({str(EXAMPLES / 'norsjo')!r}); print(gc.isenabled())"
    )
    assert _run(code) == "False"


def test_a_library_user_is_not_affected() -> None:
    code = (
        "import gc; from brottsforeb.loader import load_repo; "
        f"load_repo({str(EXAMPLES / 'norsjo')!r}); print(gc.isenabled(), gc.get_freeze_count())"
    )
    assert _run(code) == "True 0"


# -- the models' kept validators (model/_prebuilt.py) ----------------------------------------


def _same(a: object, b: object) -> bool:
    """Equal, where a bound method counts as equal when its function and object are
    (JSON-schema metadata holds methods of annotation objects, rebuilt by pickling)."""
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(_same(a[k], b[k]) for k in a)
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b, strict=True))
    if inspect.ismethod(a) and inspect.ismethod(b):
        return a.__func__ is b.__func__ and a.__self__ == b.__self__
    return a == b


def test_kept_validators_are_built_from_equal_schemas() -> None:
    """A kept validator is pydantic-core's validator of its core schema, pickled by name:
    loading it builds the validator of an equal schema."""
    import pickle

    from brottsforeb.model import FILE_MODELS

    for model in FILE_MODELS:
        model.model_rebuild(force=True)
        schema = model.__pydantic_core_schema__
        kept = pickle.loads(pickle.dumps(model.__pydantic_validator__))
        rebuilt_from = kept.__reduce__()[1][0]
        assert _same(schema, rebuilt_from), model.__name__
        assert rebuilt_from is not schema


_PROBE_MODELS = """
import json, sys
from pathlib import Path
from brottsforeb.model import FILE_MODELS, _prebuilt
from brottsforeb.loader import load_repo
from brottsforeb.rules import validate
if sys.argv[1] == "kept":
    assert _prebuilt.install(FILE_MODELS, Path(sys.argv[2]))
else:
    for m in FILE_MODELS:
        m.model_rebuild(force=True)
out = []
for name in ("norsjo", "torsby", "lindesberg"):
    repo = load_repo(Path(sys.argv[3]) / name)
    out.append([str(f) for f in validate(repo)])
    out.append([e.model.model_dump_json() for e in repo.iter_entries() if e.model])
bad = {"Mote": {"datum": "1800-01-01", "x": 1}, "Organ": {"namn": "a\\nb", "typ": 5},
       "Kommun": {"namn": "", "kommunkod": [1]}, "Dokument": {"datum": "2024-13", "titel": 7}}
for model in FILE_MODELS:
    try:
        model.model_validate(bad.get(model.__name__, {"okänd": True}))
    except Exception as exc:
        out.append(exc.errors(include_url=False, include_context=False))
print(json.dumps(out, default=str))
"""


def test_kept_validators_validate_as_built_ones(tmp_path) -> None:
    from brottsforeb.model import FILE_MODELS, _prebuilt

    written = _prebuilt.write(FILE_MODELS, tmp_path)
    assert written is not None and written.parent == tmp_path
    assert written.stat().st_mode & 0o077 == 0  # the owner's alone, like any temp file
    runs = [
        _run(_PROBE_MODELS, args=(how, str(tmp_path), str(EXAMPLES))) for how in ("kept", "built")
    ]
    assert runs[0] == runs[1]
    assert len(json.loads(runs[0])) == 6 + len(FILE_MODELS)


def test_a_kept_file_others_may_write_or_that_is_broken_is_not_used(tmp_path) -> None:
    from brottsforeb.model import FILE_MODELS, _prebuilt

    written = _prebuilt.write(FILE_MODELS, tmp_path)
    assert written is not None
    assert _prebuilt.install(FILE_MODELS, tmp_path)
    written.chmod(0o666)
    assert not _prebuilt.install(FILE_MODELS, tmp_path)
    written.chmod(0o600)
    written.write_bytes(b"not a pickle")
    assert not _prebuilt.install(FILE_MODELS, tmp_path)
    written.unlink()
    assert not _prebuilt.install(FILE_MODELS, tmp_path)


def test_a_folder_that_cannot_be_written_is_no_error(tmp_path) -> None:
    from brottsforeb.model import FILE_MODELS, _prebuilt

    not_a_folder = tmp_path / "fil"
    not_a_folder.write_text("x", encoding="utf-8")
    assert _prebuilt.write(FILE_MODELS, not_a_folder) is None
    assert not _prebuilt.install(FILE_MODELS, not_a_folder)


def test_the_kept_files_name_covers_every_source_of_the_models() -> None:
    """Every bfa module the models are made from is in the hash of the file's name."""
    from brottsforeb.model import _prebuilt

    code = (
        "import sys, json; import brottsforeb; before = set(sys.modules); "
        "import brottsforeb.model; "
        "print(json.dumps(sorted(m for m in set(sys.modules) - before "
        "if m.startswith('brottsforeb.'))))"
    )
    loaded = json.loads(_run(code))
    hashed = {Path(name).stem for name in _prebuilt.SOURCES}
    for module in loaded:
        assert module.rpartition(".")[2] in hashed | {"model"}, module
    assert {"_base", "organ", "kommun", "_periods", "__init__"} <= hashed


def test_the_one_line_and_year_check_sees_every_field_it_acts_on() -> None:
    """``_one_line`` runs on the fields CHECKED_FIELDS names: every field that can hold
    a date, and every one-line field, in every model."""
    import datetime as dt
    import types
    import typing

    from brottsforeb.model._base import CHECKED_FIELDS, ONE_LINE_FIELDS, BfaModel

    def may_be(ann: object, kind: type) -> bool:
        origin = typing.get_origin(ann)
        if origin is typing.Annotated:
            return may_be(typing.get_args(ann)[0], kind)
        if origin in (typing.Union, types.UnionType):
            return any(may_be(a, kind) for a in typing.get_args(ann))
        if origin is typing.Literal:
            return any(isinstance(v, kind) for v in typing.get_args(ann))
        if origin is not None:  # list[...], dict[...]: never a date or a string itself
            return False
        if ann in (typing.Any, object):
            return True
        return isinstance(ann, type) and (issubclass(ann, kind) or issubclass(kind, ann))

    def models(cls: type) -> list[type]:
        return [cls, *(m for sub in cls.__subclasses__() for m in models(sub))]

    acting = {
        name
        for model in models(BfaModel)
        for name, info in model.model_fields.items()
        if may_be(info.annotation, dt.date)
        or (name in ONE_LINE_FIELDS and may_be(info.annotation, str))
    }
    assert acting <= set(CHECKED_FIELDS), sorted(acting - set(CHECKED_FIELDS))
    assert len(acting) > 15
