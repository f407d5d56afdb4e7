"""Figure blocks shared by pages (and later by the Analyse arbeidsmarkt
presentation): each takes the page context, queries, shapes, and renders
title + summary + chart + bron/peildatum + table/download. Where two pages
show the same thing they call the same block."""
from __future__ import annotations

import streamlit as st

from dashboard.figuren import charts
from dashboard.kern import components
from dashboard.kern import db
from dashboard.figuren import definities
from dashboard.figuren import figuur as figuren
from dashboard.figuren import samenvatting
from dashboard.figuren import views
from dashboard.kern import format as fmt
from dashboard.kern.context import Context



def demografische_druk(ctx: Context) -> None:
    with components.figuur("Groene en grijze druk"):
        components.toon(figuren.demografische_druk(ctx), key="druk")


def verdeling(ctx: Context, indicator: str, dimensie: str, onderwerp: str, definitie: str,
              key: str, vergelijk_label: str | None = None) -> None:
    """An indicator's distribution over a dimension, region beside comparison (Tabel 1, 2, 3, 5)."""
    with components.figuur(f"{onderwerp} naar {fmt.dimensie(dimensie)}"):
        components.toon(figuren.verdeling(ctx, indicator, dimensie, onderwerp, definitie, key, vergelijk_label),
                        key=key, leeg=f"Geen gegevens over {onderwerp} naar {fmt.dimensie(dimensie)} "
                                      f"voor {ctx.regio_naam}.")


def mismatch(ctx: Context) -> None:
    with components.figuur("Mismatch"):
        components.toon(figuren.mismatch(ctx), key="mismatch",
                        leeg=f"Geen vacatures en WW-uitkeringen per beroepsklasse voor {ctx.regio_naam}.")
        st.markdown(definities.SPANNING_UITLEG)


def vacatures(ctx: Context) -> None:
    with components.figuur("Vacatures per beroepsklasse"):
        components.toon(figuren.vacatures(ctx), key="vacatures",
                        leeg=f"Geen openstaande vacatures per beroepsklasse voor {ctx.regio_naam}.")


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
        components.toon(figuren.onbenut(ctx), key="onbenut")


def banen(ctx: Context) -> None:
    with components.figuur("Banen"):
        components.toon(figuren.banen(ctx), key="banen")


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
