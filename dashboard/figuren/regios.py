"""Regio's vergelijken: the chosen arbeidsmarktregio among all 35 on every indicator CBS publishes for all of
them (marts.regio_vergelijking: inwoners, inwonersgroei, groene/grijze druk, personen met WW, per 1.000
inwoners), its rank, a sorted chart with Nederland as reference, and a peer group of alike regions.

Like for like: every value of one indicator has the same source and period (the mart keeps only the latest
period); Nederland is a reference line only where the indicator is a ratio (a country total is no regional
count)."""
from __future__ import annotations

import math

import pandas as pd

from dashboard.figuren import charts, samenvatting
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context
from dashboard.kern.geheugen import eenmalig

# peer group: alike on size and druk (each standardised over the 35 regions, equal weights)
PEER_KENMERKEN = ("inwoners", "groene_druk", "grijze_druk")
AANTAL_PEERS = 5
PEER_UITLEG = ("Vergelijkbaar = de vijf regio's die het dichtst bij liggen op drie kenmerken: het aantal inwoners "
               "(op logaritmische schaal, zodat 200.000 en 400.000 even ver uit elkaar liggen als 400.000 en "
               "800.000), de groene druk en de grijze druk. Elk kenmerk wordt eerst gestandaardiseerd over de 35 "
               "regio's (gemiddelde 0, standaardafwijking 1); de afstand is de gewone (euclidische) afstand over "
               "de drie. U kunt de groep zelf aanpassen; de keuze staat in de adresbalk.")
LEEG = ("De vergelijking met de andere arbeidsmarktregio's verschijnt zodra de CBS-tabellen en de indeling van "
        "gemeenten in arbeidsmarktregio's zijn opgehaald (zie Bronnen en actualiteit).")
# the page's tabs (?blad=), in order: label -> what it holds (the label is the URL value)
BLADEN = {"Rangorde": "plaats tussen de 35 en alle indicatoren", "Vergelijkbaar": "vergelijkbare regio's",
          "Provincie": "de regio naast haar provincie(s)", "Kaarten": "kaart van de regio's en van de gemeenten",
          "Gemeenten": "groei en druk per gemeente"}
# every indicator marts.regio_vergelijking can hold (etl/sql/marts/10_regio_vergelijking.sql), in its order: the page
# names the ones still without figures instead of leaving them out silently
VERGELIJKING = ("inwoners", "netto_arbeidsparticipatie", "groene_druk", "grijze_druk", "werkloosheidspercentage",
                "inwonersgroei", "ww_per_1000_inwoners")


def _alle() -> tuple[dict, ...]:
    """Every row of marts.regio_vergelijking, made once per build and shared: read them, never change them."""
    try:
        return db.view(db.records, "regio_vergelijking")
    except db.DataOntbreekt:
        return ()


def indicatoren() -> dict[str, str]:
    """The indicators compared (code -> Dutch label), in the reference list's order."""
    return {r["indicator"]: r["label"] for r in _alle()}


def nog_zonder_cijfers() -> str:
    """One line naming the compared indicators that have no figures yet (their CBS table not fetched), or ''.
    Empty too when nothing was fetched at all: LEEG says that."""
    aanwezig = indicatoren()
    if not aanwezig:
        return ""
    labels = {r["indicator"]: r["label"] for r in db.rijen("indicatoren")}
    ontbreekt = [labels.get(i, i) for i in VERGELIJKING if i not in aanwezig]
    if not ontbreekt:
        return ""
    namen = samenvatting.opsomming([ontbreekt[0]] + [n[0].lower() + n[1:] for n in ontbreekt[1:]])
    return (f"{namen} per arbeidsmarktregio {'verschijnt' if len(ontbreekt) == 1 else 'verschijnen'} hier zodra "
            "de CBS-tabel is opgehaald (zie Bronnen en actualiteit); tot dan geen cijfer en geen rangorde.")


def waarom_leeg() -> str:
    """Without any comparison yet: one line on the background refresh at the first start (running, CBS
    unreachable, failed), or '' (then each figure's own empty state, LEEG, says what is needed)."""
    if indicatoren():
        return ""
    from beheer import eerste_verversing
    return eerste_verversing.regel(eerste_verversing.stand())


def _van(indicator: str) -> list[dict]:
    return [r for r in _alle() if r["indicator"] == indicator]


