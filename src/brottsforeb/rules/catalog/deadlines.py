"""Catalog rows: the municipality's own decisions (``Kommunens beslut``), against today's date."""

from __future__ import annotations

from ._row import BFA, EGET, E, Rule, W

ROWS: tuple[Rule, ...] = (
    Rule(
        "DOK-REVISION",
        E,
        EGET,
        "",
        "Dokument som ska revideras",
        "{title}: {kind} {state}.",
        "{hint}",
        command="check",
        scope=(
            "Dokument med 'revideras' (revision: ny version; aktualitetsprövning: pröva om det "
            "ska gälla) räknat från 'datum' eller 'gäller_från'; upphävda, ersatta och inaktuella"
            " dokument räknas inte. Källa: dokumentets egen nyckel 'revideras'."
        ),
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
        scope=(
            "Dokument med 'gäller_till' som passerats eller närmar sig. Källa: "
            "dokumentets 'gäller_till'."
        ),
    ),
    Rule(
        "LAGESBILD-FREKVENS",
        E,
        EGET,
        "",
        "Lägesbilder tas fram så ofta som beslutats",
        "{done} av {needed} togs fram {period}.",
        "Kommunen har beslutat att {kind} lägesbild tas fram {cadence}. Skriv in den senaste: "
        'bfa new lagesbild "Lägesbild ÅÅÅÅ" --type {type}, sedan bfa set lagesbilder/ID '
        "datum ÅÅÅÅ-MM-DD.",
        command="check",
        variants={
            "saknas": ("Det finns ingen {type} lägesbild.", None),
            "pågår": (
                "{done} av {needed} {made} {period}, som slutar {due_date}.",
                None,
            ),
        },
        scope=(
            "Antalet lägesbilder av varje slag per kalenderperiod enligt "
            "bfa.yaml 'lägesbilder.operativ.frekvens' / 'lägesbilder.strategisk.frekvens' (första "
            "perioden i proportion från den första lägesbilden). Utan frekvens ingen bevakning."
        ),
    ),
    Rule(
        "UPPFOLJNING-NAMND",
        E,
        EGET,
        "",
        "Uppföljning i ledande nämnd",
        "{name}: {done} av {needed} med uppföljning {period} {registered} i moten/ "
        "(beslutat: {cadence}).",
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
        scope=(
            "Sammanträden i den ledande nämnden (bfa.yaml 'uppföljning.organ') med ett ärende "
            "'typ: uppföljning', per period enligt 'uppföljning.frekvens', räknat från den första"
            " registrerade uppföljningen (annars KF:s beslut om ledningen)."
        ),
    ),
    Rule(
        "RAPPORTERING-KF",
        E,
        EGET,
        "",
        "Rapportering till kommunfullmäktige",
        "{name}: {done} av {needed} med rapportering {period} {registered} i moten/ "
        "(beslutat: {cadence}).",
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
        scope=(
            "Sammanträden i 'rapportering.till' med ett ärende 'typ: rapportering', per period "
            "enligt 'rapportering.frekvens'. Utan frekvens (lagen: 'kontinuerligt') ingen frist."
        ),
    ),
    Rule(
        "MOTEN-FREKVENS",
        E,
        EGET,
        "",
        "Organen möts så ofta som beslutats",
        "{name} höll {done} av {needed} {period}.",
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
                "{name} har hållit {done} av {needed} {period}, som slutar {due_date}.",
                "Beslutat: {cadence}.",
            ),
        },
        scope=(
            "Hållna möten (status: hållet) per kalenderperiod enligt organets 'möten' "
            "(organ/<id>.yaml), från 'inrättad' (annars försöksstart, tidsbegränsningens start "
            "eller första hållna mötet, aldrig före 'möten_registreras_från'); första perioden i "
            "proportion. Föreslagna och avvecklade organ räknas inte, externa bara om kommunen "
            "registrerar deras möten."
        ),
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
        scope=(
            "Organ på försök vars 'försök.slut' och organ som avvecklas vars "
            "avvecklingsdatum passerats eller närmar sig. Källa: organets egna nycklar."
        ),
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
        scope=(
            "Öppna åtgärdspunkter med 'senast'; en punkt som förts vidare ('från: <mötes-id>') är"
            " samma punkt, stängs var som helst och rapporteras en gång, vid sitt ursprung. "
            "Källa: mötesfilens 'åtgärdspunkter'."
        ),
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
        scope=(
            "Mötesfiler vars datum passerats men som fortfarande är planerade "
            "(status: planerat, eller utan status och utan närvaro/anteckningar)."
        ),
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
        scope=(
            "Åtgärder som inte är genomförda eller avbrutna och vars 'slut' passerats "
            "(fel) eller ligger inom horisonten (varning). Källa: åtgärdens 'slut'."
        ),
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
        scope=(
            "Nästa mätvärde enligt indikatorns 'frekvens' (kalendermånader från "
            "det senaste värdet). Källa: indikatorns 'frekvens'."
        ),
    ),
)
