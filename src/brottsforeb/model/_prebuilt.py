"""The models' validators, kept between runs the way Python keeps bytecode.

Pydantic builds a model's validator (its core schema, then pydantic-core's validator)
on first use: for bfa's nine kinds of file that was a fifth of `bfa validate`'s
start-up, in every run. A built validator pickles as the core schema it was built from,
whose functions and classes are pickled by name, not copied; loading it builds the same
validator from an equal schema (tests/test_speed.py compares them). So the validators
and serializers are kept in the model package's ``__pycache__`` folder, beside the
bytecode, with the same trust and the same rules: written on first import unless
PYTHONDONTWRITEBYTECODE is set or the folder is read-only, in which case every run builds
them as before. ``python -m brottsforeb.model`` writes the file in any case, as
``compileall`` writes bytecode.

The file's name carries a hash of all the validators are made from: the sources of the
models, and the versions of Python, Pydantic and pydantic-core. Any change is a new name,
so a kept file never serves other models. A file that does not load, or that others than
its owner may write, is not used.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel

_HERE = Path(__file__).resolve().parent
#: The sources the models are built from: the model package and what it imports of bfa.
SOURCES = (
    *sorted(p.name for p in _HERE.glob("*.py")),
    *("../_periods.py", "../_ids.py", "../_words.py", "../errors.py", "../_numbers.py"),
)


def _key() -> str:
    import pydantic
    import pydantic_core

    digest = hashlib.sha256()
    versions = (sys.implementation.cache_tag, sys.version, pydantic.VERSION)
    for part in (*versions, pydantic_core.__version__):
        digest.update(str(part).encode() + b"\0")
    for name in SOURCES:
        digest.update(name.encode() + b"\0" + (_HERE / name).read_bytes() + b"\0")
    return digest.hexdigest()[:24]


def path(folder: Path | None = None) -> Path:
    """The file the validators of these sources and versions are kept in."""
    return (folder or _HERE / "__pycache__") / f"bfa-validators-{_key()}.pickle"


def _read(file: Path) -> bytes | None:
    try:
        with open(file, "rb") as fh:
            info = os.fstat(fh.fileno())
            if info.st_mode & 0o022:  # others may write it: not ours to trust
                return None
            if hasattr(os, "getuid") and info.st_uid not in (os.getuid(), 0):
                return None
            return fh.read()
    except OSError:
        return None


def install(models: Sequence[type[BaseModel]], folder: Path | None = None) -> bool:
    """Give ``models`` their kept validators and serializers; True if all were kept."""
    data = _read(path(folder))
    if data is None:
        return False
    try:
        kept: dict[str, tuple[Any, Any]] = pickle.loads(data)  # our own file: see above
    except Exception:  # an older or broken file: build as usual
        return False
    if not isinstance(kept, dict) or set(kept) != {m.__name__ for m in models}:
        return False
    for model in models:
        model.__pydantic_validator__, model.__pydantic_serializer__ = kept[model.__name__]
    return True


def write(models: Sequence[type[BaseModel]], folder: Path | None = None) -> Path | None:
    """Build ``models``' validators and keep them; the file, or None if it can't be."""
    import tempfile

    target = path(folder)
    try:
        for model in models:
            model.model_rebuild(force=True)
        data = pickle.dumps(
            {m.__name__: (m.__pydantic_validator__, m.__pydantic_serializer__) for m in models},
            protocol=pickle.HIGHEST_PROTOCOL,
        )
        target.parent.mkdir(exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".bfa-validators-", suffix=".tmp")
    except (OSError, pickle.PicklingError, TypeError, AttributeError):
        return None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, target)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        return None
    return target
