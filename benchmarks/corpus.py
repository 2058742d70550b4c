"""Generate N municipality repositories of realistic size and shape, deterministically.

    python benchmarks/corpus.py OUT_DIR --n 290 [--seed 2023]

Each repository: about 20 functions, 8 bodies (KS, KF, styrgrupp, beredningsgrupp,
a weekly EST group, SSPF, a trygghetsgrupp and a medborgarlöfte group), three years
of meeting records (EST weekly, so about 210 meetings), a strategic and three
operational lägesbilder, 40 measures, 15 indicators with a value per year and 10
documents – about 315 files. Every repository validates without errors, so the
benchmark measures the whole rule set, not an early exit.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import shutil
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml import CSafeDumper as Dumper
except ImportError:  # pragma: no cover - PyYAML without libyaml
    from yaml import SafeDumper as Dumper  # type: ignore[assignment]

YEARS = (2023, 2024, 2025)
ROLES = [
    ("samordnare", "Brottsförebyggande samordnare"),
    ("kommunpolis", "Kommunpolis"),
    ("kommundirektor", "Kommundirektör"),
    ("socialchef", "Socialchef"),
    ("skolchef", "Skolchef"),
    ("fritidschef", "Fritidschef"),
    ("kulturchef", "Kulturchef"),
    ("gatuchef", "Gatuchef"),
    ("miljochef", "Miljö- och byggchef"),
    ("sakerhetschef", "Säkerhetschef"),
    ("ifo-chef", "Enhetschef IFO"),
    ("faltsekreterare", "Fältsekreterare"),
    ("rektor-hogstadiet", "Rektor högstadiet"),
    ("rektor-gymnasiet", "Rektor gymnasiet"),
    ("kurator", "Skolkurator"),
    ("fritidsledare", "Fritidsledare"),
    ("bostadsbolag", "Företrädare för bostadsbolaget"),
    ("raddningschef", "Räddningschef"),
    ("folkhalsostrateg", "Folkhälsostrateg"),
    ("kommunikator", "Kommunikatör"),
]
PROBLEMS = ["skadegorelse", "narkotika", "otrygghet", "vald-i-offentlig-miljo", "ungdomsbrott"]
CAUSES = ["morka-platser", "bristande-vuxennarvaro", "tillgang-narkotika", "fa-fritidsaktiviteter"]


def _ids(n: int) -> list[str]:
    return [slug for slug, _ in ROLES[:n]]


def repository(i: int, rng: random.Random) -> dict[str, Any]:
    """Path → data of one municipality's repository."""
    name = f"Kommun {i:03d}"
    kommun = f"kommun-{i:03d}"
    files: dict[str, Any] = {
        "bfa.yaml": {
            "namn": name,
            "kommunkod": f"{1000 + i}",
            "invånare": rng.randint(2500, 150000),
            "ledning": {"organ": "kommunstyrelsen"},
            "samordningsfunktion": "samordnare",
            "rapportering": {"till": "kommunfullmaktige", "frekvens": {"antal": 1, "per": "år"}},
            "uppföljning": {"organ": "kommunstyrelsen", "frekvens": {"antal": 1, "per": "år"}},
        },
        f"aktorer/{kommun}.yaml": {"namn": name, "typ": "kommun"},
        "aktorer/polisen.yaml": {"namn": "Polismyndigheten", "typ": "myndighet"},
        "aktorer/socialforvaltningen.yaml": {
            "namn": "Socialförvaltningen",
            "typ": "förvaltning",
            "del_av": kommun,
        },
        "aktorer/utbildningsforvaltningen.yaml": {
            "namn": "Utbildningsförvaltningen",
            "typ": "förvaltning",
            "del_av": kommun,
        },
        "aktorer/bostadsbolaget.yaml": {"namn": f"{name}s Bostäder AB", "typ": "kommunalt bolag"},
        "aktorer/raddningstjansten.yaml": {"namn": "Räddningstjänsten", "typ": "förvaltning"},
    }
    for n, (fid, title) in enumerate(ROLES):
        actor = "polisen" if fid == "kommunpolis" else kommun
        data: dict[str, Any] = {"titel": title, "aktör": actor}
        data["ersättare"] = "samordnare" if fid != "samordnare" else "kommunpolis"
        if n % 3 == 0:
            data["uppgifter"] = [f"Ansvarar för {title.lower()}s del av arbetet."]
        files[f"funktioner/{fid}.yaml"] = data
    members = _ids(20)
    bodies: dict[str, dict[str, Any]] = {
        "kommunstyrelsen": {"namn": "Kommunstyrelsen", "typ": "nämnd"},
        "kommunfullmaktige": {"namn": "Kommunfullmäktige", "typ": "fullmäktige"},
        "styrgrupp": {
            "namn": "Styrgrupp för trygghet och brottsförebyggande arbete",
            "typ": "styrgrupp",
            "uppdrag": "Förankrar arbetet och ger mandat.",
            "mandat": "Beslutar om inriktning och prioriteringar.",
            "rapporterar_till": "kommunstyrelsen",
            "ordförande": "kommundirektor",
            "sammankallande": "samordnare",
            "ledamöter": ["kommundirektor", "kommunpolis", "socialchef", "skolchef", "samordnare"],
            "möten": {"antal": 2, "per": "år"},
            "inrättad": "2023-01-01",
        },
        "beredningsgrupp": {
            "namn": "Lokala brottsförebyggande rådet",
            "kortnamn": "BRÅ",
            "typ": "beredningsgrupp",
            "uppdrag": "Bereder lägesbild och åtgärdsplan.",
            "mandat": "Bereder ärenden till styrgruppen och fördelar uppdrag till arbetsgrupper.",
            "rapporterar_till": "styrgrupp",
            "sammankallande": "samordnare",
            "ledamöter": members[:10],
            "möten": {"antal": 4, "per": "år"},
            "inrättad": "2023-01-01",
        },
        "est": {
            "namn": "EST – effektiv samordning för trygghet",
            "typ": "arbetsgrupp",
            "uppdrag": "Veckovis lägesbild och insatser i utsatta områden.",
            "tillsätts_av": "beredningsgrupp",
            "rapporterar_till": "beredningsgrupp",
            "sammankallande": "samordnare",
            "ledamöter": ["samordnare", "kommunpolis", "faltsekreterare", "fritidsledare"],
            "möten": {"antal": 1, "per": "vecka"},
            "inrättad": "2023-01-02",
        },
        "sspf": {
            "namn": "SSPF",
            "typ": "arbetsgrupp",
            "uppdrag": "Samverkan skola, socialtjänst, polis och fritid kring unga i riskzon.",
            "tillsätts_av": "beredningsgrupp",
            "rapporterar_till": "beredningsgrupp",
            "sammankallande": "ifo-chef",
            "ledamöter": ["ifo-chef", "kommunpolis", "kurator", "fritidsledare"],
            "möten": {"antal": 1, "per": "månad"},
            "inrättad": "2023-01-01",
        },
        "trygghetsgrupp": {
            "namn": "Trygghetsgruppen",
            "typ": "arbetsgrupp",
            "uppdrag": "Trygghetsvandringar och fysiska miljöer.",
            "tillsätts_av": "beredningsgrupp",
            "rapporterar_till": "beredningsgrupp",
            "sammankallande": "gatuchef",
            "ledamöter": ["gatuchef", "bostadsbolag", "raddningschef", "samordnare"],
            "möten": {"antal": 1, "per": "kvartal"},
            "inrättad": "2023-01-01",
        },
        "medborgarloften": {
            "namn": "Arbetsgrupp för medborgarlöften",
            "typ": "samverkansgrupp",
            "uppdrag": "Tar fram och följer upp medborgarlöftena.",
            "sammankallande": "samordnare",
            "ledamöter": ["samordnare", "kommunpolis", "kommunikator"],
            "möten": {"antal": 2, "per": "år"},
            "inrättad": "2023-01-01",
        },
    }
    for oid, data in bodies.items():
        files[f"organ/{oid}.yaml"] = data
    # meetings: EST weekly, SSPF monthly, others by cadence
    for year in YEARS:
        day = dt.date(year, 1, 2)
        while day.year == year:
            files[f"moten/{year}/{day.isoformat()}-est.yaml"] = _meeting(
                "est", day, bodies["est"]["ledamöter"], rng
            )
            day += dt.timedelta(days=7)
        for month in range(1, 13):
            d = dt.date(year, month, 10 + rng.randint(0, 8))
            files[f"moten/{year}/{d.isoformat()}-sspf.yaml"] = _meeting(
                "sspf", d, bodies["sspf"]["ledamöter"], rng
            )
        for month in (2, 5, 9, 11):
            d = dt.date(year, month, 5 + rng.randint(0, 10))
            for oid in ("beredningsgrupp", "trygghetsgrupp"):
                files[f"moten/{year}/{d.isoformat()}-{oid}.yaml"] = _meeting(
                    oid, d, bodies[oid]["ledamöter"], rng
                )
        for month in (3, 10):
            for oid in ("styrgrupp", "medborgarloften"):
                d = dt.date(year, month, 1 + rng.randint(0, 20))
                files[f"moten/{year}/{d.isoformat()}-{oid}.yaml"] = _meeting(
                    oid, d, bodies[oid]["ledamöter"], rng
                )
        ks = dt.date(year, 6, 12)
        files[f"moten/{year}/{ks.isoformat()}-kommunstyrelsen.yaml"] = {
            "organ": "kommunstyrelsen",
            "datum": ks.isoformat(),
            "ärenden": [
                {"rubrik": "Uppföljning av det brottsförebyggande arbetet", "typ": "uppföljning"}
            ],
        }
        kf = dt.date(year, 9, 20)
        files[f"moten/{year}/{kf.isoformat()}-kommunfullmaktige.yaml"] = {
            "organ": "kommunfullmaktige",
            "datum": kf.isoformat(),
            "ärenden": [
                {"rubrik": "Rapport om det brottsförebyggande arbetet", "typ": "rapportering"}
            ],
        }
    # lägesbilder
    files["lagesbilder/strategisk-2025.yaml"] = {
        "typ": "strategisk",
        "titel": "Strategisk lägesbild 2025",
        "period": {"start": "2024-01-01", "slut": "2024-12-31"},
        "datum": "2025-02-15",
        "område": "Hela kommunen",
        "källor": ["Polisens öppna statistik", "Skolenkäten", "Trygghetsmätningen"],
        "kartläggning": [
            {
                "id": p,
                "rubrik": p.replace("-", " ").capitalize(),
                "omfattning": f"{rng.randint(10, 300)} anmälda fall 2024.",
                "konsekvenser": "Otrygghet och kostnader för kommunen.",
            }
            for p in PROBLEMS
        ],
        "annan_information": ["Befolkningen minskar något.", "Ny skola öppnar 2026."],
        "analys": "Problemen hänger samman med miljöer och vuxnas närvaro kvällstid.",
        "orsaker": [
            {"id": c, "beskrivning": c.replace("-", " ").capitalize(), "problem": PROBLEMS[:3]}
            for c in CAUSES
        ],
        "framtagen_av": ["samordnare", "kommunpolis"],
    }
    for n, month in enumerate((4, 8, 12), start=1):
        files[f"lagesbilder/operativ-2025-{n}.yaml"] = {
            "typ": "operativ",
            "titel": f"Operativ lägesbild 2025:{n}",
            "period": {"start": f"2025-{month - 3:02d}-01", "slut": f"2025-{month:02d}-01"},
            "datum": f"2025-{month:02d}-05",
            "område": "Centrum",
            "kartläggning": [
                {"id": "skadegorelse", "rubrik": "Skadegörelse", "omfattning": "Ökar."}
            ],
            "analys": "Kvällar och helger.",
        }
    # indicators
    for k in range(15):
        files[f"indikatorer/indikator-{k:02d}.yaml"] = {
            "namn": f"Indikator {k + 1}",
            "källa": {"typ": rng.choice(["NTU", "Kolada", "skolenkät", "polisens statistik"])},
            "enhet": rng.choice(["procent", "antal"]),
            "riktning": rng.choice(["öka", "minska"]),
            "frekvens": {"antal": 1, "per": "år"},
            "mätvärden": [
                {"år": y, "värde": round(rng.uniform(5, 80), 1)} for y in range(2021, 2026)
            ],
        }
    # documents
    files["dokument/riktlinje.yaml"] = {
        "typ": "riktlinje",
        "titel": f"Riktlinje för {name}s brottsförebyggande arbete",
        "antagen_av": "kommunstyrelsen",
        "datum": "2024-03-12",
        "paragraf": "§ 42",
        "revideras": {"intervall_år": 4},
        "ansvarig": "samordnare",
    }
    files["dokument/atgardsplan.yaml"] = {
        "typ": "åtgärdsplan",
        "titel": "Åtgärdsplan 2025–2027",
        "antagen_av": "kommunstyrelsen",
        "datum": "2025-04-08",
        "gäller_från": "2025-04-08",
        "gäller_till": "2027-12-31",
        "revideras": {"intervall_år": 1, "typ": "aktualitetsprövning"},
        "grundas_på": ["strategisk-2025"],
    }
    files["dokument/samverkansoverenskommelse.yaml"] = {
        "typ": "samverkansöverenskommelse",
        "titel": "Samverkansöverenskommelse med polisen",
        "parter": [kommun, "polisen"],
        "gäller_från": "2025-01-01",
        "gäller_till": "2027-12-31",
        "problem": ["strategisk-2025/skadegorelse"],
        "orsaker": ["strategisk-2025/morka-platser"],
        "mål": [{"text": "Minskad skadegörelse.", "indikatorer": ["indikator-00"]}],
        "dokumentation": "Minnesanteckningar.",
        "uppföljning": "Två gånger per år i styrgruppen.",
    }
    files["dokument/medborgarlofte.yaml"] = {
        "typ": "medborgarlöfte",
        "titel": "Medborgarlöfte 2025",
        "parter": [kommun, "polisen"],
        "gäller_från": "2025-01-01",
        "gäller_till": "2026-12-31",
        "grundas_på": ["strategisk-2025"],
        "medborgardialog": "Trygghetsvandringar och enkät.",
        "problem": ["strategisk-2025/otrygghet"],
    }
    for k, typ in enumerate(["policy", "program", "plan", "handlingsplan", "strategi", "regler"]):
        files[f"dokument/{typ}-{k}.yaml"] = {
            "typ": typ,
            "titel": f"{typ.capitalize()} för trygghet {k}",
            "antagen_av": "kommunstyrelsen",
            "datum": f"202{3 + k % 3}-0{1 + k}-15",
            "revideras": {"intervall_år": 4},
        }
    # measures
    statuses = ["planerad", "pågående", "pågående", "genomförd"]
    for k in range(40):
        start = dt.date(2025, 1 + k % 12, 1)
        files[f"atgarder/atgard-{k:02d}.yaml"] = {
            "titel": f"Åtgärd {k + 1}",
            "beskrivning": "En insats riktad mot en orsak i lägesbilden.",
            "åtgärdsplan": "atgardsplan",
            "typ": rng.choice(["situationell", "social", "trygghetsskapande"]),
            "problem": [f"strategisk-2025/{PROBLEMS[k % len(PROBLEMS)]}"],
            "orsaker": [f"strategisk-2025/{CAUSES[k % len(CAUSES)]}"],
            "ansvarig": members[k % len(members)],
            "start": start.isoformat(),
            "slut": "2027-12-31",
            "status": statuses[k % len(statuses)],
            "indikatorer": [f"indikator-{k % 15:02d}"],
        }
    return files


