"""Shaping of the monitor's query results for tables, sentences and charts:
pure functions of one DataFrame (cached per build through db.view)."""
from __future__ import annotations

import pandas as pd

from dashboard.kern import format as fmt
from dashboard.kern.db import records
from werkenaanwerk import definities as d


def _leeg(x) -> bool:
    return x is None   # rows come through db.records: SQL NULL is None


def _getal(x) -> str:
    return fmt.LEEG if _leeg(x) else fmt.getal(x)


def _int(x):
    return None if _leeg(x) else int(x)


def kwartalen(df: pd.DataFrame) -> list[str]:
    return list(df["kwartaal"])


def label(code: str | None) -> str:
    return d.kwartaal_label(code) if isinstance(code, str) and code else fmt.LEEG


def totaal(df: pd.DataFrame, tot: str) -> tuple[str, str, tuple, tuple]:
    """Title, sentence, kwartaal labels and cumulative series for all projects together."""
    if df.empty:
        return (f"Nog geen resultaten tot en met {label(tot)}", "Er zijn voor deze periode geen cijfers ingevoerd.",
                (), ())
    laatste = df.iloc[-1]
    gestart, werk, opl = (_int(laatste[k]) for k in ("cum_gestart", "cum_uitstroom_werk", "cum_uitstroom_opleiding"))
    titel = (f"Tot en met {label(laatste['kwartaal'])} {_getal(gestart)} deelnemers gestart, "
             f"{_getal(werk)} uitgestroomd naar werk")
    zin = (f"Over {len(df)} kwarta{'al' if len(df) == 1 else 'len'} ({label(df['kwartaal'].iloc[0])} tot en met "
           f"{label(laatste['kwartaal'])}) zijn in alle projecten samen {_getal(gestart)} deelnemers gestart; "
           f"{_getal(werk)} stroomden uit naar werk en {_getal(opl)} naar een opleiding; "
           f"{_getal(_int(laatste['cum_uitgevallen']))} vielen uit. Eind {label(laatste['kwartaal'])} waren er "
           f"{_getal(_int(laatste['nog_in_traject']))} nog in traject.")
    reeksen = tuple((d.LABELS[k], tuple(_int(v) or 0 for v in df[f"cum_{k}"]))
                    for k in ("gestart", "uitstroom_werk", "uitstroom_opleiding"))
    return titel, zin, tuple(label(k) for k in df["kwartaal"]), reeksen


def _doel_tekst(r: dict, veld: str) -> str:
    doel = r[f"doel_{veld}"]
    return fmt.LEEG if _leeg(doel) else f"{fmt.getal(doel)} {r['doel_periode'] or ''}".strip()


def _pct(realisatie, doel) -> str:
    if _leeg(doel) or _leeg(realisatie) or not doel:
        return fmt.LEEG
    return fmt.procent(100 * realisatie / doel, 0)


def overzicht_tabel(df: pd.DataFrame) -> pd.DataFrame:
    rijen = records(df)
    return pd.DataFrame({
        "Project": [r["naam"] for r in rijen],
        "Status": ["niet vermeld" if _leeg(r["status"]) else r["status"] for r in rijen],
        "Laatste kwartaal": [label(r["laatste_kwartaal"]) for r in rijen],
        "Gestart (cumulatief)": [_getal(r["cum_gestart"]) for r in rijen],
        "Doel deelnemers": [_doel_tekst(r, "deelnemers") for r in rijen],
        "Gestart t.o.v. doel": [_pct(r["realisatie_deelnemers_doel"], r["doel_deelnemers"]) for r in rijen],
        "Uitstroom werk (cumulatief)": [_getal(r["cum_uitstroom_werk"]) for r in rijen],
        "Doel uitstroom werk": [_doel_tekst(r, "uitstroom_werk") for r in rijen],
        "Uitstroom opleiding (cumulatief)": [_getal(r["cum_uitstroom_opleiding"]) for r in rijen],
        "Nog in traject": [_getal(r["nog_in_traject"]) for r in rijen],
    })


def met_doel(df: pd.DataFrame) -> tuple[tuple, tuple, tuple]:
    """Projects with a deelnemers target and results in the target's period: names, realisation,
    target. Without results there is no realisation to show (not 0)."""
    rijen = [r for r in records(df)
             if not _leeg(r["doel_deelnemers"]) and not _leeg(r["realisatie_deelnemers_doel"])]
    return (tuple(f"{r['naam']} (doel {r['doel_periode'] or ''})".replace(" ()", "") for r in rijen),
            tuple(_int(r["realisatie_deelnemers_doel"]) or 0 for r in rijen),
            tuple(float(r["doel_deelnemers"]) for r in rijen))


