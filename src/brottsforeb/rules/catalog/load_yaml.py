"""Catalog rows at load time, YAML and schema: syntax, duplicates, tags, sizes, schema.

loader.py, _yaml.py and _messages.py make these with ``finding(rule_id, …)``.
"""

from __future__ import annotations

from ._row import SCHEMA, YAML, E, Rule, W

ROWS: tuple[Rule, ...] = (
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
            "ankare-dubbelt": (
                "Samma ankare (&namn) finns två gånger i filen.",
                "Ge det andra ankaret ett eget namn.",
            ),
            "version": (
                "Filen anger en YAML-version som bfa inte läser (%YAML).",
                "Ta bort raden som börjar med %YAML.",
            ),
            "lista-i-värde": (
                "En lista ('- ') kan inte börja på samma rad som nyckeln.",
                "Skriv listan på nya, indragna rader under nyckeln, eller som [a, b].",
            ),
            "värde-saknas": (
                "Ett värde saknas här (ett kommatecken för mycket, eller ett tecken som inte "
                "kan börja ett värde).",
                "Ta bort kommatecknet, eller sätt texten inom citattecken.",
            ),
            "bom": (
                "Ett osynligt BOM-tecken (U+FEFF) står mitt i filen, troligen där två filer "
                "klistrats ihop.",
                "Ta bort tecknet: ställ markören i början av raden och radera det osynliga "
                "tecknet, eller spara om filen som UTF-8.",
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
        "YAML-STYRTECKEN",
        E,
        YAML,
        "",
        "Styrtecken eller riktningstecken i en text (skrivna som escape, t.ex. `\\e`, `\\x9b`)",
        "Texten innehåller ett osynligt styrtecken ({code}) som kan styra terminalen eller "
        "vända texten i dokumentet.",
        "Ta bort tecknet; det kommer ofta från en escape (\\e, \\x1b, \\x9b) eller från "
        "kopiering ur ett annat program.",
        command="load",
    ),
    Rule(
        "TEXT-SYMBOL",
        E,
        YAML,
        "",
        "Tecken som inte går att visa: Words symboltecken (punktlistans U+F0B7), "
        "privata tecken och ersättningstecknet U+FFFD",
        "Texten innehåller tecknet {what}.",
        "Ta bort tecknet eller skriv det som avsågs; en punkt ur en punktlista blir '-'. "
        "Sådana tecken följer med när text klistras in från Word eller ett annat program.",
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
        variants={
            "merge": (
                "'<<' slår ihop en mappning (ett ankare med nycklar); här står något annat, och "
                "ingenting läses in.",
                "Skriv '<<: *ankare' där ankaret är en mappning (&ankare {{nyckel: värde}}), eller "
                "ta bort raden.",
            )
        },
    ),
    Rule(
        "YAML-OSYNLIGT",
        W,
        YAML,
        "",
        "Ett osynligt tecken i en nyckel",
        "Nyckeln '{key}' innehåller ett tecken som inte syns: {what}. Den läses som '{key}'.",
        "Skriv om nyckeln utan tecknet (det följer ofta med när text kopieras från Word eller "
        "en webbsida).",
        command="load",
        variants={
            "tom": (
                "En nyckel består bara av tecken som inte syns ({what}); den läses inte.",
                "Ta bort raden, eller skriv nyckeln du menade.",
            )
        },
        scope=(
            "En nyckel med hårt mellanslag, nollbreddstecken, mjukt bindestreck eller BOM läses "
            "utan tecknet, och tecknet och dess plats nämns."
        ),
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
            "fler": (
                "Filen har {n} fel till mot schemat; de visas inte.",
                "Rätta felen ovan och kör bfa validate igen; en fil med så många fel är ofta "
                "inte en bfa-fil, eller har fått fel indrag.",
            ),
            "okänd-nyckel": ("Okänd nyckel '{key}'.", "Tillåtna nycklar här: {allowed}."),
            "okänd-nyckel-förslag": ("Okänd nyckel '{key}'.", "Menade du '{guess}'?"),
            "okänd-nyckel-decimalkomma": (
                "Decimalkomma i '{where}': {whole},{part} lästes som talet {whole} och en nyckel "
                "'{part}'.",
                "Skriv {fixed}: decimaltal skrivs med punkt.",
            ),
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
            "datum-form": (
                "Datumet {value} ska skrivas med två siffror för månad och dag ('{key}').",
                "Skriv {fixed}.",
            ),
            "datum": ("'{key}' ska vara ett datum.", "Skriv datum som ÅÅÅÅ-MM-DD."),
            "datum-förslag": (
                "'{key}' ska vara ett datum (ÅÅÅÅ-MM-DD).",
                "Skriv {key}: {fixed}.",
            ),
            "id-person": (
                "'{value}' ser ut som en persons namn; '{key}' anger en funktion.",
                "Ange funktionens id (filnamnet i funktioner/ utan .yaml), t.ex. {example}. "
                "Personen står som innehavare.namn i funktionens fil, så att uppgiften finns "
                "kvar när personen slutar.",
            ),
            "id": (
                "'{value}' är inget giltigt id ('{key}').",
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä och ö "
                "– samma som filnamnet utan .yaml.",
            ),
            "id-form": (
                "'{value}' är inget giltigt id ('{key}').",
                "Skriv '{fixed}': ett id skrivs med små bokstäver a–z, siffror och bindestreck, "
                "utan å, ä och ö – samma som filnamnet utan .yaml.",
            ),
            "id-form-förslag": (
                "'{value}' är inget giltigt id ('{key}').",
                "Skriv '{fixed}': ett id skrivs med små bokstäver a–z, siffror och bindestreck, "
                "utan å, ä och ö – samma som filnamnet utan .yaml. Något sådant id finns inte; "
                "menade du '{guess}'?",
            ),
            "id-förslag": (
                "'{value}' är inget giltigt id ('{key}').",
                "Menade du '{guess}'? Ett id skrivs med små bokstäver a–z, siffror och "
                "bindestreck, utan å, ä och ö – samma som filnamnet utan .yaml.",
            ),
            "id-osynligt": (
                "'{value}' i '{key}' innehåller ett tecken som inte syns: {what}.",
                "Skriv om värdet utan tecknet (det följer ofta med när text kopieras från Word "
                "eller en webbsida).",
            ),
            "id-del": (
                "'{value}' är inget giltigt id ('{key}').",
                "Ett id skrivs med små bokstäver a–z, siffror och bindestreck, utan å, ä och ö "
                "– samma som filnamnet utan .yaml, och formen 'lägesbild-id/del-id'.",
            ),
            "id-del-förslag": (
                "'{value}' är inget giltigt id ('{key}').",
                "Menade du '{guess}'? Ett id skrivs med små bokstäver a–z, siffror och "
                "bindestreck, utan å, ä och ö, och formen 'lägesbild-id/del-id'.",
            ),
            "årtal": ("'{key}' ska vara fyra siffror.", 'Skriv t.ex. "1737".'),
            "text": (
                "'{key}' ska vara text.",
                "Sätt värdet inom citattecken om det ser ut som något annat.",
            ),
            "heltal": ("'{key}' ska vara ett heltal.", ""),
            "heltal-decimalkomma": (
                "'{key}' ska vara ett heltal, inte {value}.",
                "Här skrivs ett heltal utan decimaler, t.ex. {options}.",
            ),
            "tal-decimalkomma": (
                "'{key}' ska vara ett tal; {value} är skrivet med decimalkomma.",
                "Skriv {fixed}: decimaltal skrivs med punkt.",
            ),
            "tal": (
                "'{key}' ska vara ett tal.",
                "Skriv bara talet, t.ex. 15 eller 15.3: siffror, punkt som decimaltecken, inga "
                "mellanslag eller enheter (enheten står under 'enhet').",
            ),
            "ändligt-tal": (
                "'{key}' ska vara ett ändligt tal.",
                "nan och inf (oändligt) är inga mätvärden; skriv talet eller ta bort mätningen.",
            ),
            # the one-line/non-empty/date-range checks of model/_base.py
            "skalär": ("'{key}' {text}.", ""),
            "sant-falskt": ("'{key}' ska vara true eller false.", ""),
            "sant-falskt-förslag": (
                "'{key}' ska vara true eller false.",
                "Skriv {key}: {fixed} (ja och nej är text i YAML).",
            ),
            "lista": (
                "'{key}' ska vara en lista.",
                "Skriv varje punkt på en egen rad som börjar med '- '.",
            ),
            "lista-förslag": ("'{key}' ska vara en lista.", "Skriv {key}: {fixed}."),
            "mappning": ("'{key}' ska vara en mappning (nyckel: värde).", ""),
            "mappning-frekvens": (
                "'{key}' ska vara en frekvens: antal gånger per period.",
                "Skriv t.ex. {key}: {fixed}; per är vecka, månad, kvartal, termin, halvår, år "
                "eller 'vartannat år'.",
            ),
            "mappning-frekvens-förslag": (
                "'{key}' ska vara en frekvens: antal gånger per period.",
                "Skriv {key}: {fixed}.",
            ),
            "minst": ("'{key}' ska vara minst {limit}.", ""),
            "högst": ("'{key}' får vara högst {limit}.", ""),
            # the model's own validators word these (in Swedish, in model/)
            "modellen": ("{text}{where}.", ""),
        },
    ),
)
