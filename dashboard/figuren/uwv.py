"""UWV figures over time (issue 13): the period choice of the UWV pages, the spanningsindicator per
beroepsklasse, trends per beroepsklasse and of the totals, and the imports on Bronnen en actualiteit."""
from __future__ import annotations

from dashboard.figuren import charts
from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import figuur
from dashboard.figuren.sinds import sinds as _sinds
from dashboard.figuren.sinds import verschil as _delta
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context

BANDEN_UITLEG = (
    "**Spanningsindicator (UWV)**: openstaande vacatures gedeeld door WW-uitkeringen korter dan 6 maanden, "
    "per beroepsklasse. Banden: onder 0,25 **zeer ruim**, 0,25 tot 0,67 **ruim**, 0,67 tot 1,5 **gemiddeld**, "
    "1,5 tot en met 4 **krap**, boven 4 **zeer krap**. Een grenswaarde hoort bij de krappere band, behalve 4 "
    "(krap: zeer krap is *meer dan* 4). **CBS** meet spanning anders: openstaande vacatures per 100 werklozen, "
    "landelijk en seizoengecorrigeerd, over alle beroepen. Werklozen zijn niet hetzelfde als WW-uitkeringen "
    "(niet iedere werkloze heeft WW, en wie kort WW heeft telt bij UWV zwaarder), dus de twee verschillen.")

TABEL_NAMEN = {"gwu_opleiding": "Werkzoekenden (GWU)", "gwu_leeftijd": "Werkzoekenden (GWU), naar leeftijd",
               "gwu_uitkering": "Werkzoekenden naar uitkering", "ww_kenmerken": "WW-uitkeringen (kenmerken)",
               "ww_beroepsklasse": "WW-uitkeringen per beroepsklasse",
               "vacatures_beroepsklasse": "Openstaande vacatures per beroepsklasse"}


def perioden(ctx: Context, tabel: str) -> dict[str, str]:
    """The periods of one UWV table for the region, newest first: code -> Dutch label (labelled once per build)."""
    return dict(db.view(_periode_labels, "uwv_perioden", tabel=tabel, regio=ctx.regio))


def _periode_labels(df) -> tuple[tuple[str, str], ...]:
    return tuple((r["periode"], fmt.periode(r["periode"], r["periode_type"])) for r in db.records(df))


def periode_keuze(ctx: Context, tabel: str, label: str = "Periode") -> str | None:
    """The page's period choice, bound to the URL (?periode=Q3 2025). Shown only with two or more periods;
    None means the latest (the default). A select, not a row of buttons: the periods accumulate (20 quarters
    were two rows of 10 buttons, months of WW would be dozens), and a select is also the cheaper widget in every
    rerun (0,15 against 0,22 ms)."""
    from dashboard.kern import context
    try:
        opties = perioden(ctx, tabel)
    except (db.WarehouseOntbreekt, db.DataOntbreekt):
        return None   # no warehouse (or an old one): the figures say so themselves
    if len(opties) < 2:
        return None
    gekozen = context.keuze("periode", opties, label, lijst=True)
    return None if gekozen == next(iter(opties)) else gekozen


# --- the Analyse's UWV period (issue 13): one choice, the vacatures quarter; the WW and GWU figures and facts
# take the WW period paired with it (marts.mismatch_perioden), as the Mismatch page pairs them.
FIGUREN_VACATURES = {"vacatures", "mismatch", "uwv-spanning"}
FIGUREN_WW = {"ww-jaarmutatie"}            # ... and the GWU/WW figures per kenmerk (verdeling.aanmelden)
SECTIES_VACATURES = {"vacatures", "mismatch"}   # Analyse sections whose facts follow the period
SECTIES_WW = {"ww", "onbenut"}

def analyse_perioden(ctx: Context) -> list[dict]:
    """The Analyse's UWV periods for the region, newest first: {code, label, ww, ww_label, laatste}."""
    rijen = db.rijen("uwv_analyse_perioden", regio=ctx.regio)
    return [{"code": r["keuze"], "label": fmt.periode(r["keuze"], r["vacatures_periode_type"]),
             "ww": r["ww_periode"], "ww_label": fmt.periode(r["ww_periode"], r["ww_periode_type"]), "laatste": i == 0}
            for i, r in enumerate(rijen)]