def _meeting(organ: str, day: dt.date, members: list[str], rng: random.Random) -> dict[str, Any]:
    present = [m for m in members if rng.random() > 0.15] or members[:1]
    data: dict[str, Any] = {
        "organ": organ,
        "datum": day.isoformat(),
        "närvarande": present,
        "ärenden": [{"rubrik": "Lägesbild", "typ": "lägesbild"}],
    }
    if rng.random() < 0.3:
        data["åtgärdspunkter"] = [
            {
                "vad": "Följ upp platsen vid busstationen.",
                "vem": members[0],
                "senast": (day + dt.timedelta(days=14)).isoformat(),
                "klar": True,
            }
        ]
    return data


def write(out: Path, n: int, seed: int = 2023) -> list[Path]:
    """Write ``n`` repositories under ``out`` (replaced if it exists); return their roots."""
    if out.exists():
        shutil.rmtree(out)
    roots = []
    for i in range(1, n + 1):
        rng = random.Random(seed * 1000 + i)
        root = out / f"kommun-{i:03d}"
        for rel, data in repository(i, rng).items():
            path = root / rel
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(
                yaml.dump(data, Dumper=Dumper, allow_unicode=True, sort_keys=False),
                encoding="utf-8",
            )
        roots.append(root)
    return roots


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--n", type=int, default=290)
    parser.add_argument("--seed", type=int, default=2023)
    args = parser.parse_args()
    roots = write(args.out, args.n, args.seed)
    files = sum(1 for r in roots for _ in r.rglob("*.yaml"))
    print(f"{len(roots)} förråd, {files} filer i {args.out}")


if __name__ == "__main__":
    main()
