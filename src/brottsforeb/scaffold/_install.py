"""How the municipality's CI installs bfa: ``bfa init --install-from``."""

from __future__ import annotations

import importlib.metadata
import json
import re
import stat
import urllib.parse
import urllib.request
import zipfile
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
        if not _GIT.fullmatch(spec):
            raise UsageError(
                f"'{_shown(spec)}' är ingen git-adress som CI kan installera från.",
                hint="En adress utan mellanslag och radbrytningar, t.ex. "
                "git+https://github.com/org/bfa@v0.1.0.",
            )
        return InstallSource("git", f"brottsforeb @ {spec}")
    if spec.lower().endswith(".whl"):
        wheel = Path(spec).expanduser()
        _check_wheel(wheel, spec)
        return InstallSource("wheel", f"./.bfa/{wheel.name}", wheel=wheel)
    raise UsageError(
        f"'{spec}' är ingen källa som --install-from känner till.",
        hint="Ange pypi, en git-adress som börjar med git+ (t.ex. "
        "git+https://github.com/org/bfa@v0.1.0) eller sökvägen till en .whl-fil.",
    )


#: One token: ``git+`` and a URL, no whitespace or control characters (a newline would add
#: a line such as ``--extra-index-url`` to .bfa/requirements.txt, which pip obeys).
_GIT = re.compile(r"git\+(?:https|http|ssh|file)://[^\s\x00-\x1f\x7f-\x9f]+")
_WHEEL_NAME = re.compile(r"brottsforeb-[A-Za-z0-9_.+!-]+\.whl")


def _shown(text: str) -> str:
    from .._escape import one_line
    from .._pii import mask

    return mask(one_line(text))


def _check_wheel(wheel: Path, spec: str) -> None:
    """A regular file named like bfa's wheel that is a zip with brottsforeb's dist-info."""
    try:
        mode = wheel.stat().st_mode
    except OSError:
        raise UsageError(
            f"Hjulfilen '{_shown(spec)}' finns inte.",
            hint="Ange sökvägen till en .whl-fil, t.ex. dist/brottsforeb-0.1.0-py3-none-any.whl.",
        ) from None
    if not stat.S_ISREG(mode):
        raise UsageError(
            f"'{_shown(spec)}' är ingen vanlig fil (en mapp, en namngiven pipe eller en enhet).",
            hint="Ange sökvägen till bfa:s .whl-fil.",
        )
    if not _WHEEL_NAME.fullmatch(wheel.name):
        raise UsageError(
            f"'{_shown(wheel.name)}' är inget namn på ett hjul för bfa.",
            hint="Hjulet heter brottsforeb-VERSION-py3-none-any.whl.",
        )
    try:
        with zipfile.ZipFile(wheel) as zf:
            ok = any(n.startswith("brottsforeb-") and ".dist-info/" in n for n in zf.namelist())
    except (OSError, zipfile.BadZipFile):
        ok = False
    if not ok:
        raise UsageError(
            f"'{_shown(spec)}' är inget hjul för bfa (ingen zip-fil med brottsforeb).",
            hint="Bygg hjulet med python -m build, eller ange pypi eller en git-adress.",
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
        source = f"git+{url}" + (f"@{rev}" if rev else "")
        if _GIT.fullmatch(source):
            return InstallSource("git", f"brottsforeb @ {source}")
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme == "file" and parsed.path.lower().endswith(".whl"):
        wheel = Path(urllib.request.url2pathname(parsed.path))
        try:
            _check_wheel(wheel, str(wheel))
        except UsageError:
            pass
        else:
            return InstallSource("wheel", f"./.bfa/{wheel.name}", wheel=wheel)
    return _pypi(
        f"bfa är installerat från {url or 'en lokal mapp'}, som kommunens CI inte når; CI "
        f"installerar brottsforeb=={__version__} från {_PYPI}. Finns bfa inte där, "
        "ange --install-from git+ADRESS eller --install-from SÖKVÄG/TILL/bfa.whl."
    )
