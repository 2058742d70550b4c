"""`bfa minutes` over 500 commits of a repository with 2,000 commits and 300 entity files.

    python benchmarks/minutes_bench.py [--keep DIR]

The history is written with `git fast-import` (deterministic: fixed dates and authors),
then `bfa minutes --since HEAD~500 --until HEAD` is timed as a subprocess (median of 3).
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

N_FUNKTIONER, N_ORGAN, N_ATGARDER, N_COMMITS = 150, 50, 100, 2000
AUTHORS = ["Samordnaren", "Säkerhetssamordnaren", "Kommunpolisen"]


def funktion(i: int, version: int) -> str:
    return f"titel: Funktion {i} v{version}\nersättare: f-{(i + 1) % N_FUNKTIONER}\n"


def organ(i: int, members: int) -> str:
    ids = ", ".join(f"f-{(i + k) % N_FUNKTIONER}" for k in range(members))
    return (
        f"namn: Organ {i}\ntyp: arbetsgrupp\nuppdrag: Uppdrag {i}.\n"
        f"sammankallande: f-{i}\nledamöter: [{ids}]\nmöten: {{antal: 4, per: år}}\n"
    )


def atgard(i: int, status: str) -> str:
    return (
        f"titel: Åtgärd {i}\nansvarig: f-{i % N_FUNKTIONER}\nstart: 2025-01-01\n"
        f"slut: 2026-12-31\nstatus: {status}\n"
    )


def stream() -> bytes:
    out: list[bytes] = []
    state: dict[str, str] = {"bfa.yaml": "namn: Benchby kommun\n"}
    state.update({f"funktioner/f-{i}.yaml": funktion(i, 0) for i in range(N_FUNKTIONER)})
    state.update({f"organ/o-{i}.yaml": organ(i, 3) for i in range(N_ORGAN)})
    state.update({f"atgarder/a-{i}.yaml": atgard(i, "planerad") for i in range(N_ATGARDER)})
    statuses = ["planerad", "pågående", "genomförd"]
    for n in range(N_COMMITS):
        if n == 0:
            changed = dict(state)
        else:
            k = n % 3
            if k == 0:
                i = n % N_FUNKTIONER
                changed = {f"funktioner/f-{i}.yaml": funktion(i, n)}
            elif k == 1:
                i = n % N_ORGAN
                changed = {f"organ/o-{i}.yaml": organ(i, 2 + n % 5)}
            else:
                i = n % N_ATGARDER
                changed = {f"atgarder/a-{i}.yaml": atgard(i, statuses[n % 3])}
        state.update(changed)
        author = AUTHORS[n % len(AUTHORS)]
        when = 1_700_000_000 + n * 3600
        msg = f"Ändring {n}".encode()
        out.append(b"commit refs/heads/main\n")
        out.append(f"author {author} <a@example.se> {when} +0100\n".encode())
        out.append(f"committer {author} <a@example.se> {when} +0100\n".encode())
        out.append(b"data %d\n%s\n" % (len(msg), msg))
        for path, text in changed.items():
            data = text.encode()
            out.append(f"M 100644 inline {path}\n".encode())
            out.append(b"data %d\n%s\n" % (len(data), data))
    return b"".join(out)


def main() -> None:
    keep = sys.argv[sys.argv.index("--keep") + 1] if "--keep" in sys.argv else None
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(keep or tmp) / "benchby"
        root.mkdir(parents=True, exist_ok=True)
        subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
        subprocess.run(["git", "fast-import", "--quiet"], cwd=root, input=stream(), check=True)
        subprocess.run(["git", "checkout", "-q", "main"], cwd=root, check=True)
        cmd = [
            sys.executable,
            "-m",
            "brottsforeb",
            "minutes",
            str(root),
            "--since",
            "HEAD~500",
            "--until",
            "HEAD",
            "--format",
            "json",
        ]
        times = []
        for _ in range(3):
            start = time.perf_counter()
            proc = subprocess.run(cmd, capture_output=True, check=False)
            times.append(time.perf_counter() - start)
        assert proc.returncode == 0, proc.stderr.decode()
        changes = proc.stdout.count(b'"text"')
        print(
            f"bfa minutes över 500 av {N_COMMITS} incheckningar, "
            f"{N_FUNKTIONER + N_ORGAN + N_ATGARDER} filer: {statistics.median(times):.2f} s "
            f"({changes} ändringar i protokollet)"
        )


if __name__ == "__main__":
    main()