def _waarde(r: dict) -> str:
    if r["eenheid"] == "procent":
        return fmt.procent(r["waarde"], 1)
    return fmt.getal(r["waarde"], 1 if abs(r["waarde"]) < 100 else 0)


def _is_verhouding(eenheid: str) -> bool:
    """A ratio or percentage can be set beside the country's; a count cannot (18 million is no region)."""
    return eenheid != "personen"


def _plaats(r: dict) -> str:
    return f"plaats {r['plaats']} van {r['aantal']}"


@figuur("regio-rang", "Waar {regio_naam} staat tussen de arbeidsmarktregio's", leeg=LEEG)
def rang(ctx: Context, indicator: str = "", peers: tuple = ()) -> Figuur | None:
    rijen = _van(indicator) or _van(next(iter(indicatoren()), ""))
    regios = [r for r in rijen if not r["is_land"]]
    if not regios:
        return None
    eerste = regios[0]
    eigen = next((r for r in regios if r["regio_code"] == ctx.regio), None)
    land = next((r for r in rijen if r["is_land"]), None)
    label, periode = eerste["label"], eerste["peildatum"]
    if eigen is None:
        titel = f"{label}: geen cijfer voor {ctx.regio_naam} ({periode})"
        zin = (f"Voor {ctx.regio_naam} heeft CBS geen cijfer voor {periode}; de regio staat daarom niet in de "
               f"rangorde van {len(regios)} arbeidsmarktregio's.")
    else:
        titel = f"{label}: {ctx.regio_naam} op {_plaats(eigen)}"
        zin = (f"{label} in {ctx.regio_naam}: {_waarde(eigen)}, peildatum {periode}. Daarmee staat de regio op "
               f"{_plaats(eigen)} arbeidsmarktregio's (plaats 1 = de hoogste waarde).")
        if land is not None and _is_verhouding(eerste["eenheid"]):
            woord = ("hoger dan" if eigen["waarde"] > land["waarde"] else "lager dan"
                     if eigen["waarde"] < land["waarde"] else "gelijk aan")
            zin += f" Dat is {woord} {land['regio_naam']} ({_waarde(land)}, zelfde bron en periode)."
    notities = []
    if len(regios) < 35:
        notities.append(f"{35 - len(regios)} van de 35 regio's hebben geen cijfer voor {periode} (bijvoorbeeld "
                        "omdat een gemeente in die periode nog niet bestond) en staan niet in de rangorde.")
    if land is not None and not _is_verhouding(eerste["eenheid"]):
        notities.append(f"{land['regio_naam']} ({_waarde(land)}) staat niet als lijn in de grafiek: een landelijk "
                        "totaal is geen regiocijfer.")
    namen = {r["regio_code"]: r["regio_naam"] for r in regios}
    peer_namen = tuple(namen[c] for c in peers if c in namen and c != ctx.regio)
    if peer_namen:
        notities.append("(vergelijkbaar) = in de groep vergelijkbare regio's die boven de grafiek is gekozen.")
    toon_land = land is not None and _is_verhouding(eerste["eenheid"])
    eenheid = "%" if eerste["eenheid"] == "procent" else ""
    tabel = pd.DataFrame({
        "Plaats": [r["plaats"] for r in regios], "Arbeidsmarktregio": [r["regio_naam"] for r in regios],
        label: [r["waarde"] for r in regios], "Periode": [r["peildatum"] for r in regios]})
    if land is not None:
        tabel = pd.concat([tabel, pd.DataFrame({"Plaats": [None], "Arbeidsmarktregio": [land["regio_naam"]],
                                                label: [land["waarde"]], "Periode": [land["peildatum"]]})],
                          ignore_index=True)
    tabel["Plaats"] = tabel["Plaats"].astype("Int64")
    return Figuur(
        "regio-rang", titel, zin, eerste["bron"], periode, definitie=eerste["definitie"],
        grafiek=grafiek(charts.rangorde, [r["regio_naam"] for r in regios], [r["waarde"] for r in regios],
                        ctx.regio_naam, eenheid=eenheid, referentie=land["waarde"] if toon_land else None,
                        referentie_naam=land["regio_naam"] if toon_land else "", gemarkeerd=peer_namen),
        notities=notities, tabel=tabel, export=tabel, bestandsnaam=f"regios_{indicator or eerste['indicator']}")