def analyse_periode(ctx: Context, code: str | None = None) -> dict | None:
    """The period `code` (default: the latest) as {code, label, ww, ww_label, laatste}; None when the region
    has no such period."""
    perioden = analyse_perioden(ctx)
    return next((p for p in perioden if p["code"] == code), None) if code else next(iter(perioden), None)


def figuur_keuzes(sleutel: str, periode: dict | None) -> dict:
    """The keyword arguments with which figure `sleutel` follows the chosen period: {} for the latest (the
    figures' own default) or for a figure that is not a UWV figure."""
    from dashboard.figuren import werkzoekenden, ww
    if not periode or periode["laatste"]:
        return {}
    if sleutel in FIGUREN_VACATURES:
        return {"periode": periode["code"]}
    if sleutel in FIGUREN_WW | {f"ww-{k}" for k in ww.KENMERKEN} | {f"gwu-{k}" for k in werkzoekenden.INDELINGEN}:
        return {"periode": periode["ww"]}
    return {}


def sectie_keuzes(sectie: str, periode: dict | None) -> dict:
    """The same for the facts of Analyse section `sectie`."""
    if not periode or periode["laatste"]:
        return {}
    if sectie in SECTIES_VACATURES:
        return {"periode": periode["code"]}
    return {"periode": periode["ww"]} if sectie in SECTIES_WW else {}


def analyse_periode_keuze(ctx: Context) -> dict | None:
    """The Analyse page's UWV period choice, bound to the URL (?periode=Q2 2025); shown only with two or more
    periods (the latest is the default). None without UWV periods."""
    from dashboard.kern import context
    try:
        perioden = analyse_perioden(ctx)
    except (db.WarehouseOntbreekt, db.DataOntbreekt):
        return None
    if len(perioden) < 2:
        return next(iter(perioden), None)
    gekozen = analyse_periode(ctx, context.keuze("periode", {p["code"]: p["label"] for p in perioden},
                                                 "Periode van de UWV-cijfers (vacatures)"))
    if gekozen and not gekozen["laatste"]:
        import streamlit as st
        st.caption(f"Vacatures {gekozen['label']}; WW-uitkeringen {gekozen['ww_label']} (de WW-periode die bij "
                   f"dat kwartaal hoort, zoals op de pagina Mismatch); werkzoekenden: de laatste periode tot en met "
                   f"{gekozen['ww_label']}.")
    return gekozen


def gekozen_analyse_periode(ctx: Context) -> str | None:
    """The code of the UWV period chosen on the Analyse page (the widget's state, else ?periode= in the URL,
    by its label); None for the latest."""
    import streamlit as st
    label = st.session_state.get("periode") or st.query_params.get("periode")
    if not label:
        return None
    try:
        gekozen = next((p for p in analyse_perioden(ctx) if label in (p["label"], p["code"])), None)
        return gekozen["code"] if gekozen and not gekozen["laatste"] else None
    except (db.WarehouseOntbreekt, db.DataOntbreekt):
        return None


@figuur("uwv-spanning", "Spanningsindicator per beroepsklasse",
        leeg="Geen vacatures en WW-uitkeringen per beroepsklasse voor {regio_naam}.")
