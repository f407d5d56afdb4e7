"""Shaping of query results for display: pure functions DataFrame -> what a
page shows, computed once per build through db.view()."""
from __future__ import annotations

import pandas as pd

from dashboard.figuren.definities import spanningsband
from dashboard.figuren.samenvatting import categorie
from dashboard.kern import format as fmt
from dashboard.kern.db import records


def verandering(r: dict) -> str:
    """A tile's change since the previous period of the same source, the period named
    ('+120 (+3,4%) sinds vorig kwartaal (Q2 2025)'); '' without a previous period."""
    from dashboard.figuren import sinds
    if not isinstance(r.get("regio_vorige_periode"), str):
        return ""
    tekst = sinds.verschil(r["regio_waarde"], r["regio_vorige_waarde"], r["eenheid"])
    if not tekst:
        return ""
    vorig = fmt.periode(r["regio_vorige_periode"], r["regio_vorige_periode_type"])
    return f"{tekst} {sinds.sinds(r['regio_vorige_periode'], r['regio_periode'], vorig)}"


def kerncijfer_tabel(df: pd.DataFrame) -> pd.DataFrame:
    """The kerncijfers as an accessible table with Dutch-formatted values."""
    return pd.DataFrame({
        "Kerncijfer": df["kerncijfer"],
        "Regio": [fmt.waarde(v, e) for v, e in zip(df["regio_waarde"], df["eenheid"], strict=False)],
        "Verandering": [verandering(r) or fmt.LEEG for r in df.to_dict("records")],
        "Peildatum": df["regio_peildatum"],
        "Vergelijking": [fmt.waarde(v, e) for v, e in zip(df["vergelijk_waarde"], df["eenheid"], strict=False)],
        "Peildatum vergelijking": df["vergelijk_peildatum"],
        "Bron": df["regio_bron"],
    })


def kerncijfer_export(df: pd.DataFrame) -> pd.DataFrame:
    return df[["kerncijfer", "eenheid", "regio_waarde", "regio_peildatum", "regio_bron", "regio_vorige_waarde",
               "regio_vorige_periode", "vergelijk_waarde", "vergelijk_peildatum", "vergelijk_bron"]]


def waarden_per_indicator_regio(df: pd.DataFrame) -> dict:
    return {(r["indicator"], r["regio_code"]): r["waarde"] for r in df.to_dict("records")}


KAART_CSS = """
<style>
.kc-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.9rem; margin: 0.3rem 0 1rem; }
.kc-card { border: 1px solid #d5dbe1; border-radius: 0.6rem; padding: 0.8rem 1rem; background: #fff; }
.kc-label { font-size: 0.95rem; color: #3e4c59; }
.kc-help { display: inline; margin-left: 0.35rem; }
.kc-help summary { cursor: pointer; display: inline-block; width: 1.25rem; height: 1.25rem; line-height: 1.2rem;
           border: 1px solid #52606d; border-radius: 50%; text-align: center; font-size: 0.8rem;
           color: #3e4c59; list-style: none; }
.kc-help summary::-webkit-details-marker { display: none; }
.kc-help[open] > div { font-size: 0.9rem; color: #3e4c59; margin: 0.3rem 0; }
.kc-value { font-size: 2.1rem; line-height: 1.25; color: #1f2933; font-weight: 600; margin: 0.15rem 0; }
.kc-qual, .kc-bron { font-size: 0.85rem; color: #616e7c; }
.kc-delta { font-size: 0.9rem; color: #3e4c59; }
.kc-vergelijk { font-size: 1rem; margin: 0.35rem 0; color: #1f2933; }
.kc-let-op { font-size: 0.85rem; color: #b44d00; margin-top: 0.3rem; }
</style>
"""


def _periode(code, soort) -> str:
    return fmt.periode(code, soort) if isinstance(code, str) else fmt.LEEG