@figuur("regio-overzicht", "{regio_naam} op elke indicator", leeg=LEEG)
def overzicht(ctx: Context) -> Figuur | None:
    eigen = [r for r in _alle() if r["regio_code"] == ctx.regio]
    if not eigen:
        return None
    land = {r["indicator"]: r for r in _alle() if r["is_land"]}
    regels = []
    for r in eigen:
        nl = land.get(r["indicator"])
        regels.append({
            "Indicator": r["label"], ctx.regio_naam: _waarde(r), "Plaats": _plaats(r),
            "Nederland": _waarde(nl) if nl and _is_verhouding(r["eenheid"]) else "niet vergelijkbaar: landelijk "
                                                                                    "totaal",
            "Periode": r["peildatum"], "Bron": r["bron"]})
    tabel = pd.DataFrame(regels).rename(columns={"Nederland": next(iter(land.values()))["regio_naam"]}
                                       if land else {})
    export = pd.DataFrame([{"Indicator": r["label"], "Waarde": r["waarde"], "Eenheid": r["eenheid"],
                            "Plaats": r["plaats"], "Van": r["aantal"], "Periode": r["peildatum"], "Bron": r["bron"]}
                           for r in eigen])
    hoogste = min(eigen, key=lambda r: r["plaats"] / r["aantal"])
    return Figuur(
        "regio-overzicht", f"{ctx.regio_naam} tussen de arbeidsmarktregio's",
        f"Op {len(eigen)} indicatoren vergeleken met alle arbeidsmarktregio's; het hoogst staat "
        f"{ctx.regio_naam} op {hoogste['label'].lower()} ({_plaats(hoogste)}).",
        "CBS StatLine", "per indicator, zie tabel",
        definitie="Plaats 1 = de hoogste waarde. Alle regio's met dezelfde bron en dezelfde periode.",
        tabel=tabel, export=export, bestandsnaam=f"regio_overzicht_{ctx.regio}", tabel_open=True,
        tabel_label="Alle indicatoren")


def _kenmerken() -> dict[str, dict[str, float]]:
    """Per region the standardised peer features (inwoners as log), computed once per build."""
    try:
        return db.view(_kenmerken_uit, "regio_vergelijking")
    except db.DataOntbreekt:
        return {}


def _kenmerken_uit(df: pd.DataFrame) -> dict[str, dict[str, float]]:
    alle = db.records(df)
    per: dict[str, dict[str, float]] = {}
    for k in PEER_KENMERKEN:
        rijen = [r for r in alle if r["indicator"] == k and not r["is_land"] and r["waarde"] and r["waarde"] > 0]
        waarden = {r["regio_code"]: math.log(r["waarde"]) if k == "inwoners" else r["waarde"] for r in rijen}
        if len(waarden) < 2:
            return {}
        gem = sum(waarden.values()) / len(waarden)
        sd = math.sqrt(sum((v - gem) ** 2 for v in waarden.values()) / len(waarden)) or 1.0
        for code, v in waarden.items():
            per.setdefault(code, {})[k] = (v - gem) / sd
    return {c: v for c, v in per.items() if len(v) == len(PEER_KENMERKEN)}


def standaard_peers(regio: str) -> list[str]:
    """The AANTAL_PEERS regions nearest to `regio` on size and druk (see PEER_UITLEG); [] without data."""
    per = _kenmerken()
    if regio not in per:
        return []
    eigen = per[regio]
    afstand = {c: math.dist([eigen[k] for k in PEER_KENMERKEN], [v[k] for k in PEER_KENMERKEN])
               for c, v in per.items() if c != regio}
    return sorted(afstand, key=lambda c: (afstand[c], c))[:AANTAL_PEERS]


def regio_namen() -> dict[str, str]:
    return {r["regio_code"]: r["regio_naam"] for r in _alle() if not r["is_land"]}


def kop(regio: str) -> tuple[dict[str, str], str, dict[str, str], tuple[str, ...], list[str]]:
    """What the page's head needs: (indicator options, notice, region names, the other regions to pick as peers,
    the default peers), made once per build and region instead of in every rerun. Shared: never change them.
    The notice before any comparison exists follows the background refresh, so that one is asked every time
    (only then: once there are indicators, there is no such notice)."""
    opties, melding, namen, andere, standaard = _kop(regio, db.huidige_build())
    return opties, melding or ("" if opties else waarom_leeg()), namen, andere, standaard


@eenmalig(maxsize=256)
def _kop(regio: str, build: str) -> tuple:
    namen = regio_namen()
    return (indicatoren(), nog_zonder_cijfers(), namen, tuple(c for c in namen if c != regio),
            standaard_peers(regio))