def spanning(ctx: Context, periode: str | None = None) -> Figuur | None:
    keuzes = db.rijen("uwv_spanning_perioden", regio=ctx.regio)
    if not keuzes:
        return None
    periode = periode or keuzes[0]["keuze"]
    rijen = [r for r in db.rijen("uwv_spanning", regio=ctx.regio, periode=periode) if r["spanning"] is not None]
    if not rijen:
        return None
    e = rijen[0]
    benadering = e["is_benadering"]
    krap = [r["beroepsklasse"] for r in rijen if r["band"] in ("krap", "zeer krap")]
    ruim = [r["beroepsklasse"] for r in rijen if r["band"] in ("ruim", "zeer ruim")]
    soort = "benadering over alle WW-uitkeringen" if benadering else "UWV-definitie: WW korter dan 6 maanden"
    titel = (f"{len(krap)} van de {len(rijen)} beroepsklassen krap of zeer krap in {ctx.regio_naam}"
             + (" (benadering)" if benadering else ""))
    zin = (f"Vacatures ({e['vacatures_peildatum']}) per WW-uitkering ({e['ww_peildatum']}), {soort}: "
           f"krap of zeer krap zijn {', '.join(k.lower() for k in krap) or 'geen beroepsklassen'}"
           + (f"; ruim of zeer ruim: {', '.join(k.lower() for k in ruim)}." if ruim else "."))
    notities = []
    if benadering:
        notities.append("**Benadering**: het bestand geeft voor deze periode geen WW-uitkeringen korter dan 6 maanden "
                        "per beroepsklasse. Hier is gedeeld door *alle* WW-uitkeringen van de beroepsklasse; dat "
                        "maakt de spanning lager dan UWV's eigen indicator.")
    if e["vacatures_peildatum"] != e["ww_peildatum"]:
        notities.append(f"Let op: de peildata verschillen. Vacatures: {e['vacatures_peildatum']}; "
                        f"WW-uitkeringen: {e['ww_peildatum']}.")
    # the national counterpart, where the files give it for the same period
    landelijk = {r["beroepsklasse"]: r for r in db.rijen("uwv_spanning", regio=ctx.vergelijk, periode=periode)
                 if r["spanning"] is not None} if ctx.vergelijk and ctx.vergelijk != ctx.regio else {}
    if landelijk:
        n = next(iter(landelijk.values()))
        zin += (f" In {ctx.vergelijk_naam}" + (" (benadering)" if n["is_benadering"] else "") + " zijn "
                f"{sum(r['band'] in ('krap', 'zeer krap') for r in landelijk.values())} van de {len(landelijk)} "
                "beroepsklassen krap of zeer krap.")
    import pandas as pd
    kolommen = {
        "Beroepsklasse": [r["beroepsklasse"] for r in rijen],
        f"Openstaande vacatures ({e['vacatures_peildatum']})": [fmt.getal(r["vacatures"]) for r in rijen],
        "WW korter dan 6 maanden": [fmt.getal(r["ww_kort"]) for r in rijen],
        f"WW-uitkeringen ({e['ww_peildatum']})": [fmt.getal(r["ww_uitkeringen"]) for r in rijen],
        "Spanning en band": [f"{fmt.getal(r['spanning'], 2)} · {r['band']}" if r["band"] else fmt.LEEG
                             for r in rijen]}   # as the chart labels each bar
    if landelijk:
        kolommen[f"Spanning {ctx.vergelijk_naam}"] = [
            fmt.getal(landelijk[r["beroepsklasse"]]["spanning"], 2) if r["beroepsklasse"] in landelijk else fmt.LEEG
            for r in rijen]
        kolommen[f"Band {ctx.vergelijk_naam}"] = [landelijk.get(r["beroepsklasse"], {}).get("band") or fmt.LEEG
                                                  for r in rijen]
    tabel = pd.DataFrame(kolommen)
    export = pd.DataFrame({
        "Beroepsklasse": [r["beroepsklasse"] for r in rijen], "Openstaande vacatures": [r["vacatures"] for r in rijen],
        "WW-uitkeringen korter dan 6 maanden": [r["ww_kort"] for r in rijen],
        "WW-uitkeringen": [r["ww_uitkeringen"] for r in rijen], "Spanning": [r["spanning"] for r in rijen],
        "Band": [r["band"] for r in rijen], "Benadering": ["ja" if r["is_benadering"] else "nee" for r in rijen],
        "Periode vacatures": [r["vacatures_periode"] for r in rijen], "Periode WW": [r["ww_periode"] for r in rijen]})
    return Figuur("uwv-spanning", titel, zin, f"{e['vacatures_bron']} (vacatures), {e['ww_bron']} (WW)",
                  f"{e['vacatures_peildatum']} (vacatures), {e['ww_peildatum']} (WW)",
                  definitie=BANDEN_UITLEG,
                  grafiek=grafiek(charts.spanning_staaf, [r["beroepsklasse"] for r in rijen],
                                  [r["spanning"] for r in rijen], [r["band"] for r in rijen],
                                  hoogte=140 + 36 * len(rijen)),
                  notities=notities, uitleg=BANDEN_UITLEG, tabel=tabel, export=export,
                  bestandsnaam=f"spanning_{ctx.regio}_{periode}")


