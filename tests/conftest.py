"""Shared fixtures: isolation, a CLI runner, repositories built from dicts."""

from __future__ import annotations

import os
import pickle
import shutil
import tempfile
import textwrap
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings
from typer.testing import CliRunner

from brottsforeb.cli import app

#: Property tests in the normal suite are reproducible: the same examples on every run, so a
#: green CI stays green. `BFA_PROPERTY_SCALE=20 python -m pytest` explores instead: twenty
#: times the examples, new ones each run (the fuzzing campaign: BFA_FUZZ_EXAMPLES).
PROPERTY_SCALE = int(os.environ.get("BFA_PROPERTY_SCALE", "1"))
settings.register_profile("suite", derandomize=PROPERTY_SCALE == 1, database=None)
settings.load_profile("suite")


def examples(n: int) -> int:
    """The number of examples a property test runs: ``n`` in the suite, more when exploring."""
    return n * PROPERTY_SCALE


ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
EXAMPLE_NAMES = ("norsjo", "torsby", "lindesberg")

#: The smallest repository that validates without a single finding.
MINIMAL: dict[str, str] = {
    "bfa.yaml": """
        namn: Testby kommun
        kommunkod: "9999"
        ledning:
          organ: kommunstyrelsen
        samordningsfunktion: samordnare
        rapportering:
          till: kommunfullmaktige
          frekvens: {antal: 1, per: år}
        uppföljning:
          organ: kommunstyrelsen
          frekvens: {antal: 1, per: år}
    """,
    "aktorer/testby-kommun.yaml": "namn: Testby kommun\ntyp: kommun\n",
    "aktorer/polisen.yaml": "namn: Polisen\ntyp: myndighet\n",
    "funktioner/samordnare.yaml": """
        titel: Brottsförebyggande samordnare
        aktör: testby-kommun
        ersättare: kommunpolis
    """,
    "funktioner/kommunpolis.yaml": """
        titel: Kommunpolis
        aktör: polisen
        ersättare: samordnare
    """,
    "funktioner/kommundirektor.yaml": "titel: Kommundirektör\nersättare: samordnare\n",
    "organ/kommunstyrelsen.yaml": "namn: Kommunstyrelsen\ntyp: nämnd\n",
    "organ/kommunfullmaktige.yaml": "namn: Kommunfullmäktige\ntyp: fullmäktige\n",
    "organ/styrgrupp.yaml": """
        namn: Styrgrupp
        typ: styrgrupp
        uppdrag: Förankrar och ger mandat.
        mandat: Beslutar om inriktningen.
        ordförande: kommundirektor
        sammankallande: samordnare
        ledamöter: [kommundirektor, kommunpolis, samordnare]
        möten: {antal: 2, per: år}
    """,
    "organ/beredningsgrupp.yaml": """
        namn: Beredningsgrupp
        typ: beredningsgrupp
        uppdrag: Bereder.
        mandat: Bereder ärenden till styrgruppen.
        sammankallande: samordnare
        ledamöter: [kommunpolis, samordnare]
        möten: {antal: 4, per: år}
    """,
    "organ/arbetsgrupp.yaml": """
        namn: Arbetsgrupp
        typ: arbetsgrupp
        uppdrag: Utför.
        tillsätts_av: beredningsgrupp
        sammankallande: samordnare
        ledamöter: [kommunpolis, samordnare]
    """,
    "dokument/overenskommelse.yaml": """
        typ: samverkansöverenskommelse
        titel: Samverkansöverenskommelse
        parter: [testby-kommun, polisen]
        gäller_från: 2025-01-01
        gäller_till: 2026-12-31
        problem: [lb/klotter]
        orsaker: [lb/morkt]
        mål:
          - text: Mindre klotter.
            indikatorer: [klotter]
        dokumentation: Minnesanteckningar.
        uppföljning: Årligen i styrgruppen.
    """,
    "dokument/atgardsplan.yaml": """
        typ: åtgärdsplan
        titel: Åtgärdsplan
        antagen_av: kommunstyrelsen
        datum: 2025-01-15
        grundas_på: [lb]
        revideras: {intervall_år: 2}
    """,
    "lagesbilder/lb.yaml": """
        typ: strategisk
        titel: Lägesbild
        period: {start: 2024-01-01, slut: 2024-12-31}
        datum: 2025-01-10
        område: Hela kommunen
        kartläggning:
          - id: klotter
            rubrik: Klotter
            omfattning: Mycket.
            konsekvenser: Otrygghet.
        annan_information: [Befolkningen minskar.]
        analys: Mörka platser.
        orsaker:
          - id: morkt
            beskrivning: Dålig belysning.
            problem: [klotter]
    """,
    "atgarder/belysning.yaml": """
        titel: Belysning
        åtgärdsplan: atgardsplan
        problem: [lb/klotter]
        orsaker: [lb/morkt]
        ansvarig: samordnare
        start: 2025-02-01
        slut: 2025-12-31
        status: pågående
        indikatorer: [klotter]
    """,
    "indikatorer/klotter.yaml": """
        namn: Anmält klotter
        källa: {typ: polisens statistik}
        enhet: antal
        riktning: minska
        frekvens: {antal: 1, per: år}
        mätvärden:
          - {år: 2024, värde: 40}
    """,
}


