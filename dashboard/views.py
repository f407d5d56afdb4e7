"""Shaping of query results for display: pure functions DataFrame -> what a
page shows, computed once per build through db.view()."""
from __future__ import annotations

import pandas as pd

from dashboard import format as fmt


def kerncijfer_tabel(df: pd.DataFrame) -> pd.DataFrame:
    """The kerncijfers as an accessible table with Dutch-formatted values."""
    return pd.DataFrame({
        "Kerncijfer": df["kerncijfer"],
        "Regio": [fmt.waarde(v, e) for v, e in zip(df["regio_waarde"], df["eenheid"])],
        "Peildatum": df["regio_peildatum"],
        "Vergelijking": [fmt.waarde(v, e) for v, e in zip(df["vergelijk_waarde"], df["eenheid"])],
        "Peildatum vergelijking": df["vergelijk_peildatum"],
        "Bron": df["regio_bron"],
    })


def kerncijfer_export(df: pd.DataFrame) -> pd.DataFrame:
    return df[["kerncijfer", "eenheid", "regio_waarde", "regio_peildatum", "regio_bron",
               "vergelijk_waarde", "vergelijk_peildatum", "vergelijk_bron"]]


def waarden_per_indicator_regio(df: pd.DataFrame) -> dict:
    return {(r["indicator"], r["regio_code"]): r["waarde"] for r in df.to_dict("records")}


KAART_CSS = """
<style>
.kc-grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: 0.9rem; margin: 0.3rem 0 1rem; }
.kc-card { border: 1px solid #d5dbe1; border-radius: 0.6rem; padding: 0.8rem 1rem; background: #fff; }
.kc-label { font-size: 0.95rem; color: #3e4c59; }
.kc-help { cursor: help; display: inline-block; width: 1.05rem; height: 1.05rem; line-height: 1.05rem;
           border: 1px solid #7b8794; border-radius: 50%; text-align: center; font-size: 0.7rem;
           color: #52606d; margin-left: 0.35rem; vertical-align: 0.1rem; }
.kc-value { font-size: 2.1rem; line-height: 1.25; color: #1f2933; font-weight: 600; margin: 0.15rem 0; }
.kc-qual, .kc-bron { font-size: 0.85rem; color: #616e7c; }
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
        help_html = (f'<span class="kc-help" title="{escape(help_tekst)}" aria-label="{escape(help_tekst)}">i</span>'
                     if help_tekst else "")
        delen.append(f'<div class="kc-label">{escape(r["kerncijfer"])}{help_html}</div>')
        delen.append(f'<div class="kc-value">{escape(fmt.waarde(r["regio_waarde"], r["eenheid"]))}</div>')
        if isinstance(r["regio_kwalificatie"], str):
            delen.append(f'<div class="kc-qual">{escape(r["regio_kwalificatie"])}</div>')
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
        "Onderwerp": [f"{c} ({fmt.dimensie(d)})" for c, d in zip(df["categorie"], df["dimensie"])],
        "Gedrukt": df["waarde_omschrijving"],
        "Waarde": [fmt.waarde(v, e) for v, e in zip(df["waarde"], eenheid)],
        "Vergeleken met": df["vergelijking_omschrijving"],
        "Waarde vergelijking": [fmt.waarde(v, e) for v, e in zip(df["vergelijking"], eenheid)],
        "Verschil": [fmt.met_teken(fmt.waarde(v, e), v) for v, e in zip(df["verschil"], eenheid)],
    })