CBS_SPANNING_UITLEG = (
    "**Spanning volgens CBS**: alle openstaande vacatures in Nederland aan het eind van het kwartaal, per 100 "
    "werklozen, beide seizoengecorrigeerd (CBS StatLine 80474ned en 85224NED; hier berekend als 100 × vacatures "
    "/ werklozen). **Een andere maat dan de UWV-spanningsindicator**: UWV deelt vacatures door WW-uitkeringen "
    "korter dan 6 maanden, per beroepsklasse en per regio; CBS deelt alle vacatures door alle werklozen, "
    "landelijk, ook wie geen WW heeft. De twee getallen zijn daarom niet als hoger of lager te vergelijken.")


@figuur("cbs-spanning", "Spanning volgens CBS: vacatures per 100 werklozen (Nederland)",
        leeg="De spanning volgens CBS (openstaande vacatures per 100 werklozen, landelijk) verschijnt zodra CBS-tabel "
             "80474ned en 85224NED zijn opgehaald (python -m etl.refresh).")
def cbs_spanning(ctx: Context, periode: str | None = None) -> Figuur | None:
    """CBS's own tension measure beside UWV's spanningsindicator: national, all occupations. `periode`: the
    page's vacatures quarter; CBS's quarters up to it are shown (None: all)."""
    import pandas as pd

    from dashboard.figuren import verdeling
    rijen = db.rijen("cbs_spanning", tot=verdeling.periode_einde(periode) if periode else None)
    berekend = [r for r in rijen if r["herkomst"] == "berekend"]
    if not berekend:
        geciteerd = next(iter(rijen), None)
        if geciteerd is None:
            return None
        return Figuur(
            "cbs-spanning", "Nog geen actuele spanning volgens CBS",
            f"CBS-tabel 80474ned (vacatures, seizoengecorrigeerd) is nog niet opgehaald; `python -m etl.refresh` "
            f"haalt haar op. Het laatste CBS-cijfer dat het dashboard kent: "
            f"{fmt.getal(geciteerd['vacatures_per_100_werklozen'])} vacatures per 100 werklozen in "
            f"{fmt.periode(geciteerd['periode'], geciteerd['periode_type'])} ({geciteerd['bron']}). Dat is een "
            "andere periode en een andere maat dan de UWV-spanningsindicator hierboven.",
            geciteerd["bron"], geciteerd["peildatum"], definitie=CBS_SPANNING_UITLEG)
    nu = berekend[0]
    reeks = list(reversed(berekend))
    labels = [fmt.periode(r["periode"], r["periode_type"]) for r in reeks]
    zin = (f"In {fmt.periode(nu['periode'], nu['periode_type'])} stonden in {nu['regio_naam']} "
           f"{fmt.getal(nu['vacatures_per_100_werklozen'])} openstaande vacatures tegenover elke 100 werklozen "
           f"({fmt.getal(nu['vacatures'])} vacatures, {fmt.getal(nu['werklozen'])} werklozen)")
    if len(berekend) > 1:
        vorig = berekend[1]
        verschil = nu["vacatures_per_100_werklozen"] - vorig["vacatures_per_100_werklozen"]
        zin += (f", {fmt.met_teken(fmt.getal(verschil, 1), verschil)} "
                + _sinds(vorig["periode"], nu["periode"], fmt.periode(vorig["periode"], vorig["periode_type"])))
    zin += ". Dit is CBS' eigen maat, landelijk en over alle beroepen: niet dezelfde als de UWV-spanningsindicator."
    tabel = pd.DataFrame({"Periode": labels,
                          "Vacatures per 100 werklozen": [fmt.getal(r["vacatures_per_100_werklozen"], 1) for r in reeks],
                          "Openstaande vacatures": [fmt.getal(r["vacatures"]) for r in reeks],
                          "Werklozen": [fmt.getal(r["werklozen"]) for r in reeks],
                          "Status": [r["kwalificatie"] or "" for r in reeks]})
    export = pd.DataFrame({"Periode": [r["periode"] for r in reeks],
                           "Vacatures per 100 werklozen": [r["vacatures_per_100_werklozen"] for r in reeks],
                           "Openstaande vacatures": [r["vacatures"] for r in reeks],
                           "Werklozen": [r["werklozen"] for r in reeks]})
    return Figuur("cbs-spanning",
                  f"Spanning volgens CBS: {fmt.getal(nu['vacatures_per_100_werklozen'])} vacatures per 100 werklozen "
                  f"in {nu['regio_naam']}", zin, nu["bron"], nu["peildatum"], definitie=CBS_SPANNING_UITLEG,
                  grafiek=grafiek(charts.lijnen, [(nu["regio_naam"], labels,
                                                   [r["vacatures_per_100_werklozen"] for r in reeks])],
                                  hoogte=280, nadruk=nu["regio_naam"]),
                  notities=[f"Status: {nu['kwalificatie']}."] if nu["kwalificatie"] else [],
                  tabel=tabel, export=export, bestandsnaam="cbs_spanning")


