"""Catalog rows: Brå's recommended way of working — warnings, exemptable in bfa.yaml."""

from __future__ import annotations

from ._row import BRA, Rule, W

ROWS: tuple[Rule, ...] = (
    Rule(
        "BRA-STYRGRUPP",
        W,
        BRA,
        "Brå: Samverkan i lokalt brottsförebyggande arbete",
        "Styrgrupp",
        "Kommunen har ingen styrgrupp som förankrar och ger mandat.",
        "Lägg till ett organ med 'typ: styrgrupp', eller ge ett befintligt organ rollen "
        "(ledamöter_i_roll: [{{roll: styrgrupp, ledamöter: [...]}}]), t.ex. kommunstyrelsen "
        "när den själv är styrgrupp.",
        scope="Minst ett eget organ med 'typ: styrgrupp', eller ett organ (också "
        "kommunstyrelsen) med rollen styrgrupp i 'ledamöter_i_roll'.",
    ),
    Rule(
        "BRA-BEREDNINGSGRUPP",
        W,
        BRA,
        "Brå: Samverkan i lokalt brottsförebyggande arbete",
        "Beredningsgrupp",
        "Kommunen har ingen beredningsgrupp som länkar beslut och utförande.",
        "Lägg till ett organ med 'typ: beredningsgrupp' (ofta det lokala BRÅ/LFR).",
        scope=("Minst ett eget organ med 'typ: beredningsgrupp' (eller som fungerar som en)."),
    ),
    Rule(
        "BRA-ARBETSGRUPP-TILLSATT",
        W,
        BRA,
        "Brå",
        "Arbetsgrupper tillsätts av beredningsgruppen",
        "Arbetsgruppen '{organ}' anger inte att den tillsätts av en beredningsgrupp.",
        "Ange 'tillsätts_av: <beredningsgruppens id>'.",
        scope="Varje arbetsgrupp anger 'tillsätts_av'.",
    ),
    Rule(
        "BRA-UPPDRAG",
        W,
        BRA,
        "Brå",
        "Tydligt uppdrag",
        "Organet '{organ}' saknar uppdrag.",
        "Beskriv organets uppdrag under 'uppdrag'.",
        scope="Varje eget organ (inte KS/KF, inte externa) anger 'uppdrag'.",
    ),
    Rule(
        "BRA-MANDAT",
        W,
        BRA,
        "Brå",
        "Tydligt mandat",
        "{Typ} '{organ}' saknar beskrivning av sitt mandat.",
        "Beskriv under 'mandat' vad organet får besluta om eller bereda.",
        scope=(
            "Varje eget organ som beslutar eller bereder (styrgrupp, beredningsgrupp, "
            "råd) och har ledamöter anger 'mandat'."
        ),
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
        scope=(
            "Förrådet har ett gällande dokument med 'typ: samverkansöverenskommelse' "
            "eller 'typ: medborgarlöfte'. Brås och polisens rekommendation; lagen kräver det inte "
            "(förslaget i SOU 2021:49 kom inte med i propositionen)."
        ),
    ),
    Rule(
        "BRA-SAMMANKALLANDE",
        W,
        BRA,
        "Brå",
        "Sammankallande",
        "Organet '{organ}' saknar sammankallande.",
        "Ange en funktion under 'sammankallande'.",
        scope="Varje eget organ med ledamöter anger 'sammankallande'.",
    ),
    Rule(
        "BRA-ERSATTARE",
        W,
        BRA,
        "Brå",
        "Funktioner, inte personer",
        "Funktionen '{funktion}' är {role} men har ingen ersättare.",
        "Ange 'ersättare: <funktions-id>' så att arbetet inte stannar när någon slutar.",
        scope=(
            "Funktioner som är samordningsfunktion, ordförande eller sammankallande "
            "har en 'ersättare'."
        ),
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
        scope=(
            "Vakanta funktioner (vakant: true) i en nyckelroll: samordningsfunktionen, "
            "ordförande eller sammankallande i ett aktivt organ, eller ansvarig för en åtgärd "
            "som inte är genomförd eller avbruten."
        ),
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
        scope=(
            "Styrdokument utan 'revideras' som antogs för mer än en mandatperiod (fyra år) sedan."
        ),
    ),
    Rule(
        "BRA-ATGARD-PROBLEM",
        W,
        BRA,
        "Brå",
        "Åtgärden utgår från lägesbilden",
        "Åtgärden '{atgard}' är inte kopplad till något problem i en lägesbild.",
        "Ange 'problem: [lägesbild-id/problem-id]'.",
        scope="Varje åtgärd anger 'problem' i en lägesbild.",
    ),
    Rule(
        "BRA-ATGARD-ORSAK",
        W,
        BRA,
        "Brå",
        "Åtgärden riktas mot orsaker",
        "Åtgärden '{atgard}' är inte kopplad till någon orsak i en lägesbild.",
        "Ange 'orsaker: [lägesbild-id/orsak-id]'.",
        scope="Varje åtgärd anger 'orsaker' i en lägesbild.",
    ),
    Rule(
        "BRA-ATGARD-ANSVARIG",
        W,
        BRA,
        "Brå",
        "Åtgärden har en ansvarig",
        "Åtgärden '{atgard}' saknar ansvarig.",
        "Ange 'ansvarig: <funktions-id>'.",
        scope="Varje åtgärd anger 'ansvarig'.",
    ),
    Rule(
        "BRA-ATGARD-TIDSRAM",
        W,
        BRA,
        "Brå",
        "Åtgärden har en tidsram",
        "Åtgärden '{atgard}' saknar {missing}.",
        "Ange 'start' och 'slut' (ÅÅÅÅ-MM-DD).",
        scope="Varje åtgärd anger 'start' och 'slut'.",
    ),
    Rule(
        "BRA-ATGARD-INDIKATOR",
        W,
        BRA,
        "Brå",
        "Åtgärden följs upp med en indikator",
        "Åtgärden '{atgard}' har ingen indikator.",
        "Ange 'indikatorer: [indikator-id]'.",
        scope="Varje åtgärd anger minst en indikator.",
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
        scope=(
            "En samverkansöverenskommelse anger problem, orsaker, mätbara "
            "mål, dokumentation, uppföljning och period."
        ),
    ),
    Rule(
        "BRA-MEDBORGARLOFTE",
        W,
        BRA,
        "Brå",
        "Medborgarlöften vilar på lägesbild och dialog",
        "Medborgarlöftet '{dokument}' saknar {missing}.",
        "Ange 'grundas_på: [lägesbild-id]' och beskriv medborgardialogen.",
        scope=("Ett medborgarlöfte anger 'grundas_på' (lägesbild) och medborgardialogen."),
    ),
)