@figuur("regio-peers", "{regio_naam} naast vergelijkbare regio's", leeg=LEEG)
def peers(ctx: Context, peers: tuple = ()) -> Figuur | None:
    namen = regio_namen()
    groep = [c for c in peers if c in namen and c != ctx.regio]
    if ctx.regio not in namen or not groep:
        return None
    codes = [ctx.regio, *groep]
    per = {(r["indicator"], r["regio_code"]): r for r in _alle()}
    labels = indicatoren()
    tabel = pd.DataFrame([{"Arbeidsmarktregio": namen[c] + (" (gekozen)" if c == ctx.regio else ""),
                           **{lab: (_waarde(per[(i, c)]) + f" ({per[(i, c)]['plaats']}e)") if (i, c) in per else "—"
                              for i, lab in labels.items()}} for c in codes])
    export = pd.DataFrame([{"Arbeidsmarktregio": namen[c], "Indicator": labels[i], "Waarde": per[(i, c)]["waarde"],
                            "Plaats": per[(i, c)]["plaats"], "Periode": per[(i, c)]["peildatum"]}
                           for c in codes for i in labels if (i, c) in per])
    standaard = standaard_peers(ctx.regio)
    eigen_keuze = sorted(groep) != sorted(standaard)
    zin = (f"{ctx.regio_naam} naast {', '.join(namen[c] for c in groep)}"
           + (" (zelf gekozen)." if eigen_keuze else ": de regio's die het meest lijken op grootte en druk."))
    return Figuur(
        "regio-peers", f"{ctx.regio_naam} naast vergelijkbare regio's", zin, "CBS StatLine",
        "per indicator, zie de tab Rangorde", definitie=PEER_UITLEG,
        notities=["Tussen haakjes de plaats onder alle arbeidsmarktregio's (1e = de hoogste waarde).",
                  PEER_UITLEG],
        tabel=tabel, export=export, bestandsnaam=f"regio_peers_{ctx.regio}", tabel_open=True,
        tabel_label="Vergelijkbare regio's")


@figuur("bronnen-regio", "Cijfers uit bestanden voor {regio_naam}", leeg="")
def bronnen_regio(ctx: Context) -> Figuur | None:
    """For analysts on Bronnen en actualiteit: which embedded files (UWV, the analysis) have rows for the region,
    and how to add them. Viewers of the figures only read the short empty state."""
    rijen = db.rijen("regio_dekking", regio=ctx.regio)
    if not rijen:
        return None
    ontbreekt = [r for r in rijen if not r["feiten"]]
    if not ontbreekt:
        return None   # every regional file has the region: nothing to do for the analyst
    uwv = [r for r in ontbreekt if r["is_uwv"]]
    tabel = pd.DataFrame([{"Dataset": r["titel"], "Bestand": r["bestand"], "Bron": r["bron"],
                           f"Cijfers voor {ctx.regio_naam}": r["feiten"]} for r in rijen])
    uitleg = (f"**Zo voegt u ze toe.** Zet de cijfers van {ctx.regio_naam} als regels met regiocode "
              f"`{ctx.regio}` in het CSV-bestand van de dataset (kolom *Bestand*), met bron en peildatum per "
              "regel (de kolommen staan in de README onder *Een dataset toevoegen*). Draai daarna "
              "`python -m etl.refresh --offline`: de refresh controleert elk bestand en bouwt het "
              "datawarehouse opnieuw; bij een fout noemt hij bestand, regel en kolom en blijft het oude "
              "datawarehouse in gebruik.")
    return Figuur(
        "bronnen-regio", f"Cijfers uit bestanden voor {ctx.regio_naam}",
        f"Voor {ctx.regio_naam} ontbreken {len(ontbreekt)} van de {len(rijen)} regionale bestanden, waarvan "
        f"{len(uwv)} van UWV; de figuren die ze gebruiken tonen dan alleen dat er nog geen cijfers zijn ingelezen.",
        "", "", uitleg=uitleg, tabel=tabel, export=tabel, bestandsnaam=f"bestanden_{ctx.regio}")


def bronfamilie(bron: str | None) -> str:
    """The family of a source as the text names it: 'CBS' for any CBS table or CBS-based statistic, else the
    publisher before the first comma or semicolon (e.g. 'Regio in Beeld 2025-2026, UWV' -> 'Regio in Beeld ...')."""
    eerste = (bron or "").replace(";", ",").split(",")[0].strip()
    return "CBS" if eerste.startswith("CBS") else eerste