@figuur("mismatch-trend", "Vacatures en WW per beroepsklasse door de tijd",
        leeg="Een trend per beroepsklasse verschijnt zodra er voor {regio_naam} twee of meer perioden zijn "
             "ingelezen (python -m etl.uwv import).")
def mismatch_trend(ctx: Context, maat: str = "vacatures_per_ww") -> Figuur | None:
    rijen = db.rijen("mismatch_trend", regio=ctx.regio)
    keuzes = sorted({(r["keuze_datum"], r["keuze"]) for r in rijen})
    if len(keuzes) < 2:
        return None
    labels = {k: fmt.periode(k, "kwartaal") for _, k in keuzes}
    klassen = sorted({r["beroepsklasse"] for r in rijen})
    namen = {"vacatures": "Openstaande vacatures", "ww_uitkeringen": "WW-uitkeringen",
             "vacatures_per_ww": "Vacatures per WW-uitkering"}
    reeksen = []
    for k in klassen:
        rr = [r for r in rijen if r["beroepsklasse"] == k]
        reeksen.append((k, [labels[r["keuze"]] for r in rr], [r[maat] for r in rr]))
    (_, vorig), (_, nu) = keuzes[-2], keuzes[-1]
    per_klasse = {(r["beroepsklasse"], r["keuze"]): r for r in rijen}
    paren = [(per_klasse.get((k, nu), {}).get(maat), per_klasse.get((k, vorig), {}).get(maat), k) for k in klassen]
    stijgers = sorted((a - b, k) for a, b, k in paren if a is not None and b is not None)
    if not stijgers:
        return None
    sinds = _sinds(vorig, nu, labels[vorig])
    grootste = stijgers[-1]
    zin = (f"{namen[maat]} per beroepsklasse over {len(keuzes)} perioden ({labels[keuzes[0][1]]} tot "
           f"{labels[nu]}). Grootste stijging {sinds}: {grootste[1].lower()} "
           f"({fmt.met_teken(fmt.getal(grootste[0], 2 if maat == 'vacatures_per_ww' else 0), grootste[0])}).")
    import pandas as pd
    tabel = pd.DataFrame({"Beroepsklasse": [r["beroepsklasse"] for r in rijen],
                          "Periode vacatures": [labels[r["keuze"]] for r in rijen],
                          "Peildatum WW": [r["ww_peildatum"] for r in rijen],
                          "Openstaande vacatures": [fmt.getal(r["vacatures"]) for r in rijen],
                          "WW-uitkeringen": [fmt.getal(r["ww_uitkeringen"]) for r in rijen],
                          "Vacatures per WW-uitkering": [fmt.getal(r["vacatures_per_ww"], 2) for r in rijen]})
    export = pd.DataFrame({"Beroepsklasse": [r["beroepsklasse"] for r in rijen],
                           "Periode vacatures": [r["keuze"] for r in rijen],
                           "Peildatum WW": [r["ww_peildatum"] for r in rijen],
                           "Openstaande vacatures": [r["vacatures"] for r in rijen],
                           "WW-uitkeringen": [r["ww_uitkeringen"] for r in rijen],
                           "Vacatures per WW-uitkering": [r["vacatures_per_ww"] for r in rijen]})
    return Figuur("mismatch-trend", f"{namen[maat]} per beroepsklasse in {ctx.regio_naam} door de tijd", zin,
                  "UWV", _peildata(labels.values()) + " (vacatures; WW op de eigen peildatum)",
                  definitie="Elk kwartaal openstaande vacatures naast de WW-uitkeringen van de eerstvolgende "
                            "peildatum binnen een half jaar (zoals Q2 2025 naast september 2025 in Bijlage 1).",
                  grafiek=grafiek(charts.lijnen, reeksen, hoogte=420, nadruk=grootste[1]), tabel=tabel, export=export,
                  bestandsnaam=f"trend_beroepsklasse_{maat}_{ctx.regio}",
                  # one row per beroepsklasse and period (hundreds with history): the scrolling HTML table alone,
                  # not also the canvas grid with the same rows (it cost a third of the figure in every rerun)
                  tabel_raster=False, downloads_bij_openen=True)