def kerncijfer_kaarten(df: pd.DataFrame, vergelijk_naam: str, definities: tuple) -> str:
    """The kerncijfers as one HTML grid of cards (one Streamlit element
    instead of ~50: the page renders in a third of the time)."""
    from html import escape

    uitleg = dict(definities)
    kaarten = []
    for r in df.to_dict("records"):
        delen = []
        help_tekst = uitleg.get(r["kerncijfer"])
        # a <details>: reachable and opened by keyboard and read by screen readers (a title= tooltip is not)
        help_html = (f'<details class="kc-help"><summary title="Definitie" aria-label="Definitie van '
                     f'{escape(r["kerncijfer"])}">i</summary><div>{escape(help_tekst)}</div></details>'
                     if help_tekst else "")
        delen.append(f'<div class="kc-label">{escape(r["kerncijfer"])}{help_html}</div>')
        delen.append(f'<div class="kc-value">{escape(fmt.waarde(r["regio_waarde"], r["eenheid"]))}</div>')
        if isinstance(r["regio_kwalificatie"], str):
            delen.append(f'<div class="kc-qual">{escape(r["regio_kwalificatie"])}</div>')
        if verandering(r):
            delen.append(f'<div class="kc-delta">{escape(verandering(r))}</div>')
        vergelijk = fmt.waarde(r["vergelijk_waarde"], r["eenheid"])
        if vergelijk == fmt.LEEG:
            delen.append(f'<div class="kc-vergelijk">{escape(vergelijk_naam)}: niet in de bronnen</div>')
        else:
            periode = _periode(r["vergelijk_periode"], r["vergelijk_periode_type"])
            delen.append(f'<div class="kc-vergelijk">{escape(vergelijk_naam)}: <b>{escape(vergelijk)}</b> '
                         f'({escape(periode)})</div>')
        if isinstance(r["regio_bron"], str):
            delen.append(f'<div class="kc-bron">Bron: {escape(r["regio_bron"])} · '
                         f'Peildatum: {escape(r["regio_peildatum"])}</div>')
        if isinstance(r["afwijking_omschrijving"], str):
            verschil = fmt.met_teken(fmt.getal(r["afwijking_verschil"]), r["afwijking_verschil"])
            delen.append(f'<div class="kc-let-op">Let op: {escape(r["afwijking_omschrijving"])} is '
                         f'{escape(fmt.getal(r["afwijking_vergelijking"]))} (verschil {escape(verschil)}); '
                         'zie Bronnen en actualiteit.</div>')
        kaarten.append('<div class="kc-card" role="listitem">' + "".join(delen) + "</div>")
    return KAART_CSS + '<div class="kc-grid" role="list">' + "".join(kaarten) + "</div>"


