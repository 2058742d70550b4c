"""Catalog rows at load time, the files: reading, links, names, places, personal numbers.

The loader makes these findings with ``finding(rule_id, …)`` before any rule runs.
"""

from __future__ import annotations

from ._row import BFA, YAML, E, Rule, W

ROWS: tuple[Rule, ...] = (
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
            "länk": (
                "'{name}' är en länk som pekar utanför förrådet och läses inte.",
                "Ta bort länken; bfa läser bara filer i förrådet.",
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
        variants={
            "mapp": (
                "'{name}' är en fil, men bfa läser {name}/ som en mapp; inget i den kontrolleras.",
                "Gör den till en mapp med en fil per sak, t.ex. {name}/namn.yaml.",
            ),
        },
    ),
    Rule(
        "FIL-DUBBLETT",
        E,
        BFA,
        "",
        "Två filer med samma id (x.yaml och x.yml, eller X.yaml)",
        "'{name}' har samma id som '{other}' och läses inte; ett id får bara finnas i en fil.",
        "Slå ihop filerna till {other} och ta bort den andra (i Windows och macOS är "
        "X.yaml och x.yaml samma fil).",
        command="load",
        variants={
            "länk": (
                "'{name}' är en länk till samma fil som '{other}' och läses inte; samma "
                "uppgifter skulle annars finnas två gånger, under två id.",
                "Ta bort länken; {other} läses redan.",
            ),
        },
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
        variants={
            "dold": (
                "'{name}' är en dold fil (namnet börjar med punkt) och läses inte.",
                "Ta bort punkten i början om filen ska läsas, annars ta bort filen.",
            ),
            "rot": (
                "'{name}' ligger i förrådets rot och läses inte; bfa läser bara bfa.yaml där.",
                "Flytta den till rätt datamapp, eller ta bort den om den inte hör till bfa.",
            ),
            "mall": (
                "Mallen '{name}' används inte: bfa:s mallar heter som dokumenten, "
                "t.ex. riktlinje.md.j2.",
                "Byt namn så att den heter som bfa:s egen mall, med .md.j2 på slutet.",
            ),
        },
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
            "binär": (
                "Filen är ingen textfil utan {what} med namnet .yaml.",
                "En datafil är text i YAML. Skriv in uppgifterna i en .yaml-fil (bfa new "
                "skapar en), och lägg dokumentet utanför datamapparna.",
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
)
