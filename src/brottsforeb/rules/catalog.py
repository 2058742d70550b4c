"""The catalog: every rule bfa applies, as data.

Sources:
- "Lag (2023:196)": duties of the law — errors. Only 4 § is confirmed from the
  law's text here; the other duties come from the government bill and Brå's
  guidance, and their paragraph is left empty (``reference``) until checked,
  rather than guessed.
- "Brå": Brå's recommended way of working — warnings.
- "Kommunens beslut": what the municipality itself decided in its files.
- "bfa": the repository format itself (references, file names).
"""

from __future__ import annotations

from dataclasses import dataclass

from ..findings import Severity

E, W = Severity.ERROR, Severity.WARNING
LAG, BRA, EGET, BFA = "Lag (2023:196)", "Brå", "Kommunens beslut", "bfa"


@dataclass(frozen=True)
class Rule:
    id: str
    severity: Severity
    source: str
    reference: str  # paragraph or publication; empty where not verified
    title: str
    message: str  # str.format template over the hit's arguments
    hint: str
    command: str = "validate"  # or "check" for rules that depend on today's date


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
        "Text från mallen som inte är ifylld",
        "'{key}' är inte ifylld: {text}",
        "Skriv in kommunens egen text i stället för mallens (bfa init och bfa new "
        "skriver sådana platshållare).",
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
        "LAG-SAMVERKAN",
        E,
        LAG,
        "",
        "Skriftlig samverkan",
        "Det finns ingen skriftlig samverkansöverenskommelse (eller medborgarlöfte) i förrådet.",
        "Lägg till ett dokument med 'typ: samverkansöverenskommelse' i dokument/.",
    ),
    Rule(
        "LAG-ATGARDSPLAN",
        E,
        LAG,
        "",
        "Åtgärdsplan",
        "{message}",
        "Besluta en åtgärdsplan utifrån lägesbilden och lägg in den med 'typ: åtgärdsplan'.",
        command="check",
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
        "{message}",
        "Kommunen har beslutat att {kind} lägesbild tas fram {cadence}.",
        command="check",
    ),
    Rule(
        "UPPFOLJNING-NAMND",
        E,
        EGET,
        "",
        "Uppföljning i ledande nämnd",
        "{message}",
        "Registrera sammanträdet i moten/ med ett ärende av 'typ: uppföljning'.",
        command="check",
    ),
    Rule(
        "RAPPORTERING-KF",
        E,
        EGET,
        "",
        "Rapportering till kommunfullmäktige",
        "{message}",
        "Registrera sammanträdet i moten/ med ett ärende av 'typ: rapportering'.",
        command="check",
    ),
    Rule(
        "MOTEN-FREKVENS",
        E,
        EGET,
        "",
        "Organen möts så ofta som beslutats",
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
        "Styrgruppen '{organ}' saknar beskrivning av sitt mandat.",
        "Beskriv vad styrgruppen får besluta om under 'mandat'.",
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
)

BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
