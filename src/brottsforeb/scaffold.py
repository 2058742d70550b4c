"""New repositories and new entity files: `bfa init` and `bfa new`.

Every file is written from a template with short Swedish comments. Text the
coordinator must write is a placeholder starting with ``FYLL I``; the rule
MALL-EJ-IFYLLD lists each one, so a fresh repository validates at once and its
warnings are the to-do list. Every other value bfa fills in for the user (a
cadence, a convener, a date) is listed under ``obekräftat`` in its file, and
MALL-EJ-IFYLLD lists those too until the user strikes them from the list.
Nothing is written that ``bfa validate`` would reject: a ``--type`` outside the
kind's values is refused with the allowed ones, writing nothing.
"""

from __future__ import annotations

import datetime as dt
import importlib.metadata
import json
import os
import subprocess
import urllib.parse
import urllib.request
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal, get_args, get_origin

from pydantic import BaseModel, ValidationError

from . import __version__
from ._ids import PLACEHOLDER, ascii_id, no_personnummer, slug
from ._io import check_inside, write_bytes_atomic, write_text_atomic
from .errors import UsageError, WriteRefusedError
from .model import KINDS, kind_by_name

__all__ = [
    "NEW_KINDS",
    "PLACEHOLDER",
    "Created",
    "InstallSource",
    "allowed_types",
    "ascii_id",
    "first_steps",
    "init_repo",
    "install_source",
    "new_entity",
    "new_meeting",
    "slug",
]


def q(value: str) -> str:
    """A YAML double-quoted scalar: any text, literally (JSON strings are YAML)."""
    return json.dumps(value, ensure_ascii=False)


def fill(what: str) -> str:
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


@dataclass(frozen=True)
class InstallSource:
    """How the municipality's CI installs bfa: one line of ``.bfa/requirements.txt``."""

    how: str  # "pypi", "git" or "wheel"
    requirement: str
    wheel: Path | None = None  # a wheel file copied into .bfa/
    note: str = ""  # Swedish: what bfa decided and why, printed by bfa init


@dataclass(frozen=True)
class Created:
    """What a scaffold command wrote, relative to the repository root."""

    root: Path
    files: list[str]
    git_initialised: bool = False
    #: The enclosing git repository's top folder when ``root`` lies inside one.
    git_root: Path | None = None
    git_missing: bool = False
    install: InstallSource | None = None


def _write_new(root: Path, files: dict[str, str | bytes]) -> None:
    """Write ``files`` under ``root``; refuse, writing nothing, if any of them exists."""
    existing = [rel for rel in files if (root / rel).exists() or (root / rel).is_symlink()]
    if "bfa.yaml" in existing:
        raise WriteRefusedError(
            f"Det finns redan ett bfa-förråd i {root} (bfa.yaml); inget har ändrats.",
            hint="Välj en tom mapp, t.ex. bfa init ny-mapp --name 'Kommunens namn'.",
        )
    if existing:
        shown = ", ".join(existing[:5]) + (
            f" och {len(existing) - 5} till" if len(existing) > 5 else ""
        )
        raise WriteRefusedError(
            f"Finns redan och skrivs inte över: {shown}.",
            hint="Inget har ändrats. Välj en annan mapp eller ett annat namn.",
        )
    for rel in files:
        check_inside(root, root / rel)
    for rel, text in files.items():
        if isinstance(text, bytes):
            write_bytes_atomic(root / rel, text)
        else:
            write_text_atomic(root / rel, text)


# -- bfa init ---------------------------------------------------------------------------


