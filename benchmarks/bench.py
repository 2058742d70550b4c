"""Benchmarks for bfa, run from the project root:

    python benchmarks/bench.py            # print the results
    python benchmarks/bench.py --write    # and record them in docs/benchmarks.md

Each number is the median of several runs of a real command in a subprocess, so
start-up and imports are included exactly as a user meets them.
"""

from __future__ import annotations

import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ("norsjo", "torsby", "lindesberg")


def timed(cmd: list[str], runs: int = 7) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, cwd=ROOT, capture_output=True, check=False)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    import tempfile

    bfa = [sys.executable, "-m", "brottsforeb"]
    rows: list[tuple[str, float, str]] = []
    floor = timed([sys.executable, "-c", "pass"])
    rows.append(("`python -c pass` (golvet)", floor, ""))
    rows.append(("`bfa --version`", timed([*bfa, "--version"]), ""))
    target = 0.3
    t = timed([*bfa, "validate", "examples/torsby"])
    rows.append(
        (
            "`bfa validate examples/torsby`",
            t,
            f"mål < {target} s: {'uppfyllt' if t < target else 'inte uppfyllt'}",
        )
    )
    t = timed([*bfa, "check", "examples/torsby", "--today", "2026-11-21"])
    rows.append(("`bfa check examples/torsby`", t, ""))
    with tempfile.TemporaryDirectory() as tmp:
        for name in EXAMPLES:
            out = Path(tmp) / name
            t = timed(
                [
                    *bfa,
                    "render",
                    "--all",
                    f"examples/{name}",
                    "-f",
                    "pdf",
                    "-o",
                    str(out),
                    "--force",
                ],
                runs=5,
            )
            n = len(list(out.glob("*.pdf")))
            rows.append(
                (
                    f"`bfa render --all examples/{name} -f pdf` ({n} PDF)",
                    t,
                    f"mål < 2 s: {'uppfyllt' if t < 2 else 'inte uppfyllt'}",
                )
            )
    minutes = subprocess.run(
        [sys.executable, "benchmarks/minutes_bench.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    versions = subprocess.run(
        [*bfa, "--version"], capture_output=True, text=True, check=False
    ).stdout.strip()
    lines = [
        "# Prestanda",
        "",
        "Mätt med `python benchmarks/bench.py --write` (median av flera körningar, hela",
        "kommandot i en egen process, alltså med uppstart och importer).",
        "",
        f"- Maskin: {platform.machine()}, {platform.system()} {platform.release()}, "
        f"{_cores()} kärnor",
        f"- Python {platform.python_version()}, {versions}",
        "",
        "| mätning | tid (s) | kommentar |",
        "|---|---|---|",
        *(f"| {what} | {t:.3f} | {note} |" for what, t, note in rows),
        "",
        f"- {minutes} (mål: väl under 5 s)",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if "--write" in sys.argv:
        (ROOT / "docs" / "benchmarks.md").write_text(text + _NOTES, encoding="utf-8")


def _cores() -> int:
    import os

    return os.cpu_count() or 1


_NOTES = """
## Kommentarer

- `bfa validate` på ett exempel domineras av uppstarten: att importera Pydantic och bygga
  modellernas validerare tar omkring hälften av tiden; själva inläsningen och reglerna
  tar några hundradelar. Typst, GitPython och Jinja importeras inte av `validate`.
- Rendering till PDF: Typst kompilerar ett dokument på några hundradelar; resten är
  uppstart och Markdown-renderingen.
"""

if __name__ == "__main__":
    main()