def vergelijkbaar(periode_a: str | None, bron_a: str | None, periode_b: str | None, bron_b: str | None) -> bool:
    """Like for like: two figures may be compared (hoger/lager, rank) only with the same period and source family.
    Otherwise the text says "niet vergelijkbaar: andere bron/periode" instead of a claim."""
    return bool(periode_a) and periode_a == periode_b and bronfamilie(bron_a) == bronfamilie(bron_b)


@figuur("gemeenten-index", "Inwoners per gemeente van {regio_naam} als index",
        leeg="Deze CBS-cijfers zijn nog niet opgehaald (zie Bronnen en actualiteit).")
def gemeenten_index(ctx: Context) -> Figuur | None:
    """Inwoners of each gemeente (and the region) as an index, first year = 100: growth side by side, where
    absolute lines of gemeenten of very different size lie flat on top of each other (CBS 03759ned)."""
    rijen = db.rijen("inwoners_reeks", regio=ctx.regio)
    reeksen: dict[str, list[dict]] = {}
    for r in rijen:
        reeksen.setdefault(r["regio_naam"], []).append(r)
    # only series that start in the region's first year (a gemeente formed later has no common base)
    eerste = min((r["periode"] for r in rijen), default=None)
    reeksen = {n: rs for n, rs in reeksen.items() if rs[0]["periode"] == eerste and rs[0]["waarde"]}
    if ctx.regio_naam not in reeksen or len(reeksen) < 2:
        return None
    index = {n: [100.0 * r["waarde"] / rs[0]["waarde"] for r in rs] for n, rs in reeksen.items()}
    laatste = {n: (rs[-1]["periode"], index[n][-1]) for n, rs in reeksen.items()}
    gemeenten = {n: v for n, v in laatste.items() if n != ctx.regio_naam}
    snelst = max(gemeenten, key=lambda n: gemeenten[n][1])
    traagst = min(gemeenten, key=lambda n: gemeenten[n][1])
    periode = laatste[ctx.regio_naam][0]

    def groei(n):
        return fmt.met_teken(fmt.procent(laatste[n][1] - 100, 1), laatste[n][1] - 100)
    zin = (f"Van {eerste} tot {periode} groeide {ctx.regio_naam} {groei(ctx.regio_naam)}; het snelst {snelst} "
           f"({groei(snelst)}), het langzaamst {traagst} ({groei(traagst)}).")
    export = pd.DataFrame([{"Gebied": n, "Jaar": r["periode"], "Inwoners": r["waarde"],
                            f"Index ({eerste} = 100)": round(i, 1)}
                           for n, rs in reeksen.items() for r, i in zip(rs, index[n], strict=True)])
    # on screen one row per area (8 rows, not 64): the index per year as the chart shows it, and the latest count
    tabel = pd.DataFrame([{"Gebied": n, **{r["periode"]: round(i, 1) for r, i in zip(rs, index[n], strict=True)},
                           f"Inwoners {rs[-1]['periode']}": rs[-1]["waarde"]} for n, rs in reeksen.items()])
    laatste_rij = rijen[-1]
    return Figuur(
        "gemeenten-index", f"Groei per gemeente van {ctx.regio_naam} ({eerste} = 100)", zin, laatste_rij["bron"],
        max(r["peildatum"] for r in rijen),
        definitie=f"Inwoners op 1 januari als index: het aantal in {eerste} is 100. Zo zijn gemeenten van "
                  "verschillende grootte naast elkaar te lezen. CBS StatLine 03759ned; de regio is de som van haar "
                  "gemeenten.",
        grafiek=grafiek(charts.lijnen, [(n, [r["periode"] for r in rs], index[n]) for n, rs in reeksen.items()],
                        hoogte=380, nadruk=ctx.regio_naam),
        tabel=tabel, export=export, bestandsnaam=f"inwoners_index_{ctx.regio}",
        tabel_label=f"Index per jaar ({eerste} = 100) als tabel en download")


PROVINCIE_LEEG = ("De vergelijking met de provincie verschijnt zodra CBS-tabel 03759ned is opgehaald: de indeling "
                  "van gemeenten in provincies komt uit die tabel (zie Bronnen en actualiteit).")


