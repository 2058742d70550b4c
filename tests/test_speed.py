"""Start-up measures (src/brottsforeb/_startup.py, the lazy command table): each keeps
behaviour as it was, and each reach into another package fails loudly here when that
package changes."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys

from .conftest import EXAMPLES


def _run(code: str, env: dict[str, str] | None = None) -> str:
    proc = subprocess.run(
        [sys.executable, "-c", code],
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