def _skeleton(
    name: str, today: dt.date, install: InstallSource, subdir: str = ""
) -> dict[str, str | bytes]:
    kommun = slug(name)
    year = today.year
    files: dict[str, str | bytes] = {
        "bfa.yaml": f"""\
# bfa.yaml – {name}s brottsförebyggande arbete enligt Lag (2023:196).
# Kontrollera med `bfa validate`, bevaka frister med `bfa check`.
namn: {q(name)}
# kommunkod: "0000"   # SCB:s fyrsiffriga kommunkod
# Lagen: kommunstyrelsen leder arbetet.
ledning:
  organ: kommunstyrelsen
# Lagen: en samordningsfunktion (id i funktioner/).
samordningsfunktion: samordnare
# Lagen: kommunfullmäktige får rapporter om arbetet.
rapportering:
  till: kommunfullmaktige
  frekvens: {{antal: 1, per: år}}
# Uppföljning i den ledande nämnden.
uppföljning:
  organ: kommunstyrelsen
  frekvens: {{antal: 1, per: år}}
{unconfirmed(["ledning", "rapportering", "uppföljning"])}""",
        f"aktorer/{kommun}.yaml": f"namn: {q(name)}\ntyp: kommun\n",
        "aktorer/polisen.yaml": "namn: Polismyndigheten\ntyp: myndighet\n",
        "funktioner/samordnare.yaml": f"""\
# Samordningsfunktionen. Personen skrivs under innehavare; den utelämnas i
# offentliga dokument (bfa render --public).
titel: Brottsförebyggande samordnare
aktör: {kommun}
ersättare: kommunpolis
# innehavare:
#   namn: Förnamn Efternamn
#   e_post: fornamn.efternamn@kommun.se
# tjänstgöringsgrad: 50   # procent av en heltid
uppgifter:
  - Samordnar det brottsförebyggande arbetet.
  - Sammankallar styrgruppen och beredningsgruppen.
{unconfirmed(["ersättare", "uppgifter"])}""",
        "funktioner/kommunpolis.yaml": f"""\
# Polisens kontaktperson för kommunen.
titel: Kommunpolis
aktör: polisen
ersättare: samordnare
{unconfirmed(["ersättare"])}""",
        "funktioner/kommundirektor.yaml": f"""\
titel: Kommundirektör
aktör: {kommun}
ersättare: samordnare
{unconfirmed(["ersättare"])}""",
        "organ/kommunstyrelsen.yaml": "namn: Kommunstyrelsen\ntyp: nämnd\n",
        "organ/kommunfullmaktige.yaml": "namn: Kommunfullmäktige\ntyp: fullmäktige\n",
        "organ/styrgrupp.yaml": f"""\
# Brå rekommenderar en styrgrupp med beslutsfattare som förankrar arbetet.
namn: Styrgrupp för brottsförebyggande arbete
typ: styrgrupp
rapporterar_till: kommunstyrelsen
uppdrag: {fill("vad styrgruppen ska åstadkomma")}
mandat: {fill("vad styrgruppen får besluta om")}
ordförande: kommundirektor
sammankallande: samordnare
ledamöter:
  - kommundirektor
  - kommunpolis
  - samordnare
möten: {{antal: 2, per: år}}
{unconfirmed(["rapporterar_till", "ordförande", "sammankallande", "ledamöter", "möten"])}""",
        "organ/beredningsgrupp.yaml": f"""\
# Brå rekommenderar en beredningsgrupp (ofta det lokala BRÅ) som bereder och
# tillsätter arbetsgrupper.
namn: Beredningsgrupp
typ: beredningsgrupp
rapporterar_till: styrgrupp
uppdrag: {fill("vad beredningsgruppen ska bereda")}
sammankallande: samordnare
ledamöter:
  - samordnare
  - kommunpolis
möten: {{antal: 4, per: år}}
{unconfirmed(["rapporterar_till", "sammankallande", "ledamöter", "möten"])}""",
        f"lagesbilder/strategisk-{year}.yaml": _lagesbild_text(
            "strategisk", f"Strategisk lägesbild {year}", today
        ),
        "dokument/samverkansoverenskommelse.yaml": f"""\
# Lagen kräver skriftlig samverkan, t.ex. en samverkansöverenskommelse med polisen.
typ: samverkansöverenskommelse
titel: {q(f"Samverkansöverenskommelse mellan Polismyndigheten och {name}")}
parter: [{kommun}, polisen]
# gäller_från: ÅÅÅÅ-MM-DD
# gäller_till: ÅÅÅÅ-MM-DD
""",
        ".gitattributes": "# Samma radslut (LF) i Windows, macOS och Linux: git för Windows\n"
        "# skulle annars checka ut filerna med CRLF och varje rad se ändrad ut.\n"
        "* text=auto eol=lf\n*.pdf binary\n*.whl binary\n",
        ".gitignore": "# Skrivs av bfa render -o utdata; checka in det som ska diarieföras.\n"
        "utdata/\n.venv/\n__pycache__/\n"
        "# Halvskrivna filer om ett bfa-kommando avbröts; målfilen är orörd.\n"
        ".*.tmp\n",
        **_ci_files(install, subdir),
        ".pre-commit-config.yaml": PRE_COMMIT_CONFIG,
        ".vscode/settings.json": _vscode_settings(),
        "README.md": f"""\
# {name} – brottsförebyggande arbete

Kommunens organisation, styrdokument, lägesbilder, åtgärder, indikatorer och möten
som YAML-filer, kontrollerade av bfa (paketet `brottsforeb`; CI installerar det
enligt `{REQUIREMENTS}`).

```sh
bfa validate                # kontrollera filerna
bfa check                   # vad är försenat eller förfaller snart?
bfa status                  # en överblick
bfa render riktlinje --format pdf -o utdata/riktlinje.pdf
```

Texter som börjar med "{PLACEHOLDER}" ska skrivas om; `bfa validate` visar var de finns.
Utdata läggs i `utdata/`, som git inte checkar in.

## Det första att skriva in

Lagen kräver de här uppgifterna; tills de finns är `bfa check` rött (jobbet
`check` i CI), medan `bfa validate` (jobbet `validate`) är grönt från första dagen.

{_first_steps_md(name, today)}""",
    }
    from .schema import schemas

    for file_name, schema in schemas().items():
        files[f"scheman/{file_name}"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return files


def _collaboration(
    files: dict[str, str | bytes], name: str, members: Sequence[str], police_area: str | None
) -> dict[str, str | bytes]:
    """The municipality skeleton turned into a collaboration's repository."""
    if not members:
        raise UsageError(
            "En samverkan behöver sina medlemskommuner.",
            hint='Ange dem med --member: --member "Storumans kommun" --member "Sorsele kommun".',
        )
    own = slug(name)
    for rel in list(files):
        if rel.startswith(
            ("lagesbilder/", "organ/", f"aktorer/{own}", "funktioner/kommundirektor")
        ):
            del files[rel]
    ids = [slug(m) for m in members]
    listing = "".join(f'  - namn: {q(m)}\n    # kommunkod: "0000"\n' for m in members)
    area = f"lokalpolisområde: {q(police_area)}\n" if police_area else "# lokalpolisområde: \n"
    files["bfa.yaml"] = f"""\
# bfa.yaml – {name}: en samverkan mellan kommuner. Kommunernas egna förråd
# hänvisar hit med ingår_i_samverkan: (se docs/guide.md, "Samverkan mellan kommuner").
slag: samverkan
namn: {q(name)}
{area}medlemmar:
{listing}# Samverkans samordningsfunktion (id i funktioner/).
samordningsfunktion: samordnare
"""
    for aid, member in zip(ids, members, strict=True):
        files[f"aktorer/{aid}.yaml"] = f"namn: {q(member)}\ntyp: kommun\n"
    files["funktioner/samordnare.yaml"] = f"""\
# Samverkans samordningsfunktion.
titel: Samverkans samordnare
aktör: {ids[0]}
ersättare: kommunpolis
uppgifter:
  - Samordnar det gemensamma arbetet och sammankallar samverkansgruppen.
"""
    files["organ/samverkansgrupp.yaml"] = f"""\
# Den gemensamma gruppen; kommunerna delar den med ingår_i_samverkan: delar:.
namn: Samverkansgrupp
typ: samverkansgrupp
uppdrag: {fill("vad samverkansgruppen ska åstadkomma")}
sammankallande: samordnare
ledamöter:
  - samordnare
  - kommunpolis
"""
    parties = ", ".join([*ids, "polisen"])
    files["dokument/samverkansoverenskommelse.yaml"] = f"""\
# Den gemensamma överenskommelsen; kommunerna delar den med ingår_i_samverkan: delar:.
typ: samverkansöverenskommelse
titel: {q(f"Samverkansöverenskommelse mellan Polismyndigheten och {name}")}
parter: [{parties}]
# gäller_från: ÅÅÅÅ-MM-DD
# gäller_till: ÅÅÅÅ-MM-DD
"""
    return files


#: Where the generated CI reads how to install bfa: one file, one line.
REQUIREMENTS = ".bfa/requirements.txt"

GITHUB_WORKFLOW = """\
# bfa validate vid varje push och pull request; bfa check vid varje push och varje
# måndag morgon. Två jobb, så att ett dokument som saknas aldrig döljer en trasig fil.
# Vilken bfa som installeras står på ett enda ställe: .bfa/requirements.txt.
name: bfa
on:
  push:
  pull_request:
  schedule:
    - cron: "0 6 * * 1"
  workflow_dispatch:
@DEFAULTS@jobs:
  validate:
    if: github.event_name != 'schedule'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r .bfa/requirements.txt
      - run: bfa validate --format github
  check:
    if: github.event_name != 'pull_request'
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
        with:
          fetch-depth: 0    # hela historiken, för bfa minutes
      - uses: actions/setup-python@v5
        with:
          python-version: "3.12"
      - run: pip install -r .bfa/requirements.txt
      - run: bfa check --format github
"""

GITLAB_CI = """\
# bfa validate vid varje push; bfa check vid varje push och när ett schema kör
# (lägg till ett under Build → Pipeline schedules, t.ex. varje måndag).
# Vilken bfa som installeras står på ett enda ställe: .bfa/requirements.txt.
default:
  image: python:3.12
  before_script:
@CD@    - pip install -r .bfa/requirements.txt

bfa-validate:
  rules:
    - if: $CI_PIPELINE_SOURCE == "push"
    - if: $CI_PIPELINE_SOURCE == "merge_request_event"
  script:
    - bfa validate

bfa-check:
  variables:
    GIT_DEPTH: 0
  rules:
    - if: $CI_PIPELINE_SOURCE == "push"
    - if: $CI_PIPELINE_SOURCE == "schedule"
  script:
    - bfa check
"""


def _ci_files(install: InstallSource, subdir: str) -> dict[str, str | bytes]:
    """The CI files and the one place they read bfa's source from.

    ``subdir`` is the repository's folder inside an enclosing git repository ("" at its
    root): GitHub and GitLab read CI files only at the root, so the jobs change into it.
    """
    defaults = gl_cd = ""
    if subdir:
        defaults = f"defaults:\n  run:\n    working-directory: {q(subdir)}\n"
        gl_cd = f"    - cd {q(subdir)}\n"
    requirements = (
        "# Så installerar kommunens CI bfa (bfa init --install-from, se användarguiden).\n"
        "# Byt raden för att byta version eller källa; CI-filerna läser bara den här filen.\n"
        f"{install.requirement}\n"
    )
    files: dict[str, str | bytes] = {
        ".github/workflows/bfa.yml": GITHUB_WORKFLOW.replace("@DEFAULTS@", defaults),
        ".gitlab-ci.yml": GITLAB_CI.replace("@CD@", gl_cd),
        REQUIREMENTS: requirements,
    }
    if install.wheel is not None:
        files[f".bfa/{install.wheel.name}"] = install.wheel.read_bytes()
    return files


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


def first_steps(name: str, today: dt.date) -> list[tuple[str, list[str]]]:
    """The law's documents a new repository lacks: what to enter and the exact commands.

    The same list is printed by ``bfa init``, written into the new README and named by
    the hints of ``bfa check``'s findings.
    """
    year = today.year
    return [
        (
            "Den beslutade åtgärdsplanen (lagen: beslutad senast 2024-07-01). Skriv in "
            "kommunens plan och dagen kommunstyrelsen beslutade den:",
            [
                f'bfa new dokument "Åtgärdsplan {year}" --type åtgärdsplan --id atgardsplan',
                "bfa set dokument/atgardsplan datum ÅÅÅÅ-MM-DD",
                'bfa set dokument/atgardsplan paragraf "§ 00"',
            ],
        ),
        (
            "Den senaste lägesbilden och hur ofta lägesbilder tas fram. Fyll i "
            f"lagesbilder/strategisk-{year}.yaml (eller skapa en ny) och ange frekvensen "
            "i bfa.yaml:",
            [
                f"bfa set lagesbilder/strategisk-{year} datum ÅÅÅÅ-MM-DD",
                'bfa set bfa lägesbilder "{strategisk: {frekvens: {antal: 1, per: år}}}"',
            ],
        ),
        (
            "Riktlinjen (styrdokumentet för arbetet) och dagen den antogs:",
            [
                f'bfa new dokument "Riktlinje för {name}s brottsförebyggande arbete" '
                "--type riktlinje --id riktlinje",
                "bfa set dokument/riktlinje datum ÅÅÅÅ-MM-DD",
            ],
        ),
        (
            "Kommunstyrelsens senaste uppföljning av arbetet och fullmäktiges senaste "
            "rapportering: sammanträdena, med ärendets typ, som hållna möten:",
            [
                "bfa new mote kommunstyrelsen --date ÅÅÅÅ-MM-DD",
                'bfa set ÅÅÅÅ-MM-DD-kommunstyrelsen "ärenden[1].typ" uppföljning',
                "bfa set ÅÅÅÅ-MM-DD-kommunstyrelsen status hållet",
                "bfa new mote kommunfullmaktige --date ÅÅÅÅ-MM-DD",
                'bfa set ÅÅÅÅ-MM-DD-kommunfullmaktige "ärenden[1].typ" rapportering',
                "bfa set ÅÅÅÅ-MM-DD-kommunfullmaktige status hållet",
            ],
        ),
    ]


def _first_steps_md(name: str, today: dt.date) -> str:
    parts = []
    for i, (what, commands) in enumerate(first_steps(name, today), 1):
        block = "".join(f"   {c}\n" for c in commands)
        parts.append(f"{i}. {what}\n\n   ```sh\n{block}   ```\n")
    return "\n".join(parts)


PRE_COMMIT_CONFIG = """\
# Kör bfa validate före varje incheckning: pip install pre-commit && pre-commit install
repos:
  - repo: local
    hooks:
      - id: bfa-validate
        name: bfa validate
        entry: bfa validate
        language: system
        pass_filenames: false
        files: \\.ya?ml$
"""


def _vscode_settings() -> str:
    mapping = {"./scheman/bfa.schema.json": ["bfa.yaml"]}
    for kind in KINDS.values():
        pattern = f"{kind.folder}/*/*.yaml" if kind.by_year else f"{kind.folder}/*.yaml"
        mapping[f"./scheman/{kind.folder}.schema.json"] = [pattern]
    settings = {
        "// bfa": "JSON Schema per mapp för tillägget YAML (redhat.vscode-yaml).",
        "yaml.schemas": mapping,
        "files.encoding": "utf8",
        "editor.insertSpaces": True,
        "[yaml]": {"editor.tabSize": 2, "editor.insertSpaces": True},
    }
    return json.dumps(settings, ensure_ascii=False, indent=2) + "\n"


def init_repo(
    target: Path,
    name: str,
    *,
    today: dt.date | None = None,
    install_from: str | None = None,
    collaboration: bool = False,
    members: Sequence[str] = (),
    police_area: str | None = None,
) -> Created:
    """Create a new municipality repository in ``target``.

    With ``collaboration`` the repository is a collaboration's (``slag: samverkan``): its
    ``members`` and ``police_area`` in bfa.yaml, a shared samverkansgrupp and agreement,
    and none of a municipality's own duties (see ``samverkan.py``).

    Inside an existing git repository the files join that repository (a nested one
    would be invisible to the enclosing one's history); elsewhere ``git init`` runs.
    ``install_from`` is how the generated CI installs bfa (see ``install_source``).
    """
    today = today or dt.date.today()
    if not name.strip():
        raise UsageError("Kommunens namn saknas.", hint='Skriv t.ex. --name "Testby kommun".')
    if target.exists() and not target.is_dir():
        raise WriteRefusedError(f"{target} finns redan och är ingen mapp.")
    install = install_source(install_from)
    git_root = _enclosing_git(target)
    subdir = ""
    if git_root is not None:
        rel = os.path.relpath(_abs(target), git_root)
        subdir = "" if rel == "." else Path(rel).as_posix()
    files = _skeleton(name.strip(), today, install, subdir)
    if collaboration:
        files = _collaboration(files, name.strip(), members, police_area)
    target.mkdir(parents=True, exist_ok=True)
    _write_new(target, files)
    initialised = missing = False
    if git_root is None:
        try:
            subprocess.run(
                ["git", "init", "-q", str(target)], check=True, capture_output=True, timeout=60
            )
            initialised = True
        except OSError:
            missing = True  # git missing: the files are there, the CLI says so
        except subprocess.SubprocessError:
            pass
    return Created(target, sorted(files), initialised, git_root, missing, install)


def _abs(path: Path) -> Path:
    return Path(os.path.realpath(path))


def _enclosing_git(target: Path) -> Path | None:
    """The top folder of the git repository ``target`` lies in (or would), else None.

    Asks git itself (worktrees, ``.git`` files of submodules, GIT_DIR); walks up only
    when git is not installed.
    """
    start = _abs(target)
    while not start.is_dir():
        if start.parent == start:
            return None
        start = start.parent
    try:
        out = subprocess.run(
            ["git", "rev-parse", "--show-toplevel"],
            cwd=start,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=60,
        )
    except (OSError, subprocess.SubprocessError):
        found = [p for p in (start, *start.parents) if (p / ".git").exists()]
        return found[0] if found else None
    if out.returncode != 0 or not out.stdout.strip():
        return None
    return _abs(Path(out.stdout.strip()))


# -- bfa new ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Ctx:
    """What templates may fill in from the repository they are added to."""

    coordinator: str | None
    municipality_actor: str | None
    preparing_body: str | None
    leading_body: str | None
    action_plan: str | None
    today: dt.date


def _lagesbild_text(typ: str, title: str, today: dt.date, *, typ_given: bool = True) -> str:
    prev = today.year - 1
    keys = ([] if typ_given else ["typ"]) + ["period", "datum", "område"]
    return f"""\
# Lägesbilden enligt 4 § lagen: kartläggning av brottsligheten och dess
# konsekvenser, annan relevant information, analys och möjliga orsaker.
typ: {typ}   # strategisk eller operativ
titel: {q(title)}
period: {{start: {prev}-01-01, slut: {prev}-12-31}}
datum: {today.isoformat()}   # dagen lägesbilden blev klar
område: Hela kommunen
kartläggning:
  - id: problem-1
    rubrik: {fill("problemets rubrik")}
    omfattning: {fill("hur stort problemet är och var det finns")}
    konsekvenser: {fill("vilka konsekvenser det får")}
annan_information:
  - {fill("annan information av betydelse, t.ex. befolkningsutveckling")}
analys: {fill("analys av problemen och hur de hänger ihop")}
orsaker:
  - id: orsak-1
    beskrivning: {fill("en möjlig orsak till problemet")}
    problem: [problem-1]
{unconfirmed(keys)}"""


class _Filled:
    """The keys a template filled in for the user, for its ``obekräftat`` list."""

    def __init__(self) -> None:
        self.keys: list[str] = []

    def opt(self, key: str, value: str | None, comment: str) -> str:
        """``key: value`` when the repository suggests a value, else a commented-out line."""
        if value:
            self.keys.append(key)
            return f"{key}: {value}\n"
        return f"# {key}: {comment}\n"

    def put(self, key: str, text: str) -> str:
        """A line bfa fills in with a value of its own choosing."""
        self.keys.append(key)
        return text

    def typ(self, key: str, given: str | None, default: str) -> str:
        """The type the user gave, else bfa's default (then listed as filled in)."""
        if given is None:
            self.keys.append(key)
        return given or default

    def block(self) -> str:
        return unconfirmed(self.keys)


def _t_aktor(name: str, c: _Ctx, typ: str | None) -> str:
    f = _Filled()
    return (
        f"""\
namn: {q(name)}
# kommun, förvaltning, kommunalt bolag, myndighet, region, länsstyrelse, företag,
# förening, trossamfund, lärosäte eller annan
typ: {f.typ("typ", typ, "förvaltning")}
"""
        + f.opt("del_av", c.municipality_actor, "id för aktören den ingår i")
        + f.block()
    )


def _t_funktion(name: str, c: _Ctx, _typ: str | None) -> str:
    f = _Filled()
    return (
        f"""\
# En funktion är en roll; personen kan bytas utan att organisationen ändras.
titel: {q(name)}
"""
        + f.opt("aktör", c.municipality_actor, "id i aktorer/")
        + f.opt("ersättare", c.coordinator, "funktionen som ersätter vid frånvaro")
        + """\
# innehavare:         # utelämnas i offentliga dokument
#   namn: Förnamn Efternamn
#   e_post: fornamn.efternamn@kommun.se
#   telefon: 0000-00 00 00
# vakant: true        # när ingen har funktionen just nu
uppgifter: []
"""
        + f.block()
    )


def _t_organ(name: str, c: _Ctx, typ: str | None) -> str:
    f = _Filled()
    typ = f.typ("typ", typ, "arbetsgrupp")
    text = f"""\
namn: {q(name)}
# styrgrupp, beredningsgrupp, arbetsgrupp, råd, nätverk, samverkansgrupp, nämnd
# eller fullmäktige
typ: {typ}
# status: aktivt   # föreslaget, försök, aktivt, avvecklas eller avvecklat
uppdrag: {fill("vad gruppen ska åstadkomma")}
"""
    if typ == "arbetsgrupp":
        text += f.opt("tillsätts_av", c.preparing_body, "organet som tillsatte gruppen")
        text += f.opt("rapporterar_till", c.preparing_body, "organet gruppen rapporterar till")
    elif typ == "styrgrupp":
        text += f"mandat: {fill('vad gruppen får besluta om')}\n"
    text += f.opt("sammankallande", c.coordinator, "funktionen som kallar till möten")
    text += "# ordförande: id i funktioner/\n"
    if c.coordinator:
        text += f.put("ledamöter", f"ledamöter:\n  - {c.coordinator}\n")
    else:
        text += "ledamöter: []\n"
    text += "# möten i veckan, månaden, kvartalet, terminen, halvåret eller året\n"
    text += f.put("möten", "möten: {antal: 4, per: år}\n")
    text += f.put(
        "inrättad", f"inrättad: {c.today.isoformat()}   # eller bara ÅÅÅÅ eller ÅÅÅÅ-MM\n"
    )
    return text + f.block()


def _t_dokument(name: str, c: _Ctx, typ: str | None) -> str:
    f = _Filled()
    text = f"""\
# riktlinje, strategi, program, plan, handlingsplan, åtgärdsplan,
# samverkansöverenskommelse, medborgarlöfte, policy, regler, tjänsteskrivelse,
# verksamhetsberättelse eller rapport
typ: {f.typ("typ", typ, "riktlinje")}
titel: {q(name)}
# Dokumentet är ett utkast tills antagen_av eller datum är ifyllt; då är det gällande.
# Senare: status: inaktuellt, ska_upphävas, upphävt eller ersatt (med ersatt_av).
"""
    text += f"# antagen_av: {c.leading_body or 'id i organ/'}   # organet som antar dokumentet\n"
    text += "# datum: ÅÅÅÅ-MM-DD   # när det antogs (bara ÅÅÅÅ eller ÅÅÅÅ-MM om mer inte är känt)\n"
    text += "# paragraf: § 00\n"
    text += f.put("revideras", "revideras: {intervall_år: 4}\n")
    text += f.opt("ansvarig", c.coordinator, "funktionen som ansvarar för dokumentet")
    return text + f.block()


def _t_lagesbild(name: str, c: _Ctx, typ: str | None) -> str:
    return _lagesbild_text(typ or "strategisk", name, c.today, typ_given=typ is not None)


def _t_atgard(name: str, c: _Ctx, typ: str | None) -> str:
    f = _Filled()
    text = f"titel: {q(name)}\nbeskrivning: {fill('vad som ska göras och för vem')}\n"
    if typ:
        text += f"typ: {typ}\n"
    else:
        text += "# typ: situationell, social, individinriktad eller trygghetsskapande\n"
    text += f.opt("åtgärdsplan", c.action_plan, "id för åtgärdsplanen i dokument/")
    text += "# Problem och orsaker i lägesbilden: lägesbild/del, t.ex. strategisk-2026/problem-1\n"
    text += "problem: []\norsaker: []\n"
    text += f.opt("ansvarig", c.coordinator, "ansvarig funktion")
    text += f.put("start", f"start: {c.today.isoformat()}\n") + "# slut: ÅÅÅÅ-MM-DD\n"
    text += "# planerad, pågående, genomförd, avbruten eller försenad\nstatus: planerad\n"
    text += "indikatorer: []\n"
    return text + f.block()


def _t_indikator(name: str, c: _Ctx, typ: str | None) -> str:
    f = _Filled()
    source = typ or "egen"
    if typ is None:
        f.keys.append("källa")
    for key in ("enhet", "riktning", "frekvens"):
        f.keys.append(key)
    return f"""\
namn: {q(name)}
# NTU, Kolada, skolenkät, medborgarenkät, polisens trygghetsmätning,
# polisens statistik eller egen
källa: {{typ: {source}}}
enhet: antal
riktning: minska   # öka eller minska
frekvens: {{antal: 1, per: år}}
mätvärden: []
# mätvärden:
#   - {{år: {c.today.year - 1}, värde: 0}}
{f.block()}"""


_TEMPLATES: dict[str, Callable[[str, _Ctx, str | None], str]] = {
    "aktorer": _t_aktor,
    "funktioner": _t_funktion,
    "organ": _t_organ,
    "dokument": _t_dokument,
    "lagesbilder": _t_lagesbild,
    "atgarder": _t_atgard,
    "indikatorer": _t_indikator,
}
#: The kind names `bfa new` accepts, in the order its help lists them.
NEW_KINDS = ("funktion", "aktor", "organ", "dokument", "lagesbild", "atgard", "indikator", "mote")


def _context(root: Path, today: dt.date) -> _Ctx:
    from .loader import load_repo

    repo = load_repo(root)
    k = repo.kommun
    actors = [a for a, m in repo.aktorer.items() if m.type == "kommun"]
    preparing = [o for o, m in repo.organ.items() if m.type == "beredningsgrupp"]
    plans = sorted(d for d, m in repo.dokument.items() if m.type == "åtgärdsplan")
    coordinator = k.coordination if k and k.coordination in repo.funktioner else None
    leading = k.leadership.organ if k and k.leadership else None
    return _Ctx(
        coordinator=coordinator,
        municipality_actor=actors[0] if len(actors) == 1 else None,
        preparing_body=preparing[0] if len(preparing) == 1 else None,
        leading_body=leading if leading in repo.organ else None,
        action_plan=plans[-1] if plans else None,
        today=today,
    )


def _folder(kind: str) -> str:
    k = kind_by_name(kind)
    if k is None:
        raise UsageError(
            f"'{kind}' är inget slag som bfa new kan skapa.",
            hint="Välj något av: " + ", ".join(NEW_KINDS) + ".",
        )
    return k.folder


def _literal_values(annotation: Any) -> tuple[str, ...]:
    """The strings of a ``Literal[...]`` (inside Optional/Annotated as well)."""
    if get_origin(annotation) is Literal:
        return tuple(str(a) for a in get_args(annotation))
    return tuple(v for a in get_args(annotation) for v in _literal_values(a))


def allowed_types(kind: str) -> tuple[str, ...]:
    """The values ``bfa new KIND NAME --type`` accepts; empty when the kind has no type."""
    from .model.indikator import Kalla

    folder = _folder(kind)
    cls: type[BaseModel] = Kalla if folder == "indikatorer" else KINDS[folder].model
    field = cls.model_fields.get("type")
    return _literal_values(field.annotation) if field is not None else ()


def _check_typ(kind: str, typ: str) -> None:
    from ._messages import suggest

    folder = _folder(kind)
    allowed = allowed_types(kind)
    singular = KINDS[folder].singular
    if not allowed:
        raise UsageError(
            f"En {singular} har inget slag; --type gäller inte bfa new {kind}.",
            hint="Ta bort --type. Inget har skrivits.",
        )
    if typ not in allowed:
        guess = suggest(typ, list(allowed))
        raise UsageError(
            f"'{typ}' är inget slag av {singular} som bfa känner till; inget har skrivits.",
            hint=(f"Menade du '{guess}'? " if guess else "")
            + "Tillåtna värden: "
            + ", ".join(allowed)
            + ".",
        )


def _check_template(folder: str, rel: str, text: str) -> None:
    """Refuse to write a file that validate would reject (a defect of bfa, never the user's)."""
    from ._yaml import parse

    parsed = parse(text, rel)
    try:
        KINDS[folder].model.model_validate(parsed.data)
    except ValidationError as exc:  # pragma: no cover - every template is tested
        raise UsageError(
            f"bfa:s mall för {rel} blev ogiltig ({exc.errors()[0]['msg']}); inget har skrivits.",
            hint="Det är ett fel i bfa. Rapportera det gärna.",
        ) from None
    if parsed.findings:  # pragma: no cover - every template is tested
        raise UsageError(
            f"bfa:s mall för {rel} gick inte att läsa: {parsed.findings[0].message}",
            hint="Det är ett fel i bfa. Rapportera det gärna.",
        )


def new_entity(
    root: Path,
    kind: str,
    name: str,
    *,
    typ: str | None = None,
    eid: str | None = None,
    today: dt.date | None = None,
) -> Created:
    """Write ``<folder>/<id>.yaml`` from the kind's template; never overwrites."""
    from .loader import find_root

    root = find_root(root)
    folder = _folder(kind)
    if folder == "moten":
        raise UsageError(
            "Möten skapas med bfa new mote ORGAN --date ÅÅÅÅ-MM-DD.",
            hint="ORGAN är organets id, t.ex. styrgrupp.",
        )
    if not name.strip():
        raise UsageError("Namnet är tomt.", hint="Skriv namnet inom citattecken.")
    if typ is not None:
        _check_typ(kind, typ)
    no_personnummer(name)  # also with --id: the name is written into the file
    ident = slug(eid) if eid else slug(name)
    today = today or dt.date.today()
    text = _TEMPLATES[folder](name.strip(), _context(root, today), typ)
    rel = f"{folder}/{ident}.yaml"
    _check_template(folder, rel, text)
    _write_new(root, {rel: text})
    return Created(root, [rel])


def new_meeting(root: Path, organ: str, date: dt.date) -> Created:
    """A meeting file for ``organ`` on ``date``: members as expected attendees, open items.

    The open åtgärdspunkter of the body's previous meeting are carried over, so
    nothing decided last time is forgotten.
    """
    from .duties import action_items
    from .loader import find_root, load_repo

    root = find_root(root)
    repo = load_repo(root)
    body = repo.organ.get(organ)
    if body is None:
        existing = sorted(repo.ids("organ"))
        from ._messages import suggest

        guess = suggest(organ, existing)
        raise UsageError(
            f"Organet '{organ}' finns inte.",
            hint=f"Menade du '{guess}'?" if guess else "Organ: " + ", ".join(existing) + ".",
        )
    attendees = list(dict.fromkeys([*(body.members or [])]))
    for role in (body.chair, *body.convener):
        if role and role not in attendees and role in repo.funktioner:
            attendees.append(role)
    previous = {mid: m for mid, m in repo.moten.items() if m.organ == organ and m.date < date}
    open_items = []
    if previous:
        last_id = max(previous, key=lambda k: (previous[k].date, k))
        closed = {
            (a.origin, " ".join(a.item.what.lower().split())) for a in action_items(repo) if a.done
        }
        open_items = [
            (a.origin or last_id, a)
            for a in previous[last_id].action_items
            if not a.done and (a.origin or last_id, " ".join(a.what.lower().split())) not in closed
        ]
    lines = [
        f"# Möte i {body.name}. Ta bort den som inte kom från närvarande och lägg",
        "# till den under frånvarande.",
        f"organ: {organ}",
        f"datum: {date.isoformat()}",
        "# planerat, hållet eller inställt: ändra till hållet när mötet har ägt rum",
        "# (bfa set moten/ÅÅÅÅ/<fil> status hållet)",
        "status: planerat",
        "# tid: 13.00–15.00",
        "# plats: Kommunhuset",
        "# form: fysiskt   # fysiskt, digitalt eller hybrid",
        "# länk: https://…   # Teams-länk för digitala möten; står i kallelsen",
    ]
    if attendees:
        lines.append("närvarande:")
        lines.extend(f"  - {a}" for a in attendees)
    else:
        lines.append("närvarande: []")
    lines += [
        "frånvarande: []",
        "ärenden:",
        f"  - rubrik: {fill('ärendets rubrik')}",
        "    typ: information   # information, beslut, lägesbild, uppföljning, rapportering",
        "    # föredragande: funktionens id",
        "    # bilagor: [handlingar att läsa före mötet]",
        "    # beslut: beslutet i ärendet, som det ska stå i protokollet",
        "beslut: []",
    ]
    if open_items:
        lines.append("# Öppna åtgärdspunkter från förra mötet; sätt klar: true när de är gjorda.")
        lines.append("åtgärdspunkter:")
        for origin, a in open_items:
            lines.append(f"  - vad: {q(a.what)}")
            lines.append(f"    från: {origin}")
            if a.who:
                lines.append(f"    vem: {a.who}")
            if a.by:
                lines.append(f"    senast: {a.by.isoformat()}")
            lines.append("    klar: false")
    else:
        lines.append("åtgärdspunkter: []")
    rel = f"moten/{date.year}/{date.isoformat()}-{organ}.yaml"
    _write_new(root, {rel: "\n".join(lines) + "\n"})
    return Created(root, [rel])
