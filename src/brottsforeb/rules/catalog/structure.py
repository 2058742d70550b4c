"""Catalog rows: the repository format itself (``bfa``): references, ids, cycles."""

from __future__ import annotations

from ._row import BFA, E, Rule, W

ROWS: tuple[Rule, ...] = (
    Rule(
        "REF-SAKNAS",
        E,
        BFA,
        "",
        "Referens till något som inte finns",
        "'{key}' hänvisar till {what} '{target}', som inte finns.",
        "{hint}",
        scope=(
            "Varje hänvisning till ett id (funktion, aktör, organ, dokument, lägesbild, "
            "åtgärd, indikator, möte) pekar på en fil som finns."
        ),
    ),
    Rule(
        "REF-DEL-SAKNAS",
        E,
        BFA,
        "",
        "Referens till en del av en lägesbild som inte finns",
        "'{key}' hänvisar till {what} '{target}' i lägesbilden '{lagesbild}', som inte finns.",
        "Delar i lägesbilden: {choices}.",
        scope=(
            "Hänvisningar 'lägesbild-id/del-id' pekar på ett problem eller en orsak "
            "som finns i lägesbilden."
        ),
    ),
    Rule(
        "ID-DUBBLETT",
        E,
        BFA,
        "",
        "Samma id två gånger",
        "Id '{id}' används två gånger i '{key}'.",
        "Ge varje del ett eget id.",
        scope="Id:n inom en fil (problem, orsaker, avsnitt) är unika.",
    ),
    Rule(
        "MOTE-FILNAMN-INNEHALL",
        E,
        BFA,
        "",
        "Mötesfilens namn stämmer inte med innehållet",
        "Filnamnet säger {name_value} men '{key}' är {value}.",
        "Byt namn på filen eller rätta värdet så att de stämmer.",
        scope=("En mötesfils namn (ÅÅÅÅ-MM-DD-organ) stämmer med 'datum' och 'organ' i filen."),
    ),
    Rule(
        "REF-CYKEL",
        E,
        BFA,
        "",
        "Hänvisningar i en cirkel",
        "'{key}' bildar en cirkel: {cycle}.",
        "{what} kan inte (via andra) {relation} sig självt; rätta någon av hänvisningarna.",
        scope=(
            "Kedjorna rapporterar_till, ingår_i, tillsätts_av, ersätts_av (organ) och "
            "ersatt_av (dokument) bildar ingen cirkel; meddelandet namnger hela cirkeln."
        ),
    ),
    Rule(
        "INDIKATOR-DUBBLETT",
        E,
        BFA,
        "",
        "Två mätvärden för samma period",
        "Indikatorn '{name}' har två mätvärden för {period}.",
        "Ta bort eller rätta det ena värdet; varje period mäts en gång.",
        scope="En indikator har högst ett mätvärde per period (år eller datum).",
    ),
    Rule(
        "INDIKATOR-ANDEL",
        W,
        BFA,
        "",
        "En andel i procent utanför 0–100",
        "Indikatorn '{name}' mäts i procent, men {what} är {value} %: en andel ligger mellan "
        "0 och 100.",
        "Rätta värdet. Mäter indikatorn en förändring och inte en andel, skriv det i enheten "
        "(t.ex. 'procents förändring').",
        scope=(
            "Ett mätvärde eller mål för en indikator med enheten procent, % eller andel i "
            "procent ligger mellan 0 och 100."
        ),
    ),
    Rule(
        "LAGESBILD-OMRADE",
        W,
        BFA,
        "",
        "En lägesbild som inte säger att den gäller hela kommunen",
        "Lägesbilden gäller '{area}', inte hela kommunen.",
        "Lägesbilden som lagen kräver (4 §) avser hela kommunens område. Gäller den hela "
        "kommunen: skriv det i 'område' (t.ex. 'Hela {name}s geografiska område'). En del av "
        "kommunen kan beskrivas i en operativ lägesbild vid sidan av den för hela kommunen.",
        scope=(
            "De strategiska lägesbildernas (finns ingen: den senastes) 'område' säger 'hela', "
            "'kommunen' eller kommunens namn med 'kommun' ('Norsjö kommun'). En varning och "
            "inget fel: 'område' är fri text, så bfa kan inte veta säkert."
        ),
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
        scope=(
            "Ett möte med 'status: hållet' anger närvarande, ärenden, beslut, "
            "ersättare eller åtgärdspunkter."
        ),
    ),
    Rule(
        "UNDANTAG-REGEL",
        E,
        BFA,
        "",
        "Undantag för en regel som inte finns eller inte kan undantas",
        "Undantaget gäller '{rule}', {why}.",
        "{hint}",
        scope=(
            "Ett undantag i bfa.yaml gäller en regel som finns och som är en av Brås "
            "rekommendationer (lagens krav kan inte undantas)."
        ),
    ),
    Rule(
        "MALL-EJ-IFYLLD",
        W,
        BFA,
        "",
        "Text från mallen som inte är ifylld eller värden som bfa fyllt i",
        "{message}",
        "{hint}",
        scope=(
            "Platshållare som bfa init och bfa new skrivit och som inte ersatts med "
            "kommunens egen text eller bekräftats."
        ),
    ),
    Rule(
        "REF-INAKTUELL",
        W,
        BFA,
        "",
        "Hänvisning till något som inte längre gäller",
        "'{key}' hänvisar till '{name}', som är {status}.",
        "{hint}",
        scope=(
            "Hänvisningar till organ, funktioner eller dokument som är avvecklade, "
            "upphävda eller ersatta."
        ),
    ),
)
