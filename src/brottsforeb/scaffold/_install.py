"""How the municipality's CI installs bfa: ``bfa init --install-from``."""

from __future__ import annotations

import importlib.metadata
import json
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path

from .. import __version__
from ..errors import UsageError


@dataclass(frozen=True)
class InstallSource:
    """How the municipality's CI installs bfa: one line of ``.bfa/requirements.txt``."""

    how: str  # "pypi", "git" or "wheel"
    requirement: str
    wheel: Path | None = None  # a wheel file copied into .bfa/
    note: str = ""  # Swedish: what bfa decided and why, printed by bfa init


_PYPI = "PyPI (pypi.org)"


def _pypi(note: str = "") -> InstallSource:
    return InstallSource("pypi", f"brottsforeb=={__version__}", note=note)


def install_source(spec: str | None) -> InstallSource:
    """Where the municipality's CI gets bfa from: ``spec`` as given to ``--install-from``.

    ``pypi`` pins this version from the package index; ``git+URL`` installs from a
    git repository (add ``@tagg`` to pin it); a path to a ``.whl`` file copies the wheel
    into the repository's ``.bfa/``. ``None`` or ``auto`` installs bfa the way this bfa
    was installed (pip's ``direct_url.json``): from the same git commit, the same wheel,
    or the package index.
    """
    if spec is None or spec == "auto":
        return _detected()
    if spec == "pypi":
        return _pypi()
    if spec.startswith("git+"):
        return InstallSource("git", f"brottsforeb @ {spec}")
    if spec.lower().endswith(".whl"):
        wheel = Path(spec).expanduser()
        if not wheel.is_file():
            raise UsageError(
                f"Hjulfilen '{spec}' finns inte.",
                hint="Ange sökvägen till en .whl-fil, t.ex. "
                "dist/brottsforeb-0.1.0-py3-none-any.whl.",
            )
        return InstallSource("wheel", f"./.bfa/{wheel.name}", wheel=wheel)
    raise UsageError(
        f"'{spec}' är ingen källa som --install-from känner till.",
        hint="Ange pypi, en git-adress som börjar med git+ (t.ex. "
        "git+https://github.com/org/bfa@v0.1.0) eller sökvägen till en .whl-fil.",
    )


def _detected() -> InstallSource:
    try:
        raw = importlib.metadata.distribution("brottsforeb").read_text("direct_url.json")
    except importlib.metadata.PackageNotFoundError:
        raw = None
    if not raw:
        return _pypi()
    try:
        info = json.loads(raw)
    except ValueError:
        return _pypi()
    url = str(info.get("url", ""))
    vcs = info.get("vcs_info")
    if isinstance(vcs, dict) and vcs.get("vcs") == "git" and not url.startswith("file:"):
        rev = vcs.get("commit_id") or vcs.get("requested_revision")
        return InstallSource("git", f"brottsforeb @ git+{url}" + (f"@{rev}" if rev else ""))
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme == "file" and parsed.path.lower().endswith(".whl"):
        wheel = Path(urllib.request.url2pathname(parsed.path))
        if wheel.is_file():
            return InstallSource("wheel", f"./.bfa/{wheel.name}", wheel=wheel)
    return _pypi(
        f"bfa är installerat från {url or 'en lokal mapp'}, som kommunens CI inte når; CI "
        f"installerar brottsforeb=={__version__} från {_PYPI}. Finns bfa inte där, "
        "ange --install-from git+ADRESS eller --install-from SÖKVÄG/TILL/bfa.whl."
    )
