"""A new repository: ``bfa init`` (a municipality's, or a collaboration's)."""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
from collections.abc import Sequence
from pathlib import Path

from .._ids import PLACEHOLDER, slug
from ..errors import UsageError, WriteRefusedError
from ..model import KINDS
from ._files import Created, checked_name, write_new
from ._install import InstallSource, install_source
from ._new import last_period
from ._render import render

#: Where the generated CI reads how to install bfa: one file, one line.
REQUIREMENTS = ".bfa/requirements.txt"


def _skeleton(
    name: str, today: dt.date, install: InstallSource, subdir: str = ""
) -> dict[str, str | bytes | Path]:
    kommun = slug(name)
    year = today.year
    files: dict[str, str | bytes | Path] = {
        "bfa.yaml": render("kommun/bfa.yaml.j2", name=name),
        f"aktorer/{kommun}.yaml": render("kommun/aktor-kommun.yaml.j2", name=name),
        "aktorer/polisen.yaml": render("kommun/aktor-polisen.yaml.j2"),
        "funktioner/samordnare.yaml": render("kommun/samordnare.yaml.j2", kommun=kommun),
        "funktioner/kommunpolis.yaml": render("kommun/kommunpolis.yaml.j2"),
        "funktioner/kommundirektor.yaml": render("kommun/kommundirektor.yaml.j2", kommun=kommun),
        "organ/kommunstyrelsen.yaml": render("kommun/kommunstyrelsen.yaml.j2"),
        "organ/kommunfullmaktige.yaml": render("kommun/kommunfullmaktige.yaml.j2"),
        "organ/styrgrupp.yaml": render("kommun/styrgrupp.yaml.j2"),
        "organ/beredningsgrupp.yaml": render("kommun/beredningsgrupp.yaml.j2"),
        f"lagesbilder/strategisk-{year}.yaml": render(
            "ny/lagesbild.yaml.j2",
            typ="strategisk",
            typ_given=True,
            title=f"Strategisk lägesbild {year}",
            today=today,
            period=last_period(today, None),
        ),
        "dokument/samverkansoverenskommelse.yaml": render(
            "kommun/samverkansoverenskommelse.yaml.j2", name=name, kommun=kommun
        ),
        ".gitattributes": render("kommun/gitattributes"),
        ".gitignore": render("kommun/gitignore"),
        **_ci_files(install, subdir),
        ".pre-commit-config.yaml": render("kommun/pre-commit-config.yaml"),
        ".vscode/settings.json": _vscode_settings(),
        "README.md": render(
            "kommun/README.md.j2",
            name=name,
            requirements=REQUIREMENTS,
            placeholder=PLACEHOLDER,
            first_steps=first_steps(name, today),
        ),
    }
    from ..schema import schemas

    for file_name, schema in schemas().items():
        files[f"scheman/{file_name}"] = json.dumps(schema, ensure_ascii=False, indent=2) + "\n"
    return files


def _collaboration(
    files: dict[str, str | bytes | Path], name: str, members: Sequence[str], police_area: str | None
) -> dict[str, str | bytes | Path]:
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
    files["bfa.yaml"] = render(
        "samverkan/bfa.yaml.j2", name=name, members=members, police_area=police_area
    )
    for aid, member in zip(ids, members, strict=True):
        files[f"aktorer/{aid}.yaml"] = render("kommun/aktor-kommun.yaml.j2", name=member)
    files["funktioner/samordnare.yaml"] = render(
        "samverkan/samordnare.yaml.j2", first_member=ids[0]
    )
    files["organ/samverkansgrupp.yaml"] = render("samverkan/samverkansgrupp.yaml.j2")
    files["dokument/samverkansoverenskommelse.yaml"] = render(
        "samverkan/samverkansoverenskommelse.yaml.j2", name=name, parties=[*ids, "polisen"]
    )
    return files


def _ci_files(install: InstallSource, subdir: str) -> dict[str, str | bytes | Path]:
    """The CI files and the one place they read bfa's source from.

    ``subdir`` is the repository's folder inside an enclosing git repository ("" at its
    root): GitHub and GitLab read CI files only at the root, so the jobs change into it.
    """
    files: dict[str, str | bytes | Path] = {
        ".github/workflows/bfa.yml": render("ci/github-bfa.yml.j2", subdir=subdir),
        ".gitlab-ci.yml": render("ci/gitlab-ci.yml.j2", subdir=subdir),
        REQUIREMENTS: render("ci/requirements.txt.j2", requirement=install.requirement),
    }
    if install.wheel is not None:
        files[f".bfa/{install.wheel.name}"] = install.wheel  # copied as a stream
    return files


def first_steps(name: str, today: dt.date) -> list[tuple[str, list[str]]]:
    """What a new repository lacks: the law's duties first (1–3: a decided åtgärdsplan, a
    lägesbild, follow-up and reporting), then the riktlinje (4), which the law does not
    require. What to enter and the exact commands.

    The same list is printed by ``bfa init``, written into the new README and named by
    the hints of ``bfa check``'s findings.
    """
    year = today.year
    return [
        (
            "Den beslutade åtgärdsplanen (lagen: beslutad senast 2024-07-01). Skriv in "
            "kommunens plan, lägesbilden den grundas på och dagen kommunstyrelsen beslutade den:",
            [
                f'bfa new dokument "Åtgärdsplan {year}" --type åtgärdsplan --id atgardsplan',
                f'bfa set dokument/atgardsplan grundas_på "[strategisk-{year}]"',
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
        (
            "Riktlinjen och dagen den antogs. Den är inget krav i lagen (punkterna ovan är det), "
            "men det styrdokument de flesta kommuner leder arbetet med:",
            [
                f'bfa new dokument "Riktlinje för {name}s brottsförebyggande arbete" '
                "--type riktlinje --id riktlinje",
                "bfa set dokument/riktlinje datum ÅÅÅÅ-MM-DD",
            ],
        ),
    ]


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
    name = checked_name(name, "Kommunens namn")
    if not collaboration and (members or police_area is not None):
        # before, a kommun's repository was made and the members dropped without a word
        option = "--member" if members else "--police-area"
        raise UsageError(
            f"{option} gäller bara ett förråd för en samverkan; inget har skrivits.",
            hint=f'Lägg till --collaboration: bfa init MAPP --name "…" --collaboration '
            f'{option} "…". En kommun som ingår i en samverkan anger den med '
            "ingår_i_samverkan i sin bfa.yaml (se guiden).",
        )
    members = [checked_name(m, "Medlemskommunens namn") for m in members]
    if police_area is not None:
        police_area = checked_name(police_area, "Lokalpolisområdets namn")
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
    write_new(target, files)
    initialised = missing = False
    if git_root is None:
        try:
            _git_init(target)
            initialised = True
        except OSError:
            missing = True  # git missing: the files are there, the CLI says so
        except subprocess.SubprocessError:
            pass
    return Created(target, sorted(files), initialised, git_root, missing, install)


def _git_init(target: Path) -> None:
    """``git init`` with the branch main, as the guide says (old git: set it afterwards)."""

    def git(*args: str) -> None:
        subprocess.run(["git", *args], check=True, capture_output=True, timeout=60)

    try:
        git("init", "-q", "-b", "main", str(target))
    except subprocess.CalledProcessError:  # git before 2.28 has no -b
        git("init", "-q", str(target))
        git("-C", str(target), "symbolic-ref", "HEAD", "refs/heads/main")


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
