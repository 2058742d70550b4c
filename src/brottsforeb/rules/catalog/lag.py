"""Catalog rows: the duties of Lag (2023:196) — errors."""

from __future__ import annotations

from ._row import LAG, E, Rule

ROWS: tuple[Rule, ...] = (
    Rule(
        "LAG-LEDNING",
        E,
        LAG,
        "",
        "Ledning av arbetet",
        "Det framgår inte vilken nämnd som leder det brottsförebyggande arbetet.",
        "Ange 'ledning: {{organ: kommunstyrelsen}}' i bfa.yaml, med kommunfullmäktiges beslut.",
        scope="bfa.yaml anger 'ledning' (nämnden som leder arbetet).",
    ),
    Rule(
        "LAG-RAPPORTERING",
        E,
        LAG,
        "",
        "Rapportering till kommunfullmäktige",
        "Det framgår inte hur arbetet rapporteras till kommunfullmäktige.",
        "Ange 'rapportering: {{till: kommunfullmaktige, frekvens: …}}' i bfa.yaml.",
        scope="bfa.yaml anger 'rapportering' till kommunfullmäktige.",
    ),
    Rule(
        "LAG-RAPPORTERING-FULLMAKTIGE",
        E,
        LAG,
        "",
        "Rapporteringen går till kommunfullmäktige",
        "'rapportering.till' är '{organ}' ({typ}); lagen säger att den ledande nämnden "
        "rapporterar till kommunfullmäktige.",
        "Ange fullmäktige ('typ: fullmäktige' i dess fil) som 'rapportering.till'. Att "
        "kommunstyrelsen följer upp arbetet anges under 'uppföljning'.",
        scope="'rapportering.till' är ett organ med 'typ: fullmäktige'.",
    ),
    Rule(
        "LAG-SAMORDNING-VAKANT",
        E,
        LAG,
        "",
        "Samordningsfunktionen finns i kommunen",
        "Kommunens samordningsfunktion '{funktion}' är vakant och {cover}",
        "Tillsätt funktionen, eller låt ett beslut ange vem i kommunen som har uppgiften tills "
        "vidare och skriv in den som 'ersättare'.",
        scope=(
            "Samordningsfunktionen (bfa.yaml 'samordningsfunktion') är inte vakant, eller har "
            "en ersättare som inte är vakant och hör till kommunen (aktör av typ kommun, "
            "förvaltning eller kommunalt bolag, eller utan aktör)."
        ),
    ),
    Rule(
        "LAG-SAMORDNING",
        E,
        LAG,
        "",
        "Samordningsfunktion",
        "Kommunen har ingen samordningsfunktion angiven.",
        "Ange 'samordningsfunktion: <funktions-id>' i bfa.yaml.",
        scope="bfa.yaml anger 'samordningsfunktion'.",
    ),
    Rule(
        "LAG-LAGESBILD",
        E,
        LAG,
        "4 §",
        "Lägesbild",
        "Det finns ingen lägesbild i förrådet.",
        "Lägg en lägesbild i lagesbilder/ (bfa new lagesbild …).",
        scope="Förrådet har minst en lägesbild. Finns bara utkast (ett `datum` som bfa fyllt "
        "i och ingen bekräftat, som i `bfa init`) är det en varning: lägesbilden räknas inte "
        "som gjord, varken här, i `bfa check` eller i `bfa overview`.",
        variants={
            "utkast": (
                "Det finns bara utkast till lägesbild: datum är ifyllt av bfa och inte "
                "bekräftat, så lägesbilden räknas inte som gjord.",
                "När lägesbilden är klar: bfa set lagesbilder/{id} datum ÅÅÅÅ-MM-DD (dagen den "
                "blev klar; det stryker också datum ur 'obekräftat').",
            ),
        },
    ),
    Rule(
        "LAG-KARTLAGGNING",
        E,
        LAG,
        "4 § första stycket 1",
        "Kartläggning",
        "Lägesbilden saknar en kartläggning av brottsligheten.",
        "Lägg till problem under 'kartläggning' med omfattning och konsekvenser.",
        scope=("De strategiska lägesbilderna (finns ingen: den senaste) har en 'kartläggning'."),
    ),
    Rule(
        "LAG-OMFATTNING",
        E,
        LAG,
        "4 § första stycket 1",
        "Omfattning och konsekvenser",
        "Problemet '{problem}' i kartläggningen saknar {missing}.",
        "Kartläggningen ska beskriva brottslighetens omfattning och konsekvenser.",
        scope="Varje problem i kartläggningen anger 'omfattning' och 'konsekvenser'.",
    ),
    Rule(
        "LAG-ANNAN-INFORMATION",
        E,
        LAG,
        "4 § första stycket 2",
        "Annan relevant information",
        "Lägesbilden saknar annan relevant information.",
        "Fyll i 'annan_information', t.ex. befolkning, händelser, verksamheternas iakttagelser.",
        scope="Lägesbilden anger 'annan_information'.",
    ),
    Rule(
        "LAG-ANALYS",
        E,
        LAG,
        "4 § första stycket 3",
        "Analys och möjliga orsaker",
        "Lägesbilden saknar {missing}.",
        "Fyll i 'analys' och minst en möjlig orsak under 'orsaker'.",
        scope="Lägesbilden har 'analys' och minst en möjlig orsak under 'orsaker'.",
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
        scope=(
            "'ledning.organ' är ett organ med 'typ: nämnd' (kommunstyrelsen eller "
            "den nämnd fullmäktige utsett), inte en styrgrupp, ett råd eller fullmäktige självt."
        ),
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
        scope=(
            "Ett dokument med 'typ: åtgärdsplan' som är gällande och har "
            "'antagen_av' anger 'grundas_på' (lägesbilden planen beslutas utifrån)."
        ),
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
            "utgången": (
                "Åtgärdsplanen '{title}' gällde till och med {date}, och ingen gällande "
                "åtgärdsplan finns.",
                "Besluta en ny åtgärdsplan utifrån den senaste lägesbilden, eller förläng den "
                "gamla med ett beslut (gäller_till).",
            ),
        },
        scope=(
            "Minst ett dokument med 'typ: åtgärdsplan' är gällande, beslutat "
            "('antagen_av' eller 'datum'), har inte ett beslutsdatum efter dagens och har inte "
            "gått ut (gäller_till); annars säger meddelandet vad som saknas. Före 2024-07-01 en "
            "varning."
        ),
    ),
)
