"""All documents of one example in all four formats (md, pdf, docx, html), target < 3 s.

    .venv/bin/python benchmarks/formats_bench.py           # print the results
    .venv/bin/python benchmarks/formats_bench.py --write   # and record them in docs/benchmarks.md

Two measurements, each the median of 5 runs:

- the library: one process renders every document of the example once to Markdown and
  writes it as md, pdf, docx and html (what a script or a CI job calling bfa pays);
- the command line: `bfa render --all EXAMPLE -f md -f pdf -f docx -f html -o DIR`, one
  process with start-up and imports (what a user pays), and for comparison the four
  one-format commands one after another.

The section is written between two markers in docs/benchmarks.md, so benchmarks/bench.py
keeps it when it rewrites the rest of the file.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = "torsby"
FORMATS = ("md", "pdf", "docx", "html")
TARGET_S = 3.0
START = "<!-- formats_bench:start -->"
END = "<!-- formats_bench:end -->"

_LIBRARY = """
import sys, time
t = time.perf_counter()
from brottsforeb import load_repo
from brottsforeb.render import render_all, to_docx, to_html, to_pdf
repo = load_repo(sys.argv[1])
docs = render_all(repo)
for d in docs:
    d.markdown.encode("utf-8")
    to_pdf(d)
    to_docx(d, repo)
    to_html(d)
print(len(docs), time.perf_counter() - t)
"""


def library(example: Path) -> tuple[int, float]:
    out = subprocess.run(
        [sys.executable, "-c", _LIBRARY, str(example)],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    ).stdout.split()
    return int(out[0]), float(out[1])


def cli_one(example: Path) -> float:
    bfa = Path(sys.executable).with_name("bfa")
    flags = [x for fmt in FORMATS for x in ("-f", fmt)]
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        subprocess.run(
            [str(bfa), "render", "--all", str(example), *flags, "-o", tmp],
            capture_output=True,
            check=True,
        )
        return time.perf_counter() - start


def cli(example: Path) -> float:
    bfa = Path(sys.executable).with_name("bfa")
    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        for fmt in FORMATS:
            subprocess.run(
                [str(bfa), "render", "--all", str(example), "-f", fmt, "-o", f"{tmp}/{fmt}"],
                capture_output=True,
                check=True,
            )
        return time.perf_counter() - start


def main() -> None:
    example = ROOT / "examples" / EXAMPLE
    runs = [library(example) for _ in range(5)]
    n = runs[0][0]
    lib = statistics.median(t for _, t in runs)
    cmd = statistics.median(cli(example) for _ in range(5))
    one = statistics.median(cli_one(example) for _ in range(5))

    def verdict(t: float) -> str:
        return f"mål < {TARGET_S:.0f} s: {'uppfyllt' if t < TARGET_S else 'EJ uppfyllt'}"

    text = "\n".join(
        [
            START,
            "## Alla dokument i alla format",
            "",
            f"Mätt med `python benchmarks/formats_bench.py --write`: de {n} dokumenten i "
            f"examples/{EXAMPLE} som Markdown, PDF, Word och HTML ({n * 4} filer), median av "
            "5 körningar.",
            "",
            "| mätning | tid (s) | kommentar |",
            "|---|---|---|",
            f"| biblioteket, en process (med import och inläsning) | {lib:.2f} | {verdict(lib)} |",
            f"| `bfa render --all -f md -f pdf -f docx -f html`, ett kommando | {one:.2f} | "
            f"{verdict(one)} |",
            f"| `bfa render --all -f FORMAT`, fyra kommandon efter varandra | {cmd:.2f} | "
            "var och en startar, läser och kontrollerar förrådet |",
            "",
            "- Word: python-docx bygger dokumentet och Typst ritar organisationsschemat som "
            "PNG; HTML är markdown-it-py och en sträng, med schemat som inline-SVG.",
            END,
        ]
    )
    print(text)
    if "--write" in sys.argv:
        path = ROOT / "docs" / "benchmarks.md"
        old = path.read_text(encoding="utf-8")
        if START in old and END in old:
            head, rest = old.split(START, 1)
            new = head + text + rest.split(END, 1)[1]
        else:
            new = old.rstrip("\n") + "\n\n" + text + "\n"
        path.write_text(new, encoding="utf-8")


if __name__ == "__main__":
    main()
