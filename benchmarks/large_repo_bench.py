"""A large repository: 5,000 functions and 40 bodies of 3,000 members each (120,000
references, 1.3 MB of YAML), through validate, check, status and render organisation.

    python benchmarks/large_repo_bench.py [--write] [--keep DIR]

Each command runs as a subprocess (start-up included), median of 3. Before the fix of
`Repo.ids` (a copy of every id per reference) `bfa validate` took 15.6 s here.
"""

from __future__ import annotations

import argparse
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
N_FUNKTIONER, N_ORGAN, N_MEMBERS = 5000, 40, 3000
COMMANDS = [
    ["validate"],
    ["check", "--today", "2026-11-22"],
    ["status", "--today", "2026-11-22"],
    ["render", "organisation"],
]


def build(root: Path) -> None:
    shutil.copytree(ROOT / "examples" / "norsjo", root)
    for i in range(N_FUNKTIONER):
        (root / "funktioner" / f"f{i:05d}.yaml").write_text(
            f"titel: Funktion {i}\naktör: norsjo-kommun\n", encoding="utf-8"
        )
    ids = ", ".join(f"f{i:05d}" for i in range(N_MEMBERS))
    for i in range(N_ORGAN):
        (root / "organ" / f"grupp{i}.yaml").write_text(
            f"namn: Grupp {i}\ntyp: arbetsgrupp\nuppdrag: x\nledamöter: [{ids}]\n"
            "tillsätts_av: styrgrupp\n",
            encoding="utf-8",
        )


def timed(args: list[str], root: Path) -> float:
    runs = []
    for _ in range(3):
        t = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "brottsforeb", *args, str(root)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            check=False,
        )
        runs.append(time.perf_counter() - t)
    return statistics.median(runs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--write", action="store_true", help="update docs/benchmarks.md")
    ap.add_argument("--keep", type=Path)
    opts = ap.parse_args()
    tmp = Path(tempfile.mkdtemp())
    root = opts.keep or tmp / "stor"
    if not root.exists():
        build(root)
    rows = [(" ".join(a), timed(a, root)) for a in COMMANDS]
    table = "\n".join(f"| `bfa {name}` | {t:.2f} |" for name, t in rows)
    print(table)
    if opts.write:
        doc = ROOT / "docs" / "benchmarks.md"
        text = doc.read_text(encoding="utf-8")
        block = (
            "<!-- large_repo_bench:start -->\n| kommando | tid (s, median av 3) |\n|---|---|\n"
            + table
            + "\n<!-- large_repo_bench:end -->"
        )
        text = re.sub(
            r"<!-- large_repo_bench:start -->.*<!-- large_repo_bench:end -->",
            lambda _m: block,
            text,
            flags=re.S,
        )
        doc.write_text(text, encoding="utf-8")
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