def bronnen_tabel(df: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame({
        "Dataset": df["titel"], "Bron": df["bron"], "Peildatum": df["peildatum"],
        "Vindplaats": df["vindplaats"], "Bestand": df["bestand"], "Rijen": df["rijen"],
        "Gebouwd": [fmt.datum_tijd(x) for x in df["built_at"]],
    })


def afwijkingen_tabel(df: pd.DataFrame) -> pd.DataFrame:
    """The source's discrepancies, Dutch-formatted; growth in % where it is a percentage."""
    eenheid = ["procent" if m == "groei_procent" else None for m in df["maat"]]
    return pd.DataFrame({
        "Vindplaats": df["vindplaats"],
        "Regio": df["regio_code"],
        "Periode": df["periode"],
        "Onderwerp": [f"{c} ({fmt.dimensie(d)})" for c, d in zip(df["categorie"], df["dimensie"], strict=False)],
        "Gedrukt": df["waarde_omschrijving"],
        "Waarde": [fmt.waarde(v, e) for v, e in zip(df["waarde"], eenheid, strict=False)],
        "Vergeleken met": df["vergelijking_omschrijving"],
        "Waarde vergelijking": [fmt.waarde(v, e) for v, e in zip(df["vergelijking"], eenheid, strict=False)],
        "Verschil": [fmt.met_teken(fmt.waarde(v, e), v) for v, e in zip(df["verschil"], eenheid, strict=False)],
    })


def _pct(berekend, gedrukt):
    """A share to show: computed from the counts where there are counts, else as printed."""
    return berekend if berekend is not None else gedrukt


def verdeling_records(df: pd.DataFrame) -> list[dict]:
    rows = []
    for r in records(df):
        r = dict(r)
        r["regio_pct"] = _pct(r["regio_aandeel_berekend"], r["regio_aandeel"])
        r["vergelijk_pct"] = _pct(r["vergelijk_aandeel_berekend"], r["vergelijk_aandeel"])
        r["verschil_pp"] = (r["regio_pct"] - r["vergelijk_pct"]
                            if r["regio_pct"] is not None and r["vergelijk_pct"] is not None else None)
        r["beroepsklasse_label"] = r["categorie"]
        rows.append(r)
    return rows


def verdeling_tabel(df: pd.DataFrame, regio_naam: str, vergelijk_naam: str) -> pd.DataFrame:
    """Counts, printed shares and shares computed from the counts, region beside comparison."""
    rows = verdeling_records(df)
    kolommen = {
        "Categorie": [categorie(r["categorie"]) for r in rows],
        f"{regio_naam}: aantal": [fmt.getal(r["regio_aantal"]) for r in rows],
        f"{regio_naam}: aandeel (gedrukt)": [fmt.procent(r["regio_aandeel"]) for r in rows],
        f"{regio_naam}: aandeel (berekend)": [fmt.procent(r["regio_aandeel_berekend"], 1) for r in rows],
    }
    if any(r["regio_jaarmutatie"] is not None for r in rows):
        kolommen[f"{regio_naam}: jaarmutatie"] = [fmt.met_teken(fmt.procent(r["regio_jaarmutatie"]), r["regio_jaarmutatie"])
                                                 for r in rows]
    if any(r["vergelijk_aantal"] is not None for r in rows):
        kolommen[f"{vergelijk_naam}: aantal"] = [fmt.getal(r["vergelijk_aantal"]) for r in rows]
    kolommen[f"{vergelijk_naam}: aandeel (gedrukt)"] = [fmt.procent(r["vergelijk_aandeel"]) for r in rows]
    if any(r["vergelijk_aandeel_berekend"] is not None for r in rows):
        kolommen[f"{vergelijk_naam}: aandeel (berekend)"] = [fmt.procent(r["vergelijk_aandeel_berekend"], 1)
                                                             for r in rows]
    if any(r["vergelijk_jaarmutatie"] is not None for r in rows):
        kolommen[f"{vergelijk_naam}: jaarmutatie"] = [
            fmt.met_teken(fmt.procent(r["vergelijk_jaarmutatie"]), r["vergelijk_jaarmutatie"]) for r in rows]
    return pd.DataFrame(kolommen)


def verdeling_export(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["categorie", "regio_aantal", "regio_aandeel", "regio_aandeel_berekend", "regio_jaarmutatie",
            "vergelijk_aantal", "vergelijk_aandeel", "vergelijk_aandeel_berekend", "vergelijk_jaarmutatie",
            "periode", "peildatum"]
    return df[[c for c in cols if c in df.columns]]


def mismatch_records(df: pd.DataFrame) -> list[dict]:
    return [dict(r) for r in records(df)]


def mismatch_tabel(df: pd.DataFrame) -> pd.DataFrame:
    rows = mismatch_records(df)
    return pd.DataFrame({
        "Beroepsklasse": [r["beroepsklasse"] for r in rows],
        f"Openstaande vacatures ({rows[0]['vacatures_peildatum'] if rows else ''})":
            [fmt.getal(r["vacatures"]) for r in rows],
        f"WW-uitkeringen ({rows[0]['ww_peildatum'] if rows else ''})": [fmt.getal(r["ww_uitkeringen"]) for r in rows],
        "Vacatures per WW-uitkering": [fmt.getal(r["vacatures_per_ww"], 2) if r["vacatures_per_ww"] is not None
                                       else ("geen WW" if r["ww_uitkeringen"] == 0 else fmt.LEEG) for r in rows],
        "Verschil (vacatures - WW)": [fmt.met_teken(fmt.getal(r["verschil"]), r["verschil"]) for r in rows],
        "Spanning (benadering)": [spanningsband(r["vacatures_per_ww"]) or fmt.LEEG for r in rows],
        "Mismatch": [r["mismatch"] or ("niet ingedeeld" if r["is_rest"] else fmt.LEEG) for r in rows],
    })


def kaarten(df: pd.DataFrame) -> str:
    """Simple figure cards (label, value, qualifier, bron/peildatum) as one HTML grid."""
    from html import escape

    kaart = []
    for r in df.to_dict("records"):
        delen = [f'<div class="kc-label">{escape(r["label"])}</div>',
                 f'<div class="kc-value">{escape(fmt.waarde(r["waarde"], r["eenheid"]))}</div>']
        if isinstance(r.get("kwalificatie"), str):
            delen.append(f'<div class="kc-qual">{escape(r["kwalificatie"])}</div>')
        delen.append(f'<div class="kc-bron">Bron: {escape(r["bron"])} · Peildatum: {escape(r["peildatum"])}</div>')
        kaart.append('<div class="kc-card" role="listitem">' + "".join(delen) + "</div>")
    return KAART_CSS + '<div class="kc-grid" role="list">' + "".join(kaart) + "</div>"


def banen(df: pd.DataFrame) -> list[dict]:
    """Tabel 4 per year with growth and share of zelfstandigen computed from the printed counts."""
    rows = [dict(r) for r in records(df)]
    vorige = None
    for r in rows:
        r["som"] = (r["werknemers"] or 0) + (r["zelfstandigen"] or 0)
        r["aandeel_zelfstandigen"] = 100.0 * r["zelfstandigen"] / r["totaal"] if r["totaal"] else None
        for soort in ("werknemers", "zelfstandigen", "totaal"):
            if vorige is None or vorige[soort] in (None, 0) or r[soort] is None:
                r[f"groei_{soort}"] = r[f"groei_pct_{soort}"] = None
            else:
                r[f"groei_{soort}"] = r[soort] - vorige[soort]
                r[f"groei_pct_{soort}"] = 100.0 * (r[soort] - vorige[soort]) / vorige[soort]
        r["vorig_jaar"] = vorige["jaar"] if vorige else None
        vorige = r
    return rows


def banen_tabel(df: pd.DataFrame) -> pd.DataFrame:
    rows = banen(df)
    def groei(r, soort):
        if r[f"groei_{soort}"] is None:
            return fmt.LEEG
        tekst = (f"{fmt.met_teken(fmt.getal(r[f'groei_{soort}']), r[f'groei_{soort}'])} "
                 f"({fmt.met_teken(fmt.procent(r[f'groei_pct_{soort}'], 1), r[f'groei_pct_{soort}'])})")
        gedrukt = r.get(f"groei_{soort}_gedrukt")
        if gedrukt is not None and gedrukt != r[f"groei_{soort}"]:
            tekst += f"; gedrukt {fmt.met_teken(fmt.getal(gedrukt), gedrukt)}"
        return tekst
    return pd.DataFrame({
        "Jaar": [r["jaar"] + (" (prognose)" if r["is_prognose"] else "") for r in rows],
        "Banen werknemers": [fmt.getal(r["werknemers"]) for r in rows],
        "Banen zelfstandigen": [fmt.getal(r["zelfstandigen"]) for r in rows],
        "Totaal (gedrukt)": [fmt.getal(r["totaal"]) for r in rows],
        "Som werknemers + zelfstandigen": [fmt.getal(r["som"]) for r in rows],
        "Aandeel zelfstandigen (berekend)": [fmt.procent(r["aandeel_zelfstandigen"], 1) for r in rows],
        "Aandeel zelfstandigen (gedrukt)": [fmt.procent(r["aandeel_zelfstandigen_gedrukt"], 1) for r in rows],
        "Groei werknemers": [groei(r, "werknemers") for r in rows],
        "Groei zelfstandigen": [groei(r, "zelfstandigen") for r in rows],
        "Groei totaal": [groei(r, "totaal") for r in rows],
    })


def kolommen(df: pd.DataFrame, *namen: str) -> pd.DataFrame:
    """A column selection, made once per build instead of on every rerun."""
    return df[list(namen)]


def inwoners_reeksen(df: pd.DataFrame) -> list[tuple[str, tuple, tuple]]:
    """One (name, periods, values) per area: the region first, then its gemeenten."""
    reeksen = []
    for (naam, _), groep in df.groupby(["regio_naam", "is_regio"], sort=False):
        reeksen.append((naam, tuple(groep["periode"]), tuple(groep["waarde"])))
    return reeksen



INDICATOR_LABELS = {
    "openstaande_vacatures": "Openstaande vacatures", "werklozen": "Werklozen",
    "vacatures_per_100_werklozen": "Vacatures per 100 werklozen", "onbenut_arbeidspotentieel":
    "Onbenut arbeidspotentieel", "bijstand": "Personen in de bijstand", "ww_gerechtigden": "WW-gerechtigden",
    "banenafspraak": "Banenafspraak", "doelgroepregister_werkend": "Doelgroepregister: aan het werk",
}


def eerdere_stukken_tabel(df: pd.DataFrame) -> pd.DataFrame:
    def onderwerp(r):
        label = INDICATOR_LABELS.get(r["indicator"], r["indicator"].replace("_", " "))
        return label if r["categorie"] == "Totaal" else f"{label}: {r['categorie'].lower()}"

    rows = df.to_dict("records")
    return pd.DataFrame({
        "Onderwerp": [onderwerp(r) for r in rows],
        "Gebied": [r["regio_naam"] for r in rows],
        "Waarde": [fmt.met_teken(fmt.waarde(r["waarde"], r["eenheid"]), r["waarde"]) if r["maat"].startswith("groei")
                   else fmt.waarde(r["waarde"], r["eenheid"]) for r in rows],
        "Toelichting": [r["kwalificatie"] or "" for r in rows],
        "Periode": [fmt.periode(r["periode"], r["periode_type"]) for r in rows],
        "Bron": [r["bron"] for r in rows],
        "Vindplaats": [r["vindplaats"] for r in rows],
    })


def leesbaar(df: pd.DataFrame, *kolommen: tuple[str, str]) -> pd.DataFrame:
    """A display table: the chosen columns under Dutch headers (pairs of column and header)."""
    namen = dict(kolommen)
    uit = df[list(namen)].rename(columns=namen)
    for kolom in uit.columns:   # an empty text cell is empty, never 'nan'
        if not pd.api.types.is_numeric_dtype(uit[kolom]):
            uit[kolom] = uit[kolom].astype(object).where(uit[kolom].notna(), "")
    return uit
