"""The outcome of the last refresh, written by etl.refresh next to the warehouse."""
from __future__ import annotations

import json

from basis import instellingen as settings
from dashboard.kern.geheugen import eenmalig


def laatste_verversing() -> dict | None:
    path = settings.status_path()
    try:
        return json.loads(path.read_text())
    except FileNotFoundError:
        return None
    except (json.JSONDecodeError, OSError) as exc:
        return {"gelukt": False, "melding": f"statusbestand {path.name} is onleesbaar: {exc}"}


def cbs_tabel(laatste: dict | None):
    """Per catalog table: last attempt, outcome, reason, last good fetch. Made once per content of the status
    file and the catalog, and then the same frame (read-only), so the page's HTML table of it is made once too
    (components.tabel keeps it per frame) instead of in every rerun."""
    from etl import catalog

    tabellen = tuple((ds.table_id, ds.titel, ds.frequentie) for ds in catalog.read())
    return _cbs_tabel(json.dumps((laatste or {}).get("bronnen", {}), sort_keys=True, default=str), tabellen)


@eenmalig(maxsize=8)
def _cbs_tabel(bronnen_json: str, tabellen: tuple):
    import pandas as pd

    from dashboard.kern import format as fmt

    bronnen = json.loads(bronnen_json)
    rijen = []
    for table_id, titel, frequentie in tabellen:
        b = bronnen.get(table_id)
        rijen.append({
            "Tabel": table_id, "Titel": titel, "Frequentie": frequentie,
            "Laatste poging": fmt.datum_tijd(b["laatste_poging"]) if b else "nog nooit",
            "Gelukt": ("ja" if b["gelukt"] else "nee") if b else fmt.LEEG,
            "Melding": b["melding"] if b else "",
            "Laatste geslaagde ophaling": fmt.datum_tijd(b["laatste_succes"]) if b and b.get("laatste_succes")
            else "nog nooit",
        })
    return pd.DataFrame(rijen)


def toon_verversing() -> None:
    """The outcome of the last refresh and, per CBS table, the last fetch (from the status file, not the
    warehouse: a failed refresh leaves the warehouse as it was)."""
    import streamlit as st

    from dashboard.kern import components
    from dashboard.kern import format as fmt

    st.subheader("Laatste verversing")
    laatste = laatste_verversing()
    if laatste is None:
        st.info("Er is nog geen verversing geregistreerd. " + components.REFRESH_HINT)
    elif laatste.get("gelukt"):
        st.success(f"De laatste verversing is gelukt op {fmt.datum_tijd(laatste.get('laatste_poging'))}.")
    else:
        st.error(f"De laatste verversing is **mislukt** op {fmt.datum_tijd(laatste.get('laatste_poging'))}: "
                 f"{laatste.get('melding')}  \nHet dashboard toont de gegevens van de laatste geslaagde build "
                 f"({fmt.datum_tijd(laatste.get('laatste_succes'))}).")
    for soort, regel in monitor(laatste):
        {"ok": st.success, "bezig": st.info}.get(soort, st.warning)(f"Monitor Werken aan Werk: {regel}")
    eerste_verversing()
    st.subheader("CBS StatLine")
    components.tabel(cbs_tabel(laatste), "CBS-tabellen: laatste ophaling")   # HTML table (issue 15)
    st.caption("Haal de CBS-tabellen op met `python -m etl.refresh`; `--list` toont de catalogus. Mislukt een "
               "tabel, dan blijft de vorige opname in gebruik en staat de reden hier.")


def monitor(laatste: dict | None) -> list[tuple[str, str]]:
    """The Werken aan Werk monitor's entry: the last save and the background
    rebuild after it, as (soort: ok|let_op|bezig, Dutch sentence)."""
    from dashboard.kern import format as fmt

    m = (laatste or {}).get("monitor")
    if not m:
        return []
    regels = []
    if m.get("laatste_poging"):
        wie = f" door {m['door']}" if m.get("door") else ""
        regels.append(("ok" if m.get("gelukt") else "let_op",
                       f"Laatste invoer ({m.get('wat', 'wijziging')}{wie}, {fmt.datum_tijd(m['laatste_poging'])}): "
                       f"{m.get('melding', '')}"))
    v = m.get("verversen") or {}
    if v.get("status") == "bezig":
        regels.append(("bezig", f"Het datawarehouse wordt bijgewerkt met de ingevoerde cijfers (gestart "
                                f"{fmt.datum_tijd(v.get('gestart'))})."))
    elif v.get("status") == "klaar":
        regels.append(("ok", f"Verversen na invoer gelukt op {fmt.datum_tijd(v.get('laatste_poging'))}."))
    elif v.get("status") == "mislukt":
        regels.append(("let_op", f"Verversen na invoer **mislukt** op {fmt.datum_tijd(v.get('laatste_poging'))}: "
                                 f"{v.get('melding')}. De cijfers zijn opgeslagen; draai "
                                 "`python -m etl.refresh --offline`."))
    return regels


def eerste_verversing() -> None:
    """The background refresh at the first start (beheer.eerste_verversing): its progress and outcome."""
    import streamlit as st

    from beheer import eerste_verversing as ev
    from dashboard.kern import format as fmt

    s = ev.stand()
    status = s.get("status")
    if not status:
        return
    sinds = fmt.datum_tijd(s.get("gestart"))
    if status in ("controleren", "bezig"):
        wat = f"stap {s['stap']} van {s['van']}: {s['tabel']}" if s.get("tabel") else "CBS bereikbaar?"
        st.info(f"Eerste verversing met netwerk, gestart {sinds}: bezig ({wat}). De pagina's tonen de nieuwe "
                "cijfers bij de volgende klik nadat het datawarehouse is gebouwd.")
        if s.get("tabel"):
            st.progress(min(1.0, (s["stap"] - 1) / s["van"]), text=f"{s['stap'] - 1} van {s['van']} stappen klaar")
    elif status == "afgebroken":
        st.warning(f"Eerste verversing met netwerk, gestart {sinds}: {s.get('melding')}. Of draai "
                   "`python -m etl.refresh`.")
    elif status == "offline":
        st.warning(f"Eerste verversing met netwerk ({fmt.datum_tijd(s.get('laatste_poging'))}): {s.get('melding')}. "
                   "Het dashboard toont de meegeleverde cijfers; de vergelijking van regio's en de kaarten komen "
                   "na `python -m etl.refresh` met netwerk, of vanzelf bij de volgende start. "
                   "`VERVERSEN_BIJ_START=0` zet dit bij de start uit.")
    else:
        opgehaald = s.get("opgehaald") or []
        tekst = (f"Eerste verversing met netwerk ({fmt.datum_tijd(s.get('laatste_poging'))}): "
                 f"{len(opgehaald)} bron(nen) opgehaald" + (f" ({', '.join(opgehaald)})" if opgehaald else "")
                 + (f". {s['melding']}." if s.get("melding") else "."))
        (st.success if status == "klaar" and not s.get("code") else st.warning)(tekst)