def _peildata(peildata) -> str:
    """The peildata of a series in time order, each once; from four on as a range ("Q3 2021 tot en met Q2 2026"):
    the table beside the chart names every period."""
    uniek = list(dict.fromkeys(peildata))
    return f"{uniek[0]} tot en met {uniek[-1]}" if len(uniek) > 3 else ", ".join(uniek)


def _trend_totaal(ctx: Context, datasets: tuple[str, ...], onderwerp: str, sleutel: str) -> Figuur | None:
    rijen = [r for r in db.rijen("uwv_totalen", regio=ctx.regio, vergelijk=ctx.vergelijk) if r["dataset"] in datasets]
    # one value per region and period (GWU: Tabel 1 and 2 print the same total; take the first table's)
    per = {}
    for r in rijen:
        per.setdefault((r["regio_code"], r["periode"]), r)
    eigen = sorted((r for (code, _), r in per.items() if code == ctx.regio), key=lambda r: r["periode_datum"])
    if len(eigen) < 2:
        return None
    reeksen, zinnen, kolommen, rijen = [], [], ["Periode"], {}
    for code, naam in ((ctx.regio, ctx.regio_naam), (ctx.vergelijk, ctx.vergelijk_naam)):
        rr = sorted((r for (c, _), r in per.items() if c == code), key=lambda r: r["periode_datum"])
        if len(rr) < 1:
            continue
        basis = rr[0]["waarde"]
        reeksen.append((naam, [fmt.periode(r["periode"], r["periode_type"]) for r in rr],
                        [100 * r["waarde"] / basis for r in rr]))
        # the table: one row per period, the counts and the index the chart draws (as the chart labels it)
        kolommen += [f"{naam}: aantal", f"{naam}: index"]
        for r, index in zip(rr, reeksen[-1][2], strict=True):
            rij = rijen.setdefault(r["periode_datum"], {"Periode": fmt.periode(r["periode"], r["periode_type"])})
            rij.update({f"{naam}: aantal": fmt.getal(r["waarde"]), f"{naam}: index": fmt.getal(index)})
    nu, vorig = eigen[-1], eigen[-2]
    vorig_label = fmt.periode(vorig["periode"], vorig["periode_type"])
    zinnen.append(f"{onderwerp} in {ctx.regio_naam}: {fmt.getal(nu['waarde'])} in "
                  f"{fmt.periode(nu['periode'], nu['periode_type'])}, {_delta(nu['waarde'], vorig['waarde'])} "
                  f"{_sinds(vorig['periode'], nu['periode'], vorig_label)}.")
    import pandas as pd
    alle = sorted(per.values(), key=lambda r: (r["regio_code"] != ctx.regio, r["periode_datum"]))
    tabel = pd.DataFrame([rijen[d] for d in sorted(rijen)], columns=kolommen).fillna(fmt.LEEG)
    export = pd.DataFrame({"Regio": [r["regio_naam"] for r in alle], "Periode": [r["periode"] for r in alle],
                           "Aantal": [r["waarde"] for r in alle]})
    return Figuur(sleutel, f"{onderwerp}: {ctx.regio_naam} naast {ctx.vergelijk_naam} door de tijd",
                  " ".join(zinnen), nu["bron"],
                  _peildata(r["peildatum"] for r in sorted(alle, key=lambda r: r["periode_datum"])),
                  definitie="Index: de eerste periode van elke regio is 100, zodat regio en Nederland in één "
                            "grafiek passen.",
                  grafiek=grafiek(charts.lijnen, reeksen, hoogte=320, nadruk=ctx.regio_naam),
                  notities=["Index, eerste periode = 100. De tabel geeft de aantallen en de index."],
                  tabel=tabel, export=export, bestandsnaam=f"{sleutel}_{ctx.regio}",
                  downloads_bij_openen=True)   # a figure the one-period page does not have: two widgets less per rerun