@figuur("regio-provincies", "{regio_naam} naast haar provincie(s)", leeg=PROVINCIE_LEEG)
def provincies(ctx: Context) -> Figuur | None:
    """The arbeidsmarktregio beside the province(s) its gemeenten lie in and Nederland: inwoners and growth over
    the same years of the same table (CBS 03759ned). Which gemeente lies in which province comes from that
    table's own code list (marts.gemeente_provincie)."""
    rijen = db.rijen("regio_provincies", regio=ctx.regio)
    eigen = next((r for r in rijen if r["soort"] == "regio"), None)
    provs = [r for r in rijen if r["soort"] == "provincie"]
    land = next((r for r in rijen if r["soort"] == "land"), None)
    if eigen is None or not provs:
        return None
    eigen = {**eigen, "naam": ctx.regio_naam}
    # "provincie Groningen" beside the arbeidsmarktregio Groningen: never two areas with one name
    provs = [{**p, "naam": f"provincie {p['naam']}"} for p in provs]

    def groei(r):
        return fmt.met_teken(fmt.procent(r["groei"], 1), r["groei"]) if r and _is_getal(r["groei"]) else "geen cijfer"

    delen = [f"{fmt.getal(p['gemeenten'])} {'gemeente' if p['gemeenten'] == 1 else 'gemeenten'} "
             f"({fmt.getal(p['inwoners_uit_regio'])} inwoners) in de {p['naam']}" for p in provs]
    ligging = (f"Alle gemeenten van {ctx.regio_naam} liggen in de {provs[0]['naam']}" if len(provs) == 1 else
               f"{ctx.regio_naam} ligt in {len(provs)} provincies: {samenvatting.opsomming(delen)}")
    begin = next((r["begin_periode"] for r in rijen if r["begin_periode"]), "")
    met_groei = [r for r in (eigen, *provs) if _is_getal(r["groei"])]
    zin = (f"{ligging}. Van {begin} tot {eigen['periode']} groeide "
           + samenvatting.opsomming([f"{r['naam']} {groei(r)}" for r in met_groei])
           + (f" ({land['naam']} {groei(land)}; zelfde bron en periode)." if land else ".")
           + ("" if _is_getal(eigen["groei"]) else f" Voor {ctx.regio_naam} zelf is er geen groeicijfer (zie de noot)."))
    tabel = pd.DataFrame([{
        "Gebied": r["naam"], "Soort": {"regio": "arbeidsmarktregio", "provincie": "provincie", "land": "land"}[r["soort"]],
        "Gemeenten van de regio erin": r["gemeente_namen"] or "",
        f"Inwoners {r['periode']}": r["inwoners"],
        "Inwoners uit de regio": r["inwoners_uit_regio"] if _is_getal(r["inwoners_uit_regio"]) else None,
        f"Groei {begin}-{r['periode']} (%)": round(r["groei"], 2) if _is_getal(r["groei"]) else None}
        for r in (eigen, *provs, *([land] if land else []))])
    notities = ["Groene en grijze druk per provincie staan niet in de opgehaalde CBS-tabellen (70072ned wordt "
                "opgehaald voor Nederland, gemeenten en arbeidsmarktregio's); daarom hier alleen inwoners en groei."]
    if not _is_getal(eigen["groei"]):
        notities.append(f"Voor {ctx.regio_naam} is er geen groei sinds {begin}: niet elke gemeente van de regio heeft "
                        f"een cijfer voor {begin} (bijvoorbeeld na een herindeling).")
    return Figuur(
        "regio-provincies", f"{ctx.regio_naam} naast de provincie{'s' if len(provs) > 1 else ''} "
        + samenvatting.opsomming([p["naam"].removeprefix("provincie ") for p in provs]), zin,
        eigen["bron"], eigen["peildatum"],
        definitie="Inwoners op 1 januari (CBS StatLine 03759ned); de regio is de som van haar gemeenten, een provincie "
                  "zoals CBS haar publiceert. Groei: van het eerste tot het laatste jaar van de tabel. In welke "
                  "provincie een gemeente ligt, staat in de regiocodes van dezelfde tabel.",
        grafiek=grafiek(charts.rangorde, [r["naam"] for r in met_groei], [r["groei"] for r in met_groei],
                        ctx.regio_naam, eenheid="%", referentie=land["groei"] if land and _is_getal(land["groei"])
                        else None, referentie_naam=land["naam"] if land else "") if met_groei else None,
        notities=notities, tabel=tabel, export=tabel, bestandsnaam=f"regio_provincies_{ctx.regio}")


def _is_getal(x) -> bool:
    return x is not None and not pd.isna(x)