def project_reeks(df: pd.DataFrame, project_id: str) -> dict | None:
    """One project's kwartalen with the cumulative realisation that counts for its target."""
    rijen = [r for r in records(df) if r["project_id"] == project_id]
    if not rijen:
        return None
    eerste = rijen[0]
    per_jaar = eerste["doel_periode"] == "per jaar"
    soort = "dit kalenderjaar" if per_jaar else "sinds het eerste kwartaal"
    return {
        "kwartalen": tuple(label(r["kwartaal"]) for r in rijen),
        "reeksen": tuple((f"{d.LABELS[k]} ({soort})", tuple(_int(r[f"realisatie_{k2}"]) or 0 for r in rijen))
                         for k, k2 in (("gestart", "deelnemers"), ("uitstroom_werk", "uitstroom_werk"),
                                       ("uitstroom_opleiding", "uitstroom_opleiding"))),
        "doel": None if _leeg(eerste["doel_deelnemers"]) else float(eerste["doel_deelnemers"]),
        "doel_label": f"Doel deelnemers ({eerste['doel_periode']})" if eerste["doel_periode"] else "Doel deelnemers",
    }


def status_tabel(df: pd.DataFrame, vanaf: str, tot: str) -> pd.DataFrame:
    """Every status change up to the monitor; those after the previous monitor marked."""
    rijen = records(df)
    return pd.DataFrame({
        "Project": [r["naam"] for r in rijen],
        "Status": [r["status"] for r in rijen],
        "Vanaf": [label(r["vanaf"]) for r in rijen],
        "Sinds de vorige monitor": ["ja" if vanaf < r["vanaf"] <= tot else "" for r in rijen],
        "Toelichting": [r["toelichting"] or "" for r in rijen],
        "Bron": [r["bron"] if _leeg(r["door"]) else f"ingevoerd door {r['door']} op "
                 f"{fmt.datum_tijd(r['ingevoerd_op'])}" for r in rijen],
    })


def status_kop(df: pd.DataFrame, vorige: str, tot: str, projecten: int) -> tuple[str, str]:
    """Title and sentence: changes since the previous monitor, and each status at the monitor."""
    gewijzigd = int(((df["vanaf"] > vorige) & (df["vanaf"] <= tot)).sum())
    nu = df.sort_values(["vanaf", "volgnummer"]).groupby("project_id").last()
    per_status = {s: list(nu.loc[nu["status"] == s, "naam"]) for s in d.STATUSSEN}
    zin = "; ".join(f"{s}: {', '.join(n)}" for s, n in per_status.items() if n) or "geen status bekend"
    titel = (f"Sinds de vorige monitor (t/m {label(vorige)}): "
             + (f"{gewijzigd} statuswijziging{'en' if gewijzigd != 1 else ''}" if gewijzigd else
                "geen statuswijzigingen"))
    return titel, (f"Status tot en met {label(tot)}: {zin}. Zonder status in de bronnen: {projecten - len(nu)} "
                   "projecten.")


def krapte_tabel(df: pd.DataFrame) -> pd.DataFrame:
    rijen = records(df)
    return pd.DataFrame({
        "Project": [r["naam"] for r in rijen],
        "Beroepsklasse": [r["beroepsklasse"] or "niet vastgelegd" for r in rijen],
        "Koppeling": [r["beroepsklasse_toelichting"] or "" for r in rijen],
        "Openstaande vacatures": [_getal(r["vacatures"]) for r in rijen],
        "WW-uitkeringen": [_getal(r["ww_uitkeringen"]) for r in rijen],
        "Vacatures per WW-uitkering": [fmt.LEEG if _leeg(r["vacatures_per_ww"]) else fmt.getal(r["vacatures_per_ww"], 2)
                                       for r in rijen],
        "Mismatch": [r["mismatch"] or fmt.LEEG for r in rijen],
    })


def waarden_tabel(df: pd.DataFrame) -> pd.DataFrame:
    """Result records (current, as of a date, or a figure's history) as a readable table."""
    rijen = records(df)
    uit = {"Project": [r["naam"] for r in rijen], "Kwartaal": [label(r["kwartaal"]) for r in rijen]}
    uit.update({d.LABELS[k]: [_getal(r[k]) for r in rijen] for k in d.VELDEN})
    uit["Ingevoerd door"] = [r["door"] for r in rijen]
    uit["Ingevoerd op"] = [fmt.datum_tijd(r["geldig_vanaf"]) for r in rijen]
    if "geldig_tot" in df.columns:
        uit["Vervangen op"] = [fmt.LEEG if _leeg(r["geldig_tot"]) else fmt.datum_tijd(r["geldig_tot"]) for r in rijen]
        uit["Verwijderd"] = ["ja" if r["verwijderd"] else "" for r in rijen]
    uit["Via"] = [r["via"] for r in rijen]
    return pd.DataFrame(uit)
