"""The catalog: every rule bfa applies, as data.

Sources:
- "Lag (2023:196)": duties of the law — errors. Only 4 § is confirmed from the
  law's text here; the other duties come from the government bill and Brå's
  guidance, and their paragraph is left empty (``reference``) until checked,
  rather than guessed.
- "Brå": Brå's recommended way of working — warnings.
- "Kommunens beslut": what the municipality itself decided in its files.
- "bfa": the repository format itself (references, file names).
- "YAML", "schema": findings made while reading the files (``command="load"``),
  before any rule runs; the loader makes them from these rows too.

A row's ``message`` and ``hint`` are ``str.format`` templates over the hit's
arguments. Where the wording depends on the case (which YAML syntax error, which
kind of schema error), ``variants`` names each case's (message, hint): every
sentence bfa says about the files lives here, in one table.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from ..findings import Finding, Severity

E, W = Severity.ERROR, Severity.WARNING
LAG, BRA, EGET, BFA = "Lag (2023:196)", "Brå", "Kommunens beslut", "bfa"
YAML, SCHEMA = "YAML", "schema"

#: When a rule runs: ``validate``, ``check`` (depends on today's date) or ``load``
#: (made while reading the files; reported by both commands).
COMMANDS = ("validate", "check", "load")


class _Args(dict[str, Any]):
    """Template arguments; a missing one stays visible as ``{name}`` (tests look for it)."""

    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    source: str
    reference: str  # paragraph or publication; empty where not verified
    title: str
    message: str  # str.format template over the hit's arguments
    hint: str
    command: str = "validate"  # see COMMANDS
    #: case name → (message, hint) templates, for rows whose wording depends on the case;
    #: a hint of None is the row's own
    variants: Mapping[str, tuple[str, str | None]] = field(default_factory=dict)

    @property
    def cited(self) -> str:
        """The source as findings show it: 'Lag (2023:196) 4 §', 'Brå', 'YAML'."""
        return self.source + (f" {self.reference}" if self.reference and self.source != BRA else "")

    def texts(self, variant: str = "") -> tuple[str, str]:
        """The (message, hint) templates of one case ('' is the row's own)."""
        if not variant:
            return self.message, self.hint
        message, hint = self.variants[variant]
        return message, self.hint if hint is None else hint

    def finding(
        self,
        file: str = "",
        line: int = 0,
        column: int = 0,
        args: Mapping[str, Any] | None = None,
        *,
        variant: str = "",
        severity: Severity | None = None,
        due: str = "",
    ) -> Finding:
        """The finding this row makes at one place, its templates filled with ``args``."""
        message, hint = self.texts(variant)
        filled = _Args(args or {})
        return Finding(
            rule=self.id,
            severity=severity or self.severity,
            message=message.format_map(filled),
            file=file,
            line=line,
            column=column,
            hint=hint.format_map(filled),
            source=self.cited,
            due=due,
        )


RULES: tuple[Rule, ...] = (
    # --- the repository format -------------------------------------------------------
    Rule(
        "REF-SAKNAS",
        E,
        BFA,
        "",
        "Referens till något som inte finns",
        "'{key}' hänvisar till {what} '{target}', som inte finns.",
        "{hint}",
    ),
    Rule(
        "REF-DEL-SAKNAS",
        E,
        BFA,
        "",
        "Referens till en del av en lägesbild som inte finns",
        "'{key}' hänvisar till {what} '{target}' i lägesbilden '{lagesbild}', som inte finns.",
        "Delar i lägesbilden: {choices}.",
    ),
    Rule(
        "ID-DUBBLETT",
        E,
        BFA,
        "",
        "Samma id två gånger",
        "Id '{id}' används två gånger i '{key}'.",
        "Ge varje del ett eget id.",
    ),
    Rule(
        "MOTE-FILNAMN-INNEHALL",
        E,
        BFA,
        "",
        "Mötesfilens namn stämmer inte med innehållet",
        "Filnamnet säger {name_value} men '{key}' är {value}.",
        "Byt namn på filen eller rätta värdet så att de stämmer.",
    ),
    Rule(
        "REF-CYKEL",
        E,
        BFA,
        "",
        "Hänvisningar i en cirkel",
        "'{key}' bildar en cirkel: {cycle}.",
        "{what} kan inte (via andra) {relation} sig självt; rätta någon av hänvisningarna.",
    ),
    Rule(
        "INDIKATOR-DUBBLETT",
        E,
        BFA,
        "",
        "Två mätvärden för samma period",
        "Indikatorn '{name}' har två mätvärden för {period}.",
        "Ta bort eller rätta det ena värdet; varje period mäts en gång.",
    ),
    Rule(
        "MOTE-HALLET-TOMT",
        E,
        BFA,
        "",
        "Hållet möte utan närvaro eller anteckningar",
        "Mötet {date} är markerat som hållet men anger varken närvarande, ärenden eller beslut.",
        "Fyll i vilka som var närvarande eller vad som behandlades; ett möte som inte har "
        "ägt rum är 'status: planerat' eller 'status: inställt'.",
    ),
    Rule(
        "UNDANTAG-REGEL",
        E,
        BFA,
        "",
        "Undantag för en regel som inte finns eller inte kan undantas",
        "Undantaget gäller '{rule}', {why}.",
        "{hint}",
    ),
    Rule(
        "MALL-EJ-IFYLLD",
        W,
        BFA,
        "",
        "Text från mallen som inte är ifylld eller värden som bfa fyllt i",
        "{message}",
        "{hint}",
    ),
    Rule(
        "REF-INAKTUELL",
        W,
        BFA,
        "",
        "Hänvisning till något som inte längre gäller",
        "'{key}' hänvisar till '{name}', som är {status}.",
        "{hint}",
    ),
    # --- Lag (2023:196) ------------------------------------------------------------------
    Rule(
        "LAG-LEDNING",
        E,
        LAG,
        "",
        "Ledning av arbetet",
        "Det framgår inte vilken nämnd som leder det brottsförebyggande arbetet.",
        "Ange 'ledning: {{organ: kommunstyrelsen}}' i bfa.yaml, med kommunfullmäktiges beslut.",
    ),
    Rule(
        "LAG-RAPPORTERING",
        E,
        LAG,
        "",
        "Rapportering till kommunfullmäktige",
        "Det framgår inte hur arbetet rapporteras till kommunfullmäktige.",
        "Ange 'rapportering: {{till: kommunfullmaktige, frekvens: …}}' i bfa.yaml.",
    ),
    Rule(
        "LAG-SAMORDNING",
        E,
        LAG,
        "",
        "Samordningsfunktion",
        "Kommunen har ingen samordningsfunktion angiven.",
        "Ange 'samordningsfunktion: <funktions-id>' i bfa.yaml.",
    ),
    Rule(
        "LAG-LAGESBILD",
        E,
        LAG,
        "4 §",
        "Lägesbild",
        "Det finns ingen lägesbild i förrådet.",
        "Lägg en lägesbild i lagesbilder/ (bfa new lagesbild …).",
    ),
    Rule(
        "LAG-KARTLAGGNING",
        E,
        LAG,
        "4 § första stycket 1",
        "Kartläggning",
        "Lägesbilden saknar en kartläggning av brottsligheten.",
        "Lägg till problem under 'kartläggning' med omfattning och konsekvenser.",
    ),
    Rule(
        "LAG-OMFATTNING",
        E,
        LAG,
        "4 § första stycket 1",
        "Omfattning och konsekvenser",
        "Problemet '{problem}' i kartläggningen saknar {missing}.",
        "Kartläggningen ska beskriva brottslighetens omfattning och konsekvenser.",
    ),
    Rule(
        "LAG-ANNAN-INFORMATION",
        E,
        LAG,
        "4 § första stycket 2",
        "Annan relevant information",
        "Lägesbilden saknar annan relevant information.",
        "Fyll i 'annan_information', t.ex. befolkning, händelser, verksamheternas iakttagelser.",
    ),
    Rule(
        "LAG-ANALYS",
        E,
        LAG,
        "4 § första stycket 3",
        "Analys och möjliga orsaker",
        "Lägesbilden saknar {missing}.",
        "Fyll i 'analys' och minst en möjlig orsak under 'orsaker'.",
    ),
    Rule(
        "LAG-LEDNING-NAMND",
        E,
        LAG,
        "",
        "Ledningen ligger hos en politisk nämnd",
        "'ledning.organ' är '{organ}' ({typ}); lagen lägger ledningen av arbetet hos "
        "kommunstyrelsen eller den nämnd som kommunfullmäktige utser.",
        "Ange kommunstyrelsen (eller den nämnd fullmäktige utsett) som 'ledning.organ', med "
        "'typ: nämnd' i dess fil; en styrgrupp eller ett råd kan bereda men inte leda "
        "enligt lagen.",
    ),
    Rule(
        "LAG-ATGARDSPLAN-LAGESBILD",
        E,
        LAG,
        "",
        "Åtgärdsplanen utgår från lägesbilden",
        "Åtgärdsplanen '{title}' är beslutad men anger ingen lägesbild som den grundas på.",
        "Lagen säger att åtgärdsplanen beslutas utifrån lägesbilden: ange "
        "'grundas_på: [lägesbild-id]' i planen.",
    ),
    Rule(
        "LAG-ATGARDSPLAN",
        E,
        LAG,
        "",
        "Åtgärdsplan",
        "Kommunen har ingen beslutad åtgärdsplan; den första skulle enligt lagen vara beslutad "
        "senast 2024-07-01.",
        "Besluta en åtgärdsplan utifrån lägesbilden och skriv in den: bfa new dokument "
        '"Åtgärdsplan ÅÅÅÅ" --type åtgärdsplan --id atgardsplan, sedan bfa set '
        "dokument/atgardsplan datum ÅÅÅÅ-MM-DD (beslutsdagen).",
        command="check",
        variants={
            "utkast": ("Åtgärdsplanen '{title}' är inte beslutad: {missing} saknas.", None),
            "framtida": (
                "Åtgärdsplanen '{title}' är inte beslutad ännu: beslutsdatumet {date} ligger "
                "efter {today}.",
                None,
            ),
            "ej-gällande": (
                "Åtgärdsplanen '{title}' är {status}, och ingen gällande åtgärdsplan finns.",
                None,
            ),
        },
    ),
    # --- the municipality's own decisions, against today's date ---------------------------
    Rule(
        "DOK-REVISION",
        E,
        EGET,
        "",
        "Dokument som ska revideras",
        "{title}: {kind} {state}.",
        "{hint}",
        command="check",
    ),
    Rule(
        "DOK-GILTIGHET",
        E,
        EGET,
        "",
        "Dokument vars giltighetstid går ut",
        "{title}: giltighetstiden {state}.",
        "Revidera eller förläng dokumentet och ange ny 'gäller_till'.",
        command="check",
    ),
    Rule(
        "LAGESBILD-FREKVENS",
        E,
        EGET,
        "",
        "Lägesbilder tas fram så ofta som beslutats",
        "{done} av {required} {type}a lägesbilder togs fram {period}.",
        "Kommunen har beslutat att {kind} lägesbild tas fram {cadence}. Skriv in den senaste: "
        'bfa new lagesbild "Lägesbild ÅÅÅÅ" --type {kind}, sedan bfa set lagesbilder/ID '
        "datum ÅÅÅÅ-MM-DD.",
        command="check",
        variants={
            "saknas": ("Det finns ingen {type} lägesbild.", None),
            "pågår": (
                "{done} av {required} {type}a lägesbilder är framtagna {period}, som slutar "
                "{due_date}.",
                None,
            ),
        },
    ),
    Rule(
        "UPPFOLJNING-NAMND",
        E,
        EGET,
        "",
        "Uppföljning i ledande nämnd",
        "{name}: {done} av {required} sammanträden med uppföljning {period} finns "
        "registrerade i moten/ (beslutat: {cadence}).",
        "Registrera sammanträdet: bfa new mote ORGAN --date ÅÅÅÅ-MM-DD, sedan bfa set "
        'ÅÅÅÅ-MM-DD-ORGAN "ärenden[1].typ" uppföljning och bfa set ÅÅÅÅ-MM-DD-ORGAN status '
        "hållet (ORGAN: id:t under uppföljning i bfa.yaml; ett planerat möte räknas inte).",
        command="check",
        variants={
            "saknas": (
                "Ingen uppföljning i {name} finns registrerad i moten/ (beslutat: {cadence}).",
                None,
            ),
            "nästa": (
                "Nästa uppföljning i {name}{last} ska ske senast {due_date} ({period}).",
                None,
            ),
        },
    ),
    Rule(
        "RAPPORTERING-KF",
        E,
        EGET,
        "",
        "Rapportering till kommunfullmäktige",
        "{name}: {done} av {required} sammanträden med rapportering {period} finns "
        "registrerade i moten/ (beslutat: {cadence}).",
        "Registrera sammanträdet: bfa new mote ORGAN --date ÅÅÅÅ-MM-DD, sedan bfa set "
        'ÅÅÅÅ-MM-DD-ORGAN "ärenden[1].typ" rapportering och bfa set ÅÅÅÅ-MM-DD-ORGAN status '
        "hållet (ORGAN: id:t under rapportering i bfa.yaml; ett planerat möte räknas inte).",
        command="check",
        variants={
            "saknas": (
                "Ingen rapportering i {name} finns registrerad i moten/ (beslutat: {cadence}).",
                None,
            ),
            "nästa": (
                "Nästa rapportering i {name}{last} ska ske senast {due_date} ({period}).",
                None,
            ),
        },
    ),
    Rule(
        "MOTEN-FREKVENS",
        E,
        EGET,
        "",
        "Organen möts så ofta som beslutats",
        "{name} höll {done} av {required} möten {period}.",
        "Beslutat: {cadence}. Saknas mötesfiler med 'status: hållet' i moten/, eller har mötena "
        "uteblivit? Finns äldre möten inte i förrådet, ange 'möten_registreras_från'.",
        command="check",
        variants={
            "inga": ("{name} höll inga möten {period}.", None),
            "inga-i-följd": ("{name} höll inga möten {span} ({count} {unit} i följd).", None),
            "ej-registrerade": (
                "{name}: inga hållna möten finns registrerade i moten/ (beslutat: {cadence}).",
                "Lägg in hållna möten (bfa new mote {organ} --date ÅÅÅÅ-MM-DD, sedan status: "
                "hållet), ange sedan när organet finns (bfa set organ/{organ} inrättad "
                "ÅÅÅÅ-MM-DD), eller 'möten_registreras_från' om äldre möten inte finns i "
                "förrådet.",
            ),
            "pågår": (
                "{name} har hållit {done} av {required} möten {period}, som slutar {due_date}.",
                "Beslutat: {cadence}.",
            ),
        },
    ),
    Rule(
        "ORGAN-LIVSCYKEL",
        W,
        EGET,
        "",
        "Försök som tar slut och organ som ska avvecklas",
        "{message}",
        "{hint}",
        command="check",
    ),
    Rule(
        "ATGARDSPUNKT-FORSENAD",
        E,
        EGET,
        "",
        "Åtgärdspunkter från möten",
        "Åtgärdspunkten '{what}' från {organ} {date} {state}.",
        "Markera punkten 'klar: true' när den är gjord, eller flytta 'senast'.",
        command="check",
    ),
    Rule(
        "MOTE-EJ-HALLET",
        W,
        BFA,
        "",
        "Planerat möte vars dag har passerat",
        "Mötet {date} är planerat men inte registrerat som hållet ({organ}).",
        "Sätt 'status: hållet' och fyll i närvarande eller anteckningar "
        "(bfa set moten/{year}/{id} status hållet), eller 'status: inställt'. "
        "Ett planerat möte räknas aldrig som hållet.",
        command="check",
    ),
    Rule(
        "ATGARD-FORSENAD",
        E,
        EGET,
        "",
        "Åtgärder som når sitt slutdatum",
        "Åtgärden '{atgard}' (status {status}) {state}.",
        "Ändra status till genomförd eller avbruten när den är klar, eller flytta 'slut'.",
        command="check",
    ),
    Rule(
        "INDIKATOR-INAKTUELL",
        W,
        EGET,
        "",
        "Indikatorer mäts så ofta som beslutats",
        "Indikatorn '{name}' har inget värde nyare än {last}; nästa värde {state}.",
        "Lägg till det senaste värdet under 'mätvärden'.",
        command="check",
    ),
    # --- Brå's recommendations -------------------------------------------------------
    Rule(
        "BRA-STYRGRUPP",
        W,
        BRA,
        "Brå: Samverkan i lokalt brottsförebyggande arbete",
        "Styrgrupp",
        "Kommunen har ingen styrgrupp som förankrar och ger mandat.",
        "Lägg till ett organ med 'typ: styrgrupp'.",
    ),
    Rule(
        "BRA-BEREDNINGSGRUPP",
        W,
        BRA,
        "Brå: Samverkan i lokalt brottsförebyggande arbete",
        "Beredningsgrupp",
        "Kommunen har ingen beredningsgrupp som länkar beslut och utförande.",
        "Lägg till ett organ med 'typ: beredningsgrupp' (ofta det lokala BRÅ/LFR).",
    ),
    Rule(
        "BRA-ARBETSGRUPP-TILLSATT",
        W,
        BRA,
        "Brå",
        "Arbetsgrupper tillsätts av beredningsgruppen",
        "Arbetsgruppen '{organ}' anger inte att den tillsätts av en beredningsgrupp.",
        "Ange 'tillsätts_av: <beredningsgruppens id>'.",
    ),
    Rule(
        "BRA-UPPDRAG",
        W,
        BRA,
        "Brå",
        "Tydligt uppdrag",
        "Organet '{organ}' saknar uppdrag.",
        "Beskriv organets uppdrag under 'uppdrag'.",
    ),
    Rule(
        "BRA-MANDAT",
        W,
        BRA,
        "Brå",
        "Tydligt mandat",
        "{Typ} '{organ}' saknar beskrivning av sitt mandat.",
        "Beskriv under 'mandat' vad organet får besluta om eller bereda.",
    ),
    Rule(
        "BRA-SAMVERKAN",
        W,
        BRA,
        "Brå och Polismyndigheten: samverkansöverenskommelser och medborgarlöften",
        "Skriftlig samverkan",
        "Det finns ingen skriftlig samverkansöverenskommelse (eller medborgarlöfte) i förrådet.",
        "Brå och polisen rekommenderar en skriftlig överenskommelse (lagen kräver den inte): "
        "lägg till ett dokument med 'typ: samverkansöverenskommelse' i dokument/, eller ett "
        "undantag med motivering.",
    ),
    Rule(
        "BRA-SAMMANKALLANDE",
        W,
        BRA,
        "Brå",
        "Sammankallande",
        "Organet '{organ}' saknar sammankallande.",
        "Ange en funktion under 'sammankallande'.",
    ),
    Rule(
        "BRA-ERSATTARE",
        W,
        BRA,
        "Brå",
        "Funktioner, inte personer",
        "Funktionen '{funktion}' är {role} men har ingen ersättare.",
        "Ange 'ersättare: <funktions-id>' så att arbetet inte stannar när någon slutar.",
    ),
    Rule(
        "BRA-VAKANT",
        W,
        BRA,
        "Brå",
        "Vakanta nyckelfunktioner",
        "Funktionen '{funktion}' är {role} men är vakant. {cover}",
        "Tillsätt funktionen, eller låt ett beslut ange vem som har uppgiften tills vidare "
        "(ersättare).",
    ),
    Rule(
        "BRA-DOK-AKTUALITET",
        W,
        BRA,
        "Brå",
        "Styrdokument prövas varje mandatperiod",
        "'{title}' antogs {date}, har ingen revidering angiven och är äldre än en "
        "mandatperiod (fyra år).",
        "Pröva om dokumentet är aktuellt och ange när det ska revideras "
        "('revideras: {{intervall_år: 4}}'), eller sätt 'status: inaktuellt' eller 'upphävt'.",
        command="check",
    ),
    Rule(
        "BRA-ATGARD-PROBLEM",
        W,
        BRA,
        "Brå",
        "Åtgärden utgår från lägesbilden",
        "Åtgärden '{atgard}' är inte kopplad till något problem i en lägesbild.",
        "Ange 'problem: [lägesbild-id/problem-id]'.",
    ),
    Rule(
        "BRA-ATGARD-ORSAK",
        W,
        BRA,
        "Brå",
        "Åtgärden riktas mot orsaker",
        "Åtgärden '{atgard}' är inte kopplad till någon orsak i en lägesbild.",
        "Ange 'orsaker: [lägesbild-id/orsak-id]'.",
    ),
    Rule(
        "BRA-ATGARD-ANSVARIG",
        W,
        BRA,
        "Brå",
        "Åtgärden har en ansvarig",
        "Åtgärden '{atgard}' saknar ansvarig.",
        "Ange 'ansvarig: <funktions-id>'.",
    ),
    Rule(
        "BRA-ATGARD-TIDSRAM",
        W,
        BRA,
        "Brå",
        "Åtgärden har en tidsram",
        "Åtgärden '{atgard}' saknar {missing}.",
        "Ange 'start' och 'slut' (ÅÅÅÅ-MM-DD).",
    ),
    Rule(
        "BRA-ATGARD-INDIKATOR",
        W,
        BRA,
        "Brå",
        "Åtgärden följs upp med en indikator",
        "Åtgärden '{atgard}' har ingen indikator.",
        "Ange 'indikatorer: [indikator-id]'.",
    ),
    Rule(
        "BRA-SAMVERKAN-INNEHALL",
        W,
        BRA,
        "Brå",
        "Samverkansöverenskommelsens innehåll",
        "Samverkansöverenskommelsen '{dokument}' saknar {missing}.",
        "En överenskommelse bör ange problem, orsaker, mätbara mål, dokumentation, "
        "uppföljning och period.",
    ),
    Rule(
        "BRA-MEDBORGARLOFTE",
        W,
        BRA,
        "Brå",
        "Medborgarlöften vilar på lägesbild och dialog",
        "Medborgarlöftet '{dokument}' saknar {missing}.",
        "Ange 'grundas_på: [lägesbild-id]' och beskriv medborgardialogen.",
    ),
    # --- collaborations across municipalities ---------------------------------------------
    Rule(
        "SAMVERKAN-FORRAD",
        E,
        BFA,
        "",
        "Samverkans förråd går inte att läsa",
        "Samverkan '{id}' ({label}) går inte att använda: {reason}",
        "{hint}",
    ),
    Rule(
        "SAMVERKAN-DEL",
        E,
        BFA,
        "",
        "Delad del som inte finns i samverkans förråd",
        "'{ref}' finns inte i {name}s förråd.",
        "{hint}",
    ),
    Rule(
        "SAMVERKAN-MEDLEM",
        W,
        BFA,
        "",
        "Kommunen saknas bland samverkans medlemmar",
        "{name} står inte bland medlemmarna i {collaboration} ({label}/bfa.yaml).",
        "Lägg till kommunen under 'medlemmar:' i samverkans bfa.yaml, eller rätta 'namn'.",
    ),
)

#: Findings made while reading the files, before any rule runs: loader.py, _yaml.py and
#: _messages.py make them from these rows with ``finding(rule_id, …)``.
RULES += (
    Rule(
        "FIL-LASFEL",
        E,
        BFA,
        "",
        "Filen kan inte läsas (behörighet, en mapp, ett diskfel)",
        "Filen kan inte läsas ({reason}).",
        "Kontrollera att filen finns och att du har behörighet att läsa den.",
        command="load",
        variants={
            "mapp": (
                "Mappen kan inte läsas ({reason}).",
                "Kontrollera att mappen finns och att du har behörighet att läsa den.",
            ),
        },
    ),
    Rule(
        "FIL-LANK",
        E,
        BFA,
        "",
        "En länk som pekar utanför förrådet",
        "Filen är en länk som pekar utanför förrådet och läses inte.",
        "Kopiera in filen i förrådet i stället för att länka till den.",
        command="load",
        variants={
            "mapp": (
                "Mappen är en länk som pekar utanför förrådet och läses inte.",
                "Kopiera in innehållet i förrådet i stället för att länka till det.",
            ),
            "slinga": (
                "{what} är en länk i en slinga och läses inte.",
                "Ta bort länken eller låt den peka på en fil i förrådet.",
            ),
            "trasig": (
                "{what} är en länk som inte pekar på något och läses inte.",
                "Ta bort länken eller låt den peka på en fil i förrådet.",
            ),
        },
    ),
    Rule(
        "FIL-TYP",
        E,
        BFA,
        "",
        "En mapp, FIFO eller enhet med ett datafilsnamn (x.yaml)",
        "Det här är ingen vanlig fil (en mapp, en FIFO eller en enhet) och läses inte.",
        "Ta bort den, eller ge den ett namn som inte slutar på .yaml.",
        command="load",
    ),
    Rule(
        "FIL-ANDELSE",
        E,
        BFA,
        "",
        "En datafil som slutar på .YAML, .Yml … (läses inte)",
        "'{name}' slutar inte på .yaml med små bokstäver och läses inte.",
        "Byt namn till '{stem}.yaml'.",
        command="load",
    ),
    Rule(
        "FIL-PLATS",
        E,
        BFA,
        "",
        "Något i en datamapp (eller i roten) som inte är en datafil",
        "Mappen '{name}/' läses inte: {expected}",
        "Flytta filerna i den ett steg upp, eller ta bort mappen.",
        command="load",
        variants={
            "rot": (
                "'{name}' ligger i förrådets rot och läses inte; bfa läser bara bfa.yaml där.",
                "Lägg varje sak i en egen fil i {folder}/, t.ex. {folder}/namn.yaml.",
            ),
        },
    ),
    Rule(
        "FIL-OKAND",
        W,
        BFA,
        "",
        "En fil i en datamapp som inte är en .yaml-fil",
        "'{name}' är ingen datafil (bara .yaml-filer läses här) och kontrolleras inte.",
        "Flytta den ur mappen, t.ex. till docs/.",
        command="load",
    ),
    Rule(
        "BFA-AVBRUTEN",
        E,
        BFA,
        "",
        "Kontrollen av ett förråd avbröts (validate MAPP -j N)",
        "Kontrollen av förrådet avbröts ({why}); förrådet räknas som underkänt.",
        "Kör `bfa validate` i just det förrådet för att se var det tar stopp, och "
        "rapportera det som ett fel i bfa.",
        command="load",
    ),
    Rule(
        "FIL-STORLEK",
        E,
        YAML,
        "",
        "Filen är större än 1 MB",
        "Filen är för stor (mer än {limit_kb} kB).",
        "Dela upp innehållet på flera filer; en fil beskriver en sak.",
        command="load",
    ),
    Rule(
        "FIL-KODNING",
        E,
        YAML,
        "",
        "Filen är inte UTF-8 (tecknet i Windows-1252 namnges)",
        "Filen är inte sparad som UTF-8.",
        "Spara filen med teckenkodningen UTF-8 (i VS Code: klicka på kodningen i "
        "statusraden och välj 'Save with Encoding' → UTF-8).",
        command="load",
        variants={
            "windows-1252": (
                "Filen är inte sparad som UTF-8. Tecknet ser ut att vara '{char}' i "
                "Windows-1252 (t.ex. från en gammal Word-export).",
                "Spara filen med teckenkodningen UTF-8 (i VS Code: klicka på kodningen i "
                "statusraden och välj 'Save with Encoding' → UTF-8).",
            ),
            "utf-16": (
                "Filen är sparad som {name} ('Unicode' i Anteckningar), inte som UTF-8.",
                "Spara filen med teckenkodningen UTF-8 (i Anteckningar: Spara som → Kodning: "
                "UTF-8; i VS Code: klicka på kodningen i statusraden och välj "
                "'Save with Encoding').",
            ),
        },
    ),
    Rule(
        "FIL-TOM",
        E,
        YAML,
        "",
        "Filen är tom",
        "Filen är tom.",
        "Fyll i filen eller ta bort den (bfa new skapar en mall).",
        command="load",
    ),
    Rule(
        "FIL-TOPPNIVA",
        E,
        YAML,
        "",
        "Översta nivån är inte en mappning",
        "Filen innehåller ett enkelt värde på översta nivån; den ska vara en mappning "
        "(nyckel: värde).",
        "Börja filen med nycklar, t.ex. 'namn: …'.",
        command="load",
        variants={
            "lista": (
                "Filen innehåller en lista på översta nivån; den ska vara en mappning "
                "(nyckel: värde).",
                "Börja filen med nycklar, t.ex. 'namn: …', utan '- ' framför.",
            ),
        },
    ),
    Rule(
        "FIL-ID",
        E,
        BFA,
        "",
        "Filnamnet är inget giltigt id",
        "Filnamnet '{name}' är inget giltigt id.",
        "Använd små bokstäver a–z, siffror och bindestreck, utan å, ä, ö och "
        "mellanslag, t.ex. 'forebyggande-samordnare.yaml'.",
        command="load",
        variants={
            "windows": (
                "Filnamnet '{name}' är ett namn som Windows reserverar; filen går inte att "
                "checka ut där.",
                "Byt namn på filen (git mv), t.ex. till '{stem}-grupp.yaml'.",
            ),
        },
    ),
    Rule(
        "FIL-MAPP",
        W,
        BFA,
        "",
        "En mapp som bfa inte läser (med förslag)",
        "Mappen '{folder}/' är ingen mapp som bfa läser; filerna i den kontrolleras inte.",
        "bfa läser mapparna {folders}.",
        command="load",
        variants={
            "förslag": (
                "Mappen '{folder}/' är ingen mapp som bfa läser; filerna i den kontrolleras inte.",
                "Menade du '{guess}/'?",
            ),
        },
    ),
    Rule(
        "MOTE-FILNAMN",
        E,
        BFA,
        "",
        "Mötesfil utanför moten/ÅÅÅÅ/ eller med fel namn",
        "Filnamnet '{name}' följer inte formen ÅÅÅÅ-MM-DD-organ.yaml med året {year}.",
        "Exempel: moten/2025/2025-03-12-styrgrupp.yaml",
        command="load",
        variants={
            "mapp": (
                "Mötesfiler ska ligga i en mapp per år: moten/ÅÅÅÅ/ÅÅÅÅ-MM-DD-organ.yaml.",
                "Flytta filen till mappen för mötets år, t.ex. "
                "moten/2025/2025-03-12-styrgrupp.yaml.",
            ),
        },
    ),
    Rule(
        "PERSONNUMMER",
        E,
        BFA,
        "",
        "Personnummer eller samordningsnummer (även i kommentarer)",
        "Filen innehåller ett {what} ({masked}). Uppgifter om enskilda personer får inte "
        "finnas i förrådet.",
        "Ta bort numret, även ur kommentarer, och ur git-historiken om det har checkats "
        "in (t.ex. med git filter-repo).",
        command="load",
        variants={
            "filnamn": (
                "Filnamnet innehåller ett {what} ({masked}). Uppgifter om enskilda personer "
                "får inte finnas i förrådet.",
                "Byt namn på filen, och ta bort numret ur git-historiken om det har checkats in.",
            ),
        },
    ),
    Rule(
        "YAML-SYNTAX",
        E,
        YAML,
        "",
        "Syntaxfel (kolon, indrag, citattecken) med rad och kolumn",
        "YAML-syntaxfel ({problem}).",
        "Kontrollera indrag, kolon och citattecken på raden.",
        command="load",
        variants={
            "tecken": (
                "Otillåtet tecken (kod {code}) i filen.",
                "Ta bort tecknet; kontrolltecken får inte finnas i YAML-filer.",
            ),
            "kolon-i-värde": (
                "Ett kolon står där inget värde får börja.",
                'Saknas ett mellanslag efter kolon, eller behöver texten citattecken ("…")?',
            ),
            "kolon-saknas": (
                "Kolon saknas efter nyckeln.",
                "Skriv nyckel och värde som `nyckel: värde`.",
            ),
            "indrag-nyckel": (
                "Raden har fel indrag: en nyckel väntades här.",
                "Dra in raden lika mycket som nycklarna ovanför (använd mellanslag).",
            ),
            "indrag-lista": (
                "Listan har fel indrag: ett '-' väntades här.",
                "Varje punkt i listan ska börja med '- ' på samma indrag.",
            ),
            "slut": (
                "Filen tar slut mitt i ett värde.",
                "Saknas ett avslutande citattecken?",
            ),
            "alias-saknas": (
                "Aliaset (*namn) används utan att ankaret (&namn) finns.",
                "Definiera ankaret före aliaset, eller skriv ut värdet.",
            ),
            "flera-dokument": (
                "Filen innehåller flera YAML-dokument (---).",
                "En fil beskriver en sak: ta bort '---' eller dela upp filen.",
            ),
            "escape": (
                "Okänd escape-sekvens (\\) i text med dubbla citattecken.",
                "Använd enkla citattecken ('…') eller skriv \\\\ för ett bakstreck.",
            ),
            "lista-slut": (
                "En lista inom [ ] avslutas inte.",
                "Avsluta listan med ] eller sätt texten inom citattecken.",
            ),
            "mappning-slut": (
                "En mappning inom {{ }} avslutas inte.",
                "Avsluta med }} eller sätt texten inom citattecken.",
            ),
            "tecken-start": (
                "Ett tecken som inte får inleda ett värde.",
                "Sätt texten inom citattecken.",
            ),
        },
    ),
    Rule(
        "YAML-TABB",
        E,
        YAML,
        "",
        "Tabbtecken i indraget",
        "Tabbtecken i indraget: YAML tillåter bara mellanslag.",
        "Ersätt tabben med mellanslag (ställ in redigeraren på 'indrag med mellanslag').",
        command="load",
    ),
    Rule(
        "YAML-DUBBLETT",
        E,
        YAML,
        "",
        "Samma nyckel två gånger i en mappning",
        "Nyckeln '{key}' förekommer två gånger (första gången på rad {first}).",
        "Ta bort eller slå ihop den ena; annars är det oklart vilket värde som gäller.",
        command="load",
    ),
    Rule(
        "YAML-TAGG",
        E,
        YAML,
        "",
        "Egna taggar som `!!python/object` vägras",
        "Taggen '{tag}' är inte tillåten.",
        "bfa läser bara vanlig text, tal, datum, listor och mappningar; ta bort taggen.",
        command="load",
    ),
    Rule(
        "YAML-NYCKEL",
        E,
        YAML,
        "",
        "En nyckel som inte är enkel text",
        "En nyckel måste vara en enkel text.",
        "Skriv nyckeln som vanlig text följd av kolon, t.ex. 'namn: …'.",
        command="load",
    ),
    Rule(
        "YAML-STORLEK",
        E,
        YAML,
        "",
        "Alias som växer (i antal värden eller i tecken) eller för djup nästling",
        "Filen kan inte läsas: för många värden efter att alias expanderats.",
        "Alias (*namn) som pekar på alias kan växa exponentiellt; skriv ut värdena i stället.",
        command="load",
        variants={
            "djup": (
                "Filen kan inte läsas: nästlingen är djupare än {limit} nivåer.",
                "Skriv listor och mappningar med färre nivåer; bfa behöver aldrig fler än "
                "ett tiotal.",
            ),
            "tecken": (
                "Filen kan inte läsas: texten blir längre än {limit} miljoner tecken när "
                "alias expanderas.",
                "Alias (*namn) som pekar på stora värden växer när de expanderas; "
                "skriv ut värdena i stället.",
            ),
            "rekursion": (
                "Filen är för djupt nästlad för att läsas.",
                "Minska nästlingen: en fil beskriver en sak med några få nivåer.",
            ),
        },
    ),
    Rule(
        "SCHEMA",
        E,
        SCHEMA,
        "",
        "Okänd nyckel, fel typ, ogiltigt värde, saknad nyckel",
        "Ogiltigt värde för '{key}'.",
        "Ordlistan (docs/vokabular.md) visar vilka värden nyckeln tar.",
        command="load",
        variants={
            "saknas": ("Obligatorisk nyckel '{key}' saknas.", "{description}"),
            "okänd-nyckel": ("Okänd nyckel '{key}'.", "Tillåtna nycklar här: {allowed}."),
            "okänd-nyckel-förslag": ("Okänd nyckel '{key}'.", "Menade du '{guess}'?"),
            "ogiltigt-värde": (
                "Ogiltigt värde '{value}' för '{key}'.",
                "Tillåtna värden: {allowed}.",
            ),
            "ogiltigt-värde-förslag": (
                "Ogiltigt värde '{value}' för '{key}'.",
                "Menade du '{guess}'?",
            ),
            "datum-finns-inte": (
                "Datumet {value} finns inte ('{key}').",
                "Kontrollera dag och månad.",
            ),
            "datum": ("'{key}' ska vara ett datum.", "Skriv datum som ÅÅÅÅ-MM-DD."),
            "id": (
                "'{value}' är inget giltigt id ('{key}').",
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä och ö "
                "– samma som filnamnet utan .yaml.",
            ),
            "id-del": (
                "'{value}' är inget giltigt id ('{key}').",
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä och ö "
                "– samma som filnamnet utan .yaml, och formen 'lägesbild-id/del-id'.",
            ),
            "årtal": ("'{key}' ska vara fyra siffror.", 'Skriv t.ex. "1737".'),
            "text": (
                "'{key}' ska vara text.",
                "Sätt värdet inom citattecken om det ser ut som något annat.",
            ),
            "heltal": ("'{key}' ska vara ett heltal.", ""),
            "tal": ("'{key}' ska vara ett tal.", "Använd punkt som decimaltecken, t.ex. 15.3."),
            "ändligt-tal": (
                "'{key}' ska vara ett ändligt tal.",
                "nan och inf (oändligt) är inga mätvärden; skriv talet eller ta bort mätningen.",
            ),
            # the one-line/non-empty/date-range checks of model/_base.py
            "skalär": ("'{key}' {text}.", ""),
            "sant-falskt": ("'{key}' ska vara true eller false.", ""),
            "lista": (
                "'{key}' ska vara en lista.",
                "Skriv varje punkt på en egen rad som börjar med '- '.",
            ),
            "mappning": ("'{key}' ska vara en mappning (nyckel: värde).", ""),
            "minst": ("'{key}' ska vara minst {limit}.", ""),
            "högst": ("'{key}' får vara högst {limit}.", ""),
            # the model's own validators word these (in Swedish, in model/)
            "modellen": ("{text}{where}.", ""),
        },
    ),
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
#: Rule ids that were renamed; an exception may still name the old id.
RENAMED: dict[str, str] = {"LAG-SAMVERKAN": "BRA-SAMVERKAN"}


def finding(
    rule_id: str, file: str = "", line: int = 0, column: int = 0, variant: str = "", **args: Any
) -> Finding:
    """The finding of catalog row ``rule_id`` at one place, ``args`` filling its templates."""
    return BY_ID[rule_id].finding(file, line, column, args, variant=variant)


#: What each rule checks, exactly, and where its source says so (docs/regler.md).
SCOPE: dict[str, str] = {
    "REF-SAKNAS": "Varje hänvisning till ett id (funktion, aktör, organ, dokument, lägesbild, "
    "åtgärd, indikator, möte) pekar på en fil som finns.",
    "REF-DEL-SAKNAS": "Hänvisningar 'lägesbild-id/del-id' pekar på ett problem eller en orsak "
    "som finns i lägesbilden.",
    "ID-DUBBLETT": "Id:n inom en fil (problem, orsaker, avsnitt) är unika.",
    "MOTE-FILNAMN-INNEHALL": "En mötesfils namn (ÅÅÅÅ-MM-DD-organ) stämmer med 'datum' och "
    "'organ' i filen.",
    "REF-CYKEL": "Kedjorna rapporterar_till, ingår_i, tillsätts_av, ersätts_av (organ) och "
    "ersatt_av (dokument) bildar ingen cirkel; meddelandet namnger hela cirkeln.",
    "INDIKATOR-DUBBLETT": "En indikator har högst ett mätvärde per period (år eller datum).",
    "MOTE-HALLET-TOMT": "Ett möte med 'status: hållet' anger närvarande, ärenden, beslut, "
    "ersättare eller åtgärdspunkter.",
    "UNDANTAG-REGEL": "Ett undantag i bfa.yaml gäller en regel som finns och som är en av Brås "
    "rekommendationer (lagens krav kan inte undantas).",
    "LAG-LEDNING": "bfa.yaml anger 'ledning' (nämnden som leder arbetet).",
    "LAG-RAPPORTERING": "bfa.yaml anger 'rapportering' till kommunfullmäktige.",
    "LAG-SAMORDNING": "bfa.yaml anger 'samordningsfunktion'.",
    "LAG-LAGESBILD": "Förrådet har minst en fil i lagesbilder/.",
    "LAG-KARTLAGGNING": "De strategiska lägesbilderna (finns ingen: den senaste) har en "
    "'kartläggning'.",
    "LAG-OMFATTNING": "Varje problem i kartläggningen anger 'omfattning' och 'konsekvenser'.",
    "LAG-ANNAN-INFORMATION": "Lägesbilden anger 'annan_information'.",
    "LAG-ANALYS": "Lägesbilden har 'analys' och minst en möjlig orsak under 'orsaker'.",
    "LAG-LEDNING-NAMND": "'ledning.organ' är ett organ med 'typ: nämnd' (kommunstyrelsen eller "
    "den nämnd fullmäktige utsett), inte en styrgrupp, ett råd eller fullmäktige självt.",
    "LAG-ATGARDSPLAN-LAGESBILD": "Ett dokument med 'typ: åtgärdsplan' som är gällande och har "
    "'antagen_av' anger 'grundas_på' (lägesbilden planen beslutas utifrån).",
    "LAG-ATGARDSPLAN": "Minst ett dokument med 'typ: åtgärdsplan' är gällande, beslutat "
    "('antagen_av' eller 'datum') och har inte ett beslutsdatum efter dagens; annars säger "
    "meddelandet vad som saknas. Före 2024-07-01 en varning.",
    "DOK-REVISION": "Dokument med 'revideras' (revision: ny version; aktualitetsprövning: "
    "pröva om det ska gälla) räknat från 'datum' eller 'gäller_från'; upphävda, ersatta och "
    "inaktuella dokument räknas inte. Källa: dokumentets egen nyckel 'revideras'.",
    "DOK-GILTIGHET": "Dokument med 'gäller_till' som passerats eller närmar sig. Källa: "
    "dokumentets 'gäller_till'.",
    "LAGESBILD-FREKVENS": "Antalet lägesbilder av varje slag per kalenderperiod enligt "
    "bfa.yaml 'lägesbilder.operativ.frekvens' / 'lägesbilder.strategisk.frekvens' (första "
    "perioden i proportion från den första lägesbilden). Utan frekvens ingen bevakning.",
    "UPPFOLJNING-NAMND": "Sammanträden i den ledande nämnden (bfa.yaml 'uppföljning.organ') "
    "med ett ärende 'typ: uppföljning', per period enligt 'uppföljning.frekvens', räknat från "
    "den första registrerade uppföljningen (annars KF:s beslut om ledningen).",
    "RAPPORTERING-KF": "Sammanträden i 'rapportering.till' med ett ärende 'typ: rapportering', "
    "per period enligt 'rapportering.frekvens'. Utan frekvens (lagen: 'kontinuerligt') ingen "
    "frist.",
    "MOTEN-FREKVENS": "Hållna möten (status: hållet) per kalenderperiod enligt organets "
    "'möten' (organ/<id>.yaml), från 'inrättad' (annars försöksstart, tidsbegränsningens "
    "start eller första hållna mötet, aldrig före 'möten_registreras_från'); första perioden "
    "i proportion. Föreslagna och avvecklade organ räknas inte, externa bara om kommunen "
    "registrerar deras möten.",
    "ORGAN-LIVSCYKEL": "Organ på försök vars 'försök.slut' och organ som avvecklas vars "
    "avvecklingsdatum passerats eller närmar sig. Källa: organets egna nycklar.",
    "MALL-EJ-IFYLLD": "Platshållare som bfa init och bfa new skrivit och som inte ersatts med "
    "kommunens egen text eller bekräftats.",
    "REF-INAKTUELL": "Hänvisningar till organ, funktioner eller dokument som är avvecklade, "
    "upphävda eller ersatta.",
    "BRA-DOK-AKTUALITET": "Styrdokument utan 'revideras' som antogs för mer än en mandatperiod "
    "(fyra år) sedan.",
    "ATGARDSPUNKT-FORSENAD": "Öppna åtgärdspunkter med 'senast'; en punkt som förts vidare "
    "('från: <mötes-id>') är samma punkt, stängs var som helst och rapporteras en gång, vid "
    "sitt ursprung. Källa: mötesfilens 'åtgärdspunkter'.",
    "MOTE-EJ-HALLET": "Mötesfiler vars datum passerats men som fortfarande är planerade "
    "(status: planerat, eller utan status och utan närvaro/anteckningar).",
    "ATGARD-FORSENAD": "Åtgärder som inte är genomförda eller avbrutna och vars 'slut' passerats "
    "(fel) eller ligger inom horisonten (varning). Källa: åtgärdens 'slut'.",
    "INDIKATOR-INAKTUELL": "Nästa mätvärde enligt indikatorns 'frekvens' (kalendermånader från "
    "det senaste värdet). Källa: indikatorns 'frekvens'.",
    "BRA-STYRGRUPP": "Minst ett eget organ med 'typ: styrgrupp' (eller som fungerar som en).",
    "BRA-BEREDNINGSGRUPP": "Minst ett eget organ med 'typ: beredningsgrupp' (eller som "
    "fungerar som en).",
    "BRA-ARBETSGRUPP-TILLSATT": "Varje arbetsgrupp anger 'tillsätts_av'.",
    "BRA-UPPDRAG": "Varje eget organ (inte KS/KF, inte externa) anger 'uppdrag'.",
    "BRA-MANDAT": "Varje eget organ som beslutar eller bereder (styrgrupp, beredningsgrupp, "
    "råd) och har ledamöter anger 'mandat'.",
    "BRA-SAMVERKAN": "Förrådet har ett gällande dokument med 'typ: samverkansöverenskommelse' "
    "eller 'typ: medborgarlöfte'. Brås och polisens rekommendation; lagen kräver det inte "
    "(förslaget i SOU 2021:49 kom inte med i propositionen).",
    "BRA-SAMMANKALLANDE": "Varje eget organ med ledamöter anger 'sammankallande'.",
    "BRA-ERSATTARE": "Funktioner som är samordningsfunktion, ordförande eller sammankallande "
    "har en 'ersättare'.",
}
SCOPE.update(
    {
        "BRA-VAKANT": "Vakanta funktioner (vakant: true) i en nyckelroll.",
        "BRA-ATGARD-PROBLEM": "Varje åtgärd anger 'problem' i en lägesbild.",
        "BRA-ATGARD-ORSAK": "Varje åtgärd anger 'orsaker' i en lägesbild.",
        "BRA-ATGARD-ANSVARIG": "Varje åtgärd anger 'ansvarig'.",
        "BRA-ATGARD-TIDSRAM": "Varje åtgärd anger 'start' och 'slut'.",
        "BRA-ATGARD-INDIKATOR": "Varje åtgärd anger minst en indikator.",
        "BRA-SAMVERKAN-INNEHALL": "En samverkansöverenskommelse anger problem, orsaker, mätbara "
        "mål, dokumentation, uppföljning och period.",
        "BRA-MEDBORGARLOFTE": "Ett medborgarlöfte anger 'grundas_på' (lägesbild) och "
        "medborgardialogen.",
    }
)

SCOPE.update(
    {
        "SAMVERKAN-FORRAD": "Samverkans förråd som 'ingår_i_samverkan' hänvisar till finns "
        "(sökväg, eller lokal klon vid git och revision) och har 'slag: samverkan'.",
        "SAMVERKAN-DEL": "Varje del under 'delar:' (t.ex. organ/samverkansgrupp) finns i "
        "samverkans förråd.",
        "SAMVERKAN-MEDLEM": "Kommunen står bland samverkans 'medlemmar' (namn eller kommunkod).",
    }
)