@figuur("trend-vacatures", "Openstaande vacatures door de tijd",
        leeg="Een trend verschijnt zodra er voor {regio_naam} twee of meer perioden vacatures zijn ingelezen.")
def trend_vacatures(ctx: Context) -> Figuur | None:
    return _trend_totaal(ctx, ("vacatures_beroepsklasse",), "Openstaande vacatures", "trend-vacatures")


@figuur("trend-ww", "WW-uitkeringen door de tijd",
        leeg="Een trend verschijnt zodra er voor {regio_naam} twee of meer perioden WW per beroepsklasse zijn "
             "ingelezen.")
def trend_ww(ctx: Context) -> Figuur | None:
    return _trend_totaal(ctx, ("ww_beroepsklasse",), "WW-uitkeringen", "trend-ww")


@figuur("trend-gwu", "Werkzoekenden (GWU) door de tijd",
        leeg="Een trend verschijnt zodra er voor {regio_naam} twee of meer perioden werkzoekenden zijn ingelezen.")
def trend_gwu(ctx: Context) -> Figuur | None:
    return _trend_totaal(ctx, ("gwu_opleiding", "gwu_leeftijd"), "Werkzoekenden (GWU)", "trend-gwu")


@figuur("uwv-actualiteit", "UWV-cijfers: laatste periode per regio en tabel", leeg="")
def actualiteit(ctx: Context) -> Figuur | None:
    import pandas as pd
    actueel = db.rijen("uwv_actualiteit")
    if not actueel:
        return None
    verouderd = [r for r in actueel if r["is_verouderd"]]
    zin = ("De laatste periode per regio en UWV-tabel; verouderd = ouder dan het nieuwste landelijke cijfer van "
           "dezelfde tabel (of, zonder landelijk cijfer, van een andere regio). "
           + (f"{len(verouderd)} combinatie(s) van regio en tabel zijn verouderd." if verouderd else
              "Niets is verouderd."))
    tabel = pd.DataFrame({
        "Tabel": [TABEL_NAMEN.get(r["tabel"], r["tabel"]) for r in actueel],
        "Regio": [r["regio_naam"] or r["regio_code"] for r in actueel],
        "Laatste periode": [fmt.periode(r["periode"], r["periode_type"]) for r in actueel],
        "Verouderd": ["ja" if r["is_verouderd"] else "nee" for r in actueel]})
    return Figuur("uwv-actualiteit", "UWV-cijfers: laatste periode per regio en tabel", zin, "", "", tabel=tabel,
                  export=tabel, bestandsnaam="uwv_actualiteit", tabel_label="Laatste periode per regio en tabel",
                  tabel_open=True)


