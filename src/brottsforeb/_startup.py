"""Start-up of the bfa process: garbage collection and Pydantic's plugin scan.

Start-up builds a few hundred thousand objects that live until the process ends:
modules, model classes, the validators built on first use. Python's collector scans
them again and again while they are made (a twentieth of `bfa validate` on one
repository, a tenth of a county-wide run). The command line holds the collector back
from its first line (``hold``); once the first repository is loaded everything built
so far is frozen out of later scans and collection resumes as usual (``release``).
Memory is still freed by reference counting meanwhile, as always.

A program that imports bfa as a library and never calls ``hold`` is not affected.
"""

from __future__ import annotations

import gc
import os
import sys
import types

_held = False


def hold() -> None:
    """Hold back cyclic collection until ``release`` (if it is on at all)."""
    global _held
    if gc.isenabled():
        gc.disable()
        _held = True


def release() -> None:
    """Freeze what start-up built out of later collections and resume collecting.

    Only undoes ``hold``: collection someone else switched off stays off.
    """
    global _held
    if _held:
        _held = False
        gc.freeze()
        gc.enable()


#: The Pydantic module that looks for plugins. Importing it imports importlib.metadata
#: (and with it email, zipfile, csv …): a tenth of `bfa validate`'s start-up, even with
#: PYDANTIC_DISABLE_PLUGINS set, when the first validator is built.
PLUGIN_LOADER = "pydantic.plugin._loader"
#: The values of PYDANTIC_DISABLE_PLUGINS with which Pydantic uses no plugin at all.
ALL_DISABLED = ("__all__", "1", "true")


def no_pydantic_plugins() -> bool:
    """Tell Pydantic to use no plugins, without its entry-point scan; True if stubbed.

    bfa's models use no Pydantic plugins. PYDANTIC_DISABLE_PLUGINS is set (unless the
    user set it), and when it disables them all, the loader module is replaced by one
    whose ``get_plugins`` answers what Pydantic's own answers then: none. This is the
    one reach into Pydantic's private modules; tests/test_speed.py fails if Pydantic
    no longer asks ``get_plugins`` of that module, or answers otherwise.
    """
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    if os.environ["PYDANTIC_DISABLE_PLUGINS"] not in ALL_DISABLED or PLUGIN_LOADER in sys.modules:
        return False
    stub = types.ModuleType(PLUGIN_LOADER, "bfa: Pydantic plugins disabled, none loaded.")
    stub.get_plugins = _no_plugins  # type: ignore[attr-defined]
    sys.modules[PLUGIN_LOADER] = stub
    return True


def _no_plugins() -> tuple[()]:
    return ()