def write_repo(root: Path, files: dict[str, str | None]) -> Path:
    """Write ``files`` (path → YAML text, dedented; None deletes) under ``root``."""
    for rel, text in files.items():
        path = root / rel
        if text is None:
            path.unlink(missing_ok=True)
            continue
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")
    return root


@pytest.fixture(autouse=True)
def _isolate(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> None:
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("GIT_AUTHOR_NAME", "Samordnaren")
    monkeypatch.setenv("GIT_AUTHOR_EMAIL", "samordnare@example.se")
    monkeypatch.setenv("GIT_COMMITTER_NAME", "Samordnaren")
    monkeypatch.setenv("GIT_COMMITTER_EMAIL", "samordnare@example.se")
    monkeypatch.delenv("BFA_DEBUG", raising=False)


@pytest.fixture
def make_repo(tmp_path: Path) -> Callable[..., Path]:
    """Build a repository: MINIMAL overlaid with ``changes`` (None removes a file)."""

    def make(changes: dict[str, str | None] | None = None, *, base: bool = True) -> Path:
        root = tmp_path / "repo"
        if root.exists():
            shutil.rmtree(root)
        root.mkdir()
        write_repo(root, dict(MINIMAL) if base else {})
        write_repo(root, changes or {})
        return root

    return make


@pytest.fixture
def example(tmp_path: Path) -> Callable[[str], Path]:
    """A private copy of a bundled example, safe to modify."""

    def copy(name: str) -> Path:
        dest = tmp_path / name
        shutil.copytree(EXAMPLES / name, dest)
        return dest

    return copy


class Cli:
    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str | Path):  # type: ignore[no-untyped-def]
        result = self.runner.invoke(app, [str(a) for a in args], catch_exceptions=False)
        assert "Traceback" not in result.output
        return result


@pytest.fixture
def cli() -> Cli:
    return Cli()


#: The account a test drops to when the suite runs as root (as CI does): root reads a
#: mode-000 file, so a test of unreadable files must run as someone else to mean anything.
NOBODY = 65534


def _validate_as(root: Path, uid: int | None) -> list[Any]:
    """``validate(load_repo(root))``, in a forked child that first drops to ``uid``.

    The child reads the repository once as root, so every module bfa imports lazily is
    loaded (the interpreter under /root is then out of reach), then calls os.setuid and
    reads it again; the findings come back pickled through a pipe.
    """
    from brottsforeb import load_repo, validate

    if uid is None:
        return validate(load_repo(root))
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - runs in the child
        status = 0
        try:
            validate(load_repo(root))
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            assert os.geteuid() == uid
            payload = pickle.dumps(("ok", validate(load_repo(root))))
        except BaseException as exc:
            import traceback

            payload = pickle.dumps(("error", f"{exc!r}\n{traceback.format_exc()}"))
            status = 1
        with os.fdopen(write, "wb") as out:
            out.write(payload)
        os._exit(status)
    os.close(write)
    with os.fdopen(read, "rb") as inp:
        data = inp.read()
    os.waitpid(pid, 0)
    kind, value = pickle.loads(data)
    assert kind == "ok", value
    return list(value)


@pytest.fixture
def unprivileged() -> Iterator[tuple[Path, Callable[[Path], list[Any]]]]:
    """A folder anyone can enter, and ``validate(root)`` that runs as an ordinary user:
    the test's own user, or ``nobody`` under root (a real os.setuid in a forked child,
    not a mock), so that mode 000 means something."""
    folder = Path(tempfile.mkdtemp(prefix="bfa-unpriv-", dir="/tmp"))
    folder.chmod(0o755)
    uid = NOBODY if hasattr(os, "geteuid") and os.geteuid() == 0 else None
    try:
        yield folder, lambda root: _validate_as(root, uid)
    finally:
        for path, dirs, _ in os.walk(folder):
            for d in dirs:
                os.chmod(os.path.join(path, d), 0o755)
        shutil.rmtree(folder, ignore_errors=True)