@figuur("uwv-imports", "Ingelezen UWV-bestanden", leeg="")
def imports(ctx: Context) -> Figuur | None:
    import pandas as pd
    rijen = db.rijen("uwv_imports")
    if not rijen:
        return Figuur("uwv-imports", "Ingelezen UWV-bestanden",
                      "Nog geen UWV-bestanden ingelezen: de UWV-cijfers komen uit de transcriptie van Bijlage 1 "
                      "(data/raw/seed). Lees een bestand in met `python -m etl.uwv import BESTAND`, of zet het in "
                      "de inbox (data/inbox/uwv/) en draai `python -m etl.refresh`.", "", "")
    lijst = pd.DataFrame({
        "Tabel": [TABEL_NAMEN.get(r["tabel"], r["tabel"]) for r in rijen],
        "Regio": [r["regio_naam"] or r["regio_code"] for r in rijen], "Perioden": [r["perioden"] for r in rijen],
        "Bestand": [r["bestand"] for r in rijen], "Door": [r["door"] for r in rijen],
        "Ingelezen": [fmt.datum_tijd(r["geimporteerd_op"]) for r in rijen],
        "Cijfers": [r["rijen"] for r in rijen], "Waarvan in gebruik": [r["rijen_in_gebruik"] for r in rijen]})
    zin = (f"{len({r['import_id'] for r in rijen})} ingelezen UWV-bestand(en), per tabel en regio. Een latere import "
           "van dezelfde periode vervangt die in de figuren; de eerdere blijft bewaard (data/raw/uwv/) en staat hier "
           "met 0 cijfers in gebruik.")
    return Figuur("uwv-imports", "Ingelezen UWV-bestanden", zin, "", "", tabel=lijst, export=lijst,
                  bestandsnaam="uwv_imports", tabel_label="Imports als tabel en download", tabel_open=True)


def upload(ctx: Context) -> None:
    """Bronnen en actualiteit: a logged-in analyst uploads UWV files. The page runs the same command as the
    analyst would (`python -m etl.uwv import FILE --door NAME`, in a subprocess: the dashboard does not
    import the ETL), so the same checks, snapshot, build and roll-back apply; its Dutch output is shown."""
    import os
    import subprocess
    import sys
    import tempfile
    from pathlib import Path

    import streamlit as st

    from dashboard.kern import login

    st.subheader("UWV-bestanden inlezen")
    st.caption("Het sjabloon (lange vorm) of een tabel zoals UWV ze drukt, als CSV of Excel, hoogstens 10 MB. "
               "Hetzelfde als `python -m etl.uwv import BESTAND`: eerst gecontroleerd, bij één fout wordt niets "
               "opgeslagen.")
    door = login.inloggen()
    if not door:
        return
    bestanden = st.file_uploader("UWV-bestand(en)", type=["csv", "xlsx"], accept_multiple_files=True, key="uwv_upload")
    if not bestanden or not st.button("Controleren en inlezen", key="uwv_inlezen"):
        return
    root = Path(__file__).resolve().parents[2]
    with tempfile.TemporaryDirectory(prefix="uwv-upload-") as tmp:
        paden = []
        for b in bestanden:
            pad = Path(tmp) / Path(b.name).name
            pad.write_bytes(b.getvalue())
            paden.append(str(pad))
        with st.spinner("Controleren, opslaan en het datawarehouse bouwen…"):
            uit = subprocess.run([sys.executable, "-m", "etl.uwv", "import", *paden, "--door", door],
                                 cwd=root, env={**os.environ, "PYTHONPATH": str(root)}, capture_output=True,
                                 text=True, timeout=300)
    meldingen = [r for r in uit.stdout.splitlines() if r.strip()]
    fouten = [r for r in uit.stderr.splitlines() if r.startswith(("Niet ingelezen", "  - ", "De nieuwe cijfers",
                                                                  "Verversen mislukt", "Kan "))]
    if uit.returncode == 0:
        st.success("  \n".join(r for r in meldingen if not r.startswith("Datawarehouse gebouwd")) or "Ingelezen.")
    else:
        st.error("  \n".join(fouten) or uit.stderr[-2000:])
