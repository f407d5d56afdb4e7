"""Figure blocks shared by pages (and later by the Analyse arbeidsmarkt
presentation): each takes the page context, queries, shapes, and renders
title + summary + chart + bron/peildatum + table/download. Where two pages
show the same thing they call the same block."""
from __future__ import annotations

import streamlit as st

from dashboard import charts, components, db, definities, samenvatting, views
from dashboard import format as fmt
from dashboard.context import Context

# "Clearly higher than national": at least this many percentage points.
DREMPEL_PP = 3.0


def demografische_druk(ctx: Context) -> None:
    with components.figuur("Groene en grijze druk"):
        druk = db.query("demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
        w = db.view(views.waarden_per_indicator_regio, "demografische_druk", regio=ctx.regio, vergelijk=ctx.vergelijk)
        cijfers = (ctx.regio_naam, ctx.vergelijk_naam,
                   w.get(("groene_druk", ctx.regio)), w.get(("grijze_druk", ctx.regio)),
                   w.get(("groene_druk", ctx.vergelijk)), w.get(("grijze_druk", ctx.vergelijk)))
        components.kop(samenvatting.demografische_druk_titel(*cijfers), samenvatting.demografische_druk(*cijfers),
                       definities.definitie("Groene druk") + " " + definities.definitie("Grijze druk"))
        components.grafiek(
            charts.vergelijking_staaf,
            ["Groene druk (0-19 jaar)", "Grijze druk (65+)"],
            [cijfers[2], cijfers[3]], [cijfers[4], cijfers[5]],
            ctx.regio_naam, ctx.vergelijk_naam, hoogte=240, key="druk",
        )
        bron, peildatum = druk["bron"].iloc[0], druk["peildatum"].iloc[0]
        components.bronregel(bron, peildatum)
        components.gegevens(db.view(views.kolommen, "demografische_druk", "regio_naam", "indicator", "waarde",
                                    "eenheid", "kwalificatie", regio=ctx.regio, vergelijk=ctx.vergelijk),
                            druk, f"demografische_druk_{ctx.regio}", bron, peildatum, key="druk")


def verdeling(ctx: Context, indicator: str, dimensie: str, onderwerp: str, definitie: str,
              key: str, vergelijk_label: str | None = None) -> None:
    """An indicator's distribution over a dimension, region beside comparison (Tabel 1, 2, 3, 5)."""
    params = dict(indicator=indicator, dimensie=dimensie, regio=ctx.regio, vergelijk=ctx.vergelijk)
    vergelijk_naam = vergelijk_label or ctx.vergelijk_naam
    with components.figuur(f"{onderwerp} naar {fmt.dimensie(dimensie)}"):
        rijen = db.view(views.verdeling_records, "verdeling", **params)
        if not rijen:
            st.info(f"Geen gegevens over {onderwerp} naar {fmt.dimensie(dimensie)} voor {ctx.regio_naam}.")
            return
        klassen = [r for r in rijen if not r["is_totaal"]]
        components.kop(samenvatting.verdeling_titel(rijen, onderwerp, fmt.dimensie(dimensie), vergelijk_naam),
                       samenvatting.verdeling(rijen, onderwerp, ctx.regio_naam, vergelijk_naam), definitie)
        components.grafiek(
            charts.vergelijking_staaf, [r["categorie"] for r in klassen],
            [r["regio_pct"] for r in klassen], [r["vergelijk_pct"] for r in klassen],
            ctx.regio_naam, vergelijk_naam, hoogte=110 + 42 * len(klassen), key=key)
        eerste = rijen[0]
        components.bronregel(eerste["bron"], eerste["peildatum"])
        st.caption("Aandelen berekend uit de aantallen waar die er zijn, anders zoals gedrukt (afgerond). "
                   "De tabel toont beide.")
        components.gegevens(db.view(views.verdeling_tabel, "verdeling", ctx.regio_naam, vergelijk_naam, **params),
                            db.view(views.verdeling_export, "verdeling", **params),
                            f"{indicator}_{dimensie}_{ctx.regio}", eerste["bron"], eerste["peildatum"], key=key)


def mismatch(ctx: Context) -> None:
    with components.figuur("Mismatch"):
        rijen = db.view(views.mismatch_records, "mismatch", regio=ctx.regio)
        if not rijen:
            st.info(f"Geen vacatures en WW-uitkeringen per beroepsklasse voor {ctx.regio_naam}.")
            return
        eerste = rijen[0]
        vac_label = f"Openstaande vacatures ({eerste['vacatures_peildatum']})"
        ww_label = f"WW-uitkeringen ({eerste['ww_peildatum']})"
        components.kop(samenvatting.mismatch_titel(rijen), samenvatting.mismatch(rijen, ctx.regio_naam),
                       definities.MISMATCH)
        components.grafiek(
            charts.mismatch_halter, [r["beroepsklasse"] for r in rijen], [r["vacatures"] for r in rijen],
            [r["ww_uitkeringen"] for r in rijen], [r["mismatch"] for r in rijen], vac_label, ww_label,
            hoogte=140 + 36 * len(rijen), key="mismatch")
        rest = [r for r in rijen if r["is_rest"] and r["ww_uitkeringen"]]
        if rest:
            st.markdown(f"**{fmt.getal(rest[0]['ww_uitkeringen'])} WW-uitkeringen hebben geen beroepsklasse**: het "
                        "gedrukte totaal van Tabel 6 min de som van de beroepsklassen. Ze staan apart onderaan.")
        st.caption(f"Let op: de peildata verschillen. Vacatures: {eerste['vacatures_peildatum']} "
                   f"(bron: {eerste['vacatures_bron']}); WW-uitkeringen: {eerste['ww_peildatum']} "
                   f"(bron: {eerste['ww_bron']}).")
        st.markdown(definities.SPANNING_UITLEG)
        components.gegevens(db.view(views.mismatch_tabel, "mismatch", regio=ctx.regio),
                            db.query("mismatch", regio=ctx.regio), f"mismatch_{ctx.regio}",
                            f"{eerste['vacatures_bron']} (vacatures), {eerste['ww_bron']} (WW)",
                            f"{eerste['vacatures_peildatum']} (vacatures), {eerste['ww_peildatum']} (WW)",
                            key="mismatch")


def vacatures(ctx: Context) -> None:
    params = dict(indicator="openstaande_vacatures", dimensie="beroepsklasse", regio=ctx.regio,
                  vergelijk=ctx.vergelijk)
    with components.figuur("Vacatures per beroepsklasse"):
        rijen = db.view(views.verdeling_records, "verdeling", **params)
        klassen = [r for r in rijen if not r["is_totaal"]]
        if not klassen:
            st.info(f"Geen openstaande vacatures per beroepsklasse voor {ctx.regio_naam}.")
            return
        hoger = [r for r in klassen if r["verschil_pp"] is not None and r["verschil_pp"] >= DREMPEL_PP]
        titel = (f"Vacaturevraag naar {samenvatting.opsomming([samenvatting.klein(r['categorie']) for r in hoger])} "
                 f"duidelijk groter dan in {ctx.vergelijk_naam}" if hoger else
                 f"Vacatures per beroepsklasse in {ctx.regio_naam} en {ctx.vergelijk_naam}")
        components.kop(titel, samenvatting.vacatures(rijen, ctx.regio_naam, ctx.vergelijk_naam, DREMPEL_PP),
                       definities.VACATURES + f" Duidelijk hoger of lager: minstens {fmt.getal(DREMPEL_PP)} "
                       "procentpunt verschil in aandeel.")
        labels = [r["categorie"] + "".join(
            [" · cruciaal" if r["cruciale_sector"] else "", " · focus" if r["regionale_focus"] else ""])
            for r in klassen]
        components.grafiek(
            charts.vergelijking_staaf, labels, [r["regio_pct"] for r in klassen], [r["vergelijk_pct"] for r in klassen],
            ctx.regio_naam, ctx.vergelijk_naam, hoogte=110 + 42 * len(klassen),
            uitgelicht=[r in hoger for r in klassen], key="vacatures")
        st.caption(f"Oranje: aandeel minstens {fmt.getal(DREMPEL_PP)} procentpunt hoger dan in {ctx.vergelijk_naam}. "
                   "· cruciaal = maatschappelijk cruciale sector (kabinet); · focus = regionale focus of speerpunt. "
                   + definities.CRUCIAAL)
        eerste = rijen[0]
        components.bronregel(eerste["bron"], eerste["peildatum"])
        tabel = db.view(views.verdeling_tabel, "verdeling", ctx.regio_naam, ctx.vergelijk_naam, **params)
        tabel = tabel.assign(**{"Maatschappelijk cruciaal": [r["cruciale_sector"] or "" for r in rijen],
                                "Regionale focus": [r["regionale_focus"] or "" for r in rijen]})
        components.gegevens(tabel, db.view(views.verdeling_export, "verdeling", **params),
                            f"vacatures_beroepsklasse_{ctx.regio}", eerste["bron"], eerste["peildatum"],
                            key="vacatures")


CBS_NIET_OPGEHAALD = ("Nog niet opgehaald bij CBS. Haal de CBS-tabellen op met `python -m etl.refresh` "
                      "(zie Bronnen en actualiteit).")


def inwoners_reeks(ctx: Context) -> None:
    """Inwoners of the region and its gemeenten over the years (CBS 03759ned)."""
    with components.figuur("Inwoners volgens CBS"):
        rijen = db.view(db.records, "inwoners_reeks", regio=ctx.regio)
        if not rijen:
            st.markdown("#### Inwoners per gemeente (CBS)")
            st.info(CBS_NIET_OPGEHAALD)
            return
        titel, zin = samenvatting.inwoners_reeks(rijen, ctx.regio_naam,
                                                 db.view(db.records, "bevolking_kaarten", regio=ctx.regio))
        components.kop(titel, zin, "Bevolking op 1 januari (CBS StatLine 03759ned); de regio is de som van haar "
                                   "gemeenten.")
        reeksen = db.view(views.inwoners_reeksen, "inwoners_reeks", regio=ctx.regio)
        components.grafiek(charts.lijnen, reeksen[1:], hoogte=320, key="inwoners-gemeenten")
        bron = rijen[-1]["bron"]
        peildatum = max(rijen, key=lambda r: r["periode_datum"])["peildatum"]
        components.bronregel(bron, peildatum)
        components.gegevens(db.view(views.kolommen, "inwoners_reeks", "regio_naam", "periode", "waarde",
                                    "kwalificatie", regio=ctx.regio),
                            db.query("inwoners_reeks", regio=ctx.regio), f"inwoners_{ctx.regio}", bron, peildatum,
                            key="inwoners-reeks")


def druk_gemeenten(ctx: Context) -> None:
    """Groene and grijze druk per gemeente of the region (CBS 70072ned), only once fetched."""
    with components.figuur("Groene en grijze druk per gemeente"):
        rijen = db.view(db.records, "druk_gemeenten", regio=ctx.regio, vergelijk=ctx.vergelijk)
        if not rijen:
            st.markdown("#### Groene en grijze druk per gemeente (CBS)")
            st.info(CBS_NIET_OPGEHAALD)
            return
        titel, zin = samenvatting.druk_gemeenten(rijen, ctx.regio_naam)
        components.kop(titel, zin, definities.definitie("Groene druk") + " " + definities.definitie("Grijze druk")
                       + " Per gemeente uit CBS StatLine 70072ned; het regiocijfer hierboven komt uit de analyse.")
        namen = list(dict.fromkeys(r["regio_naam"] for r in rijen))
        waarde = {(r["regio_naam"], r["indicator"]): r["waarde"] for r in rijen}
        components.grafiek(charts.vergelijking_staaf, namen, [waarde.get((n, "grijze_druk")) for n in namen],
                           [waarde.get((n, "groene_druk")) for n in namen], "Grijze druk (65+)",
                           "Groene druk (0-19 jaar)", hoogte=120 + 48 * len(namen), key="druk-gemeenten")
        components.bronregel(rijen[0]["bron"], rijen[0]["peildatum"])
        components.gegevens(db.view(views.kolommen, "druk_gemeenten", "regio_naam", "indicator", "waarde", "periode",
                                    regio=ctx.regio, vergelijk=ctx.vergelijk),
                            db.query("druk_gemeenten", regio=ctx.regio, vergelijk=ctx.vergelijk),
                            f"druk_gemeenten_{ctx.regio}", rijen[0]["bron"], rijen[0]["peildatum"],
                            key="druk-gemeenten")


def ww_regio_reeks(ctx: Context) -> None:
    """Personen met WW per month for the region (CBS 85554NED), only once fetched."""
    with components.figuur("Personen met WW-uitkering (CBS)"):
        rijen = db.view(db.records, "ww_regio_reeks", regio=ctx.regio, vergelijk=ctx.vergelijk)
        if not any(r["is_regio"] for r in rijen):
            st.markdown(f"#### Personen met een WW-uitkering in {ctx.regio_naam} per maand (CBS)")
            st.info(CBS_NIET_OPGEHAALD)
            return
        titel, zin = samenvatting.ww_regio_reeks(rijen, ctx.regio_naam, ctx.vergelijk_naam)
        components.kop(titel, zin, "Personen met een uitkering op grond van de Werkloosheidswet op de laatste dag "
                                   "van de maand, seizoengecorrigeerd (CBS StatLine 85554NED). Dit telt personen, "
                                   "niet uitkeringen, en wijkt daardoor af van de UWV-cijfers hierboven.")
        regio = [r for r in rijen if r["is_regio"]]
        components.grafiek(charts.lijnen, [(ctx.regio_naam, tuple(r["periode"] for r in regio),
                                            tuple(r["waarde"] for r in regio))],
                           hoogte=280, nadruk=ctx.regio_naam, key="ww-regio-reeks")
        components.bronregel(regio[-1]["bron"], regio[-1]["peildatum"])
        components.gegevens(db.view(views.kolommen, "ww_regio_reeks", "regio_naam", "periode", "waarde",
                                    "kwalificatie", regio=ctx.regio, vergelijk=ctx.vergelijk),
                            db.query("ww_regio_reeks", regio=ctx.regio, vergelijk=ctx.vergelijk),
                            f"ww_personen_{ctx.regio}", regio[-1]["bron"], regio[-1]["peildatum"],
                            key="ww-regio-reeks")


def landelijke_reeks(indicator: str, dataset: str, titel_zonder_data: str, definitie: str, key: str,
                     eenheid: str = "", vanaf: str = "2019-01-01") -> None:
    """A national CBS series as context beside the regional figures."""
    with components.figuur(titel_zonder_data):
        rijen = db.view(db.records, "landelijke_reeks", indicator=indicator, dataset=dataset,
                        periode_type="maand", vanaf=vanaf)
        if not rijen:
            st.markdown(f"#### {titel_zonder_data}")
            st.info(CBS_NIET_OPGEHAALD)
            return
        eerste, laatste = rijen[0], rijen[-1]
        verschil = laatste["waarde"] - eerste["waarde"]
        waarde = (lambda v: fmt.procent(v, 1)) if eenheid == "%" else fmt.getal
        components.kop(
            f"{titel_zonder_data}: {waarde(laatste['waarde'])} in {laatste['peildatum']}",
            f"Landelijk {waarde(laatste['waarde'])} in {laatste['peildatum']}, "
            f"{'meer' if verschil > 0 else 'minder' if verschil < 0 else 'evenveel'} dan in {eerste['peildatum']} "
            f"({waarde(eerste['waarde'])}). Ter vergelijking naast de regionale cijfers hierboven, die een andere "
            "bron en peildatum hebben.", definitie)
        components.grafiek(charts.lijnen, [("Nederland", tuple(r["periode"] for r in rijen),
                                            tuple(r["waarde"] for r in rijen))],
                           hoogte=260, eenheid=eenheid, nadruk="Nederland", key=key)
        components.bronregel(laatste["bron"], laatste["peildatum"])


def kerncijfers(ctx: Context) -> None:
    with components.figuur("Kerncijfers"):
        params = dict(regio=ctx.regio, vergelijk=ctx.vergelijk)
        st.html(db.view(views.kerncijfer_kaarten, "kerncijfers", ctx.vergelijk_naam,
                        tuple(definities.DEFINITIES.items()), **params))
        with st.expander("Kerncijfers als tabel"):
            tabel = db.view(views.kerncijfer_tabel, "kerncijfers", **params)
            st.dataframe(tabel, hide_index=True, width="stretch", column_config={
                "Regio": ctx.regio_naam, "Vergelijking": ctx.vergelijk_naam,
                "Peildatum vergelijking": f"Peildatum {ctx.vergelijk_naam}"})
            components.downloads(db.view(views.kerncijfer_export, "kerncijfers", **params),
                                 f"kerncijfers_{ctx.regio}", "zie kolommen regio_bron en vergelijk_bron",
                                 "zie kolommen regio_peildatum en vergelijk_peildatum", key="kerncijfers")


def eerdere_stukken(ctx: Context) -> None:
    with components.figuur("Cijfers uit eerdere stukken"):
        eerder = db.query("eerdere_stukken", regio=ctx.regio, vergelijk=ctx.vergelijk)
        if not eerder.empty:
            components.gegevens(db.view(views.eerdere_stukken_tabel, "eerdere_stukken", regio=ctx.regio,
                                        vergelijk=ctx.vergelijk),
                                eerder, f"eerdere_stukken_{ctx.regio}", "zie kolom bron", "zie kolom peildatum",
                                key="eerder", label="Cijfers uit eerdere stukken (2021-2024): krapte, bijstand, "
                                                    "Banenafspraak")


def gwu_uitkering(ctx: Context) -> None:
    with components.figuur("Uitkering van de werkzoekenden"):
        uitk = db.query("gwu_uitkering", regio=ctx.regio)
        if not uitk.empty:
            titel, zin = samenvatting.gwu_uitkering(db.view(db.records, "gwu_uitkering", regio=ctx.regio),
                                                    ctx.regio_naam)
            components.kop(titel, zin, definities.GWU)
            bron, peildatum = uitk["bron"].iloc[0], uitk["peildatum"].iloc[0]
            components.bronregel(bron, peildatum)
            components.gegevens(uitk, uitk, f"gwu_uitkering_{ctx.regio}", bron, peildatum, key="gwu-uitkering")


def ww_totaal(ctx: Context) -> None:
    with components.figuur("WW-totaal"):
        totaal = db.view(db.records, "ww_totaal", regio=ctx.regio, vergelijk=ctx.vergelijk)
        st.markdown(samenvatting.ww_totaal(totaal, ctx.regio, ctx.regio_naam, ctx.vergelijk, ctx.vergelijk_naam))


def ww_jongeren(ctx: Context) -> None:
    with components.figuur("Jongeren in de WW"):
        jong = db.query("ww_jongeren", regio=ctx.regio)
        if not jong.empty:
            titel, zin = samenvatting.ww_jongeren(db.view(db.records, "ww_jongeren", regio=ctx.regio), ctx.regio_naam)
            components.kop(titel, zin, "Jongeren: jonger dan 27 jaar. Startkwalificatie: een diploma op ten minste "
                                       "mbo-2, havo of vwo-niveau.")
            bron, peildatum = jong["bron"].iloc[0], jong["peildatum"].iloc[0]
            components.bronregel(bron, peildatum)
            components.gegevens(jong, jong, f"ww_jongeren_{ctx.regio}", bron, peildatum, key="ww-jongeren")


def bevolking_kaarten(ctx: Context) -> None:
    with components.figuur("Bevolking en beroepsbevolking"):
        kaarten = db.query("bevolking_kaarten", regio=ctx.regio)
        st.markdown(samenvatting.bevolking(db.view(db.records, "bevolking_kaarten", regio=ctx.regio), ctx.regio_naam))
        st.html(db.view(views.kaarten, "bevolking_kaarten", regio=ctx.regio))
        components.gegevens(kaarten, kaarten, f"bevolking_{ctx.regio}", "zie kolom bron", "zie kolom peildatum",
                            key="bevolking")


def onbenut(ctx: Context) -> None:
    with components.figuur("Onbenut arbeidspotentieel"):
        rijen = db.view(db.records, "onbenut", regio=ctx.regio)
        if not rijen:
            return
        titel, zin = samenvatting.onbenut(rijen, ctx.regio_naam)
        components.kop(titel, zin, definities.ONBENUT)
        delen = [r for r in rijen if not r["is_totaal"]]
        components.grafiek(charts.staaf, [r["categorie"] for r in delen], [r["waarde"] for r in delen],
                           "Onbenut arbeidspotentieel", hoogte=220, key="onbenut")
        context_zin = samenvatting.onbenut_context(
            db.view(db.records, "onbenut_context", vergelijk=ctx.vergelijk), ctx.vergelijk_naam)
        if context_zin:
            st.markdown(context_zin)
        components.bronregel(rijen[0]["bron"], rijen[0]["peildatum"])
        components.gegevens(db.view(views.kolommen, "onbenut", "categorie", "waarde", "eenheid", regio=ctx.regio),
                            db.query("onbenut", regio=ctx.regio), f"onbenut_{ctx.regio}",
                            rijen[0]["bron"], rijen[0]["peildatum"], key="onbenut")


def banen(ctx: Context) -> None:
    with components.figuur("Banen"):
        rijen = db.view(views.banen, "banen", regio=ctx.regio)
        if not rijen:
            return
        titel, zin = samenvatting.banen(rijen, ctx.regio_naam)
        components.kop(titel, zin, definities.BANEN)
        components.grafiek(charts.banen_staaf, [r["jaar"] + (" (prognose)" if r["is_prognose"] else "") for r in rijen],
                           [r["werknemers"] for r in rijen], [r["zelfstandigen"] for r in rijen],
                           [r["is_prognose"] for r in rijen], key="banen")
        afwijkend = [r for r in rijen if r["totaal"] is not None and r["som"] != r["totaal"]]
        if afwijkend:
            st.caption("Let op: het gedrukte totaal wijkt af van werknemers + zelfstandigen in "
                       + ", ".join(f"{r['jaar']} ({fmt.getal(r['totaal'])} gedrukt, som {fmt.getal(r['som'])})"
                                   for r in afwijkend)
                       + ". Groei en aandelen hier zijn berekend uit de gedrukte totalen; zie Bronnen en actualiteit.")
        components.bronregel(rijen[0]["bron"], rijen[0]["peildatum"])
        components.gegevens(db.view(views.banen_tabel, "banen", regio=ctx.regio), db.query("banen", regio=ctx.regio),
                            f"banen_{ctx.regio}", rijen[0]["bron"], rijen[0]["peildatum"], key="banen")


def banen_context(ctx: Context) -> None:
    with components.figuur("Ontwikkelingen"):
        rijen = db.view(db.records, "banen_context", regio=ctx.regio, vergelijk=ctx.vergelijk)
        if not rijen:
            return
        st.markdown("#### Ontwikkelingen in de tekst van de analyse")
        for r in rijen:
            naam = ctx.regio_naam if r["regio_code"] == ctx.regio else ctx.vergelijk_naam
            wat = "banen in de " + r["categorie"].lower() if r["indicator"] == "werknemersbanen" else "aantal zzp’ers"
            st.markdown(f"- {naam}, {fmt.periode(r['periode'], r['periode_type'])}: {wat} "
                        f"{fmt.met_teken(fmt.waarde(r['waarde'], r['eenheid']), r['waarde'])} ({r['kwalificatie']}). "
                        f"Bron: {r['bron']} · Peildatum: {r['peildatum']}")
