"""The figures of the monitor Werken aan Werk, registered like every other
figure (dashboard.figuren.register): all projects together, realisation
against target, one project per kwartaal, status, and krapte. Each takes the
page's choices tot= (the monitor: up to and including that kwartaal) and,
where it applies, project=. The page, the exports and saved versions draw
the same figures."""
from __future__ import annotations

from datetime import date

import pandas as pd

from dashboard.figuren.figuur import Figuur, grafiek
from dashboard.figuren.register import figuur
from dashboard.kern import db
from dashboard.kern import format as fmt
from dashboard.kern.context import Context
from dashboard.monitor import charts as monitor_charts
from werkenaanwerk import definities as d
from werkenaanwerk import doelen
from werkenaanwerk import voortgang as v

BRON = "Monitor Werken aan Werk, ingevoerd door de projectleiders"
STATUS_BRON = "raadsinformatiebrieven en wijzigingen ingevoerd op het dashboard"
DEFINITIES = " ".join(f"**{label}**: {uitleg}" for label, uitleg in d.VELDEN.values())
DOEL_EENHEID = doelen.EENHEID
GEEN_RESULTATEN = ("**Er zijn nog geen resultaten ingevoerd.** De projecten en hun doelen hieronder komen uit de "
                   "raadsinformatiebrieven en het Programma Werk & Participatie; cijfers per kwartaal verschijnen "
                   "zodra projectleiders ze invoeren op de pagina *Invoer monitor* (of met `python -m etl.monitor "
                   "import`). Het dashboard vult niets zelf in.")
# the page shows the tables without per-figure downloads: its Excel export holds them all (a sheet per view)
TABEL = "Gegevens als tabel (ook in de Excel-export onderaan de pagina)"
KWARTAAL_REEKSEN = ("gestart", "uitstroom_werk", "uitstroom_opleiding", "uitgevallen")


# --- data ----------------------------------------------------------------------------------------------

def label(code: str | None) -> str:
    return d.kwartaal_label(code) if code else fmt.LEEG


def bron(ctx: Context) -> dict:
    return db.rijen("monitor_bron", regio=ctx.regio)[0]


def standaard_tot(ctx: Context) -> str:
    """The monitor shown by default: the latest kwartaal with results, else the current one."""
    return bron(ctx)["laatste_kwartaal"] or d.kwartaal_van(date.today())


def projecten(ctx: Context) -> list[dict]:
    return db.rijen("monitor_projecten", regio=ctx.regio)


def _per_project(df) -> dict[str, list[dict]]:
    per: dict[str, list[dict]] = {}
    for r in db.records(df):
        per.setdefault(r["project_id"], []).append(r)
    return per


def resultaten(ctx: Context, tot: str) -> dict[str, list[dict]]:
    """Per project its kwartalen with results up to the monitor, in order (shaped once per build)."""
    return db.view(_per_project, "monitor_voortgang", regio=ctx.regio, tot=tot)


def bronregel(ctx: Context, tot: str) -> tuple[str, str]:
    b = bron(ctx)
    wie = (f" (laatste wijziging {fmt.datum_tijd(b['laatst_gewijzigd'])} door {b['laatst_door']})"
           if b["laatst_door"] else "")
    if not b["laatste_kwartaal"]:
        return BRON, "nog geen resultaten ingevoerd"
    return BRON + wie, f"t/m {label(min(tot, b['laatste_kwartaal']))}"


def doel_bron(g: dict) -> str:
    """Where a target comes from (a row of monitor_doelen_geldig): a document (name, date) or who typed it in
    and when."""
    if g.get("door"):
        return f"ingevoerd door {g['door']} op {fmt.datum_tijd(g['ingevoerd_op'])}"
    return f"{g['bron']} ({g['bron_peildatum']})" if g.get("bron_peildatum") else str(g["bron"])


def doelen_van(p: dict) -> list[dict]:
    """The targets that hold now for project `p` (several of one kind for periods that do not overlap)."""
    return db.view(_per_project, "monitor_doelen_geldig", regio=p["regio_code"]).get(p["project_id"], [])


def doel_uit_document(p: dict) -> bool:
    return not any(g["door"] for g in doelen_van(p))


def _loopt(s: v.Doelstand, tot: str) -> bool:
    return s.tot is None or s.tot >= tot


def doelstanden(p: dict, rijen: list[dict], tot: str) -> dict[str, v.Doelstand]:
    """Per kind the project's target at the monitor `tot`: of a kind's targets (their periods never overlap)
    the one whose period holds `tot`, else the one that ended last before it; none before a target begins."""
    per_kwartaal = {kolom: {r["kwartaal"]: r[kolom] for r in rijen} for kolom in d.DOELEN.values()}
    uit: dict[str, v.Doelstand] = {}
    for g in doelen_van(p):
        stand = v.doelstand(g["doel"], g["doel_periode"], tot, per_kwartaal[d.DOELEN[g["soort"]]], start=p["start"],
                            einde=p["einde"], doel_van=g["doel_van"], doel_tot=g["doel_tot"], bron=doel_bron(g))
        if stand is None:
            continue
        huidig = uit.get(g["soort"])
        if huidig is None or _loopt(stand, tot) or (not _loopt(huidig, tot) and stand.tot > huidig.tot):
            uit[g["soort"]] = stand
    return {veld: uit[veld] for veld in d.DOELEN if veld in uit}


def doel_per_kwartaal(p: dict, rijen: list[dict]) -> tuple[list[float | None], list[v.Doelstand]]:
    """Per kwartaal of `rijen` the gestart-target pro rata of the target whose period holds it (None where no
    target holds or its period has no end), and those targets in order. Several targets of one kind cover
    different quarters, so the line follows them."""
    gestart = {r["kwartaal"]: r["gestart"] for r in rijen}
    per, gebruikt = [], []
    for r in rijen:
        waarde = None
        for g in doelen_van(p):
            if g["soort"] != "doel_deelnemers":
                continue
            s = v.doelstand(g["doel"], g["doel_periode"], r["kwartaal"], gestart, start=p["start"], einde=p["einde"],
                            doel_van=g["doel_van"], doel_tot=g["doel_tot"])
            if s is not None and s.kwartalen and r["kwartaal"] <= s.tot:
                waarde = s.doel / s.kwartalen
                if (g["volgnummer"], s.van) not in [(x[0], x[1].van) for x in gebruikt]:
                    gebruikt.append((g["volgnummer"], s))
        per.append(waarde)
    return per, [s for _, s in gebruikt]


def doel_geschiedenis(ctx: Context) -> list[str]:
    """For each project whose target changed: every version, oldest first, with its source."""
    per: dict[str, list[dict]] = {}
    for r in db.rijen("monitor_doelen", regio=ctx.regio):
        per.setdefault(r["naam"], []).append(r)
    regels = []
    for naam, rijen in per.items():
        if len(rijen) < 2:
            continue
        versies = []
        for r in rijen:
            delen = [f"{v.getal(r[veld])} {DOEL_EENHEID[veld]}" for veld in d.DOELEN if r[veld] is not None]
            if r["doel_periode"] == "periode" and r.get("doel_van") and r.get("doel_tot"):
                delen.append(f"periode {label(r['doel_van'])} t/m {label(r['doel_tot'])}")
            elif r["doel_periode"]:
                delen.append(r["doel_periode"])
            if r.get("doel_modus") == doelen.ERBIJ:
                delen.append("erbij, naast de andere doelen")
            bron_ = (f"ingevoerd door {r['door']} op {fmt.datum_tijd(r['ingevoerd_op'])}" if r["door"] else
                     f"{r['bron']} ({r['bron_peildatum']})" if r["bron_peildatum"] else str(r["bron"]))
            versies.append(f"{', '.join(delen)} ({bron_})")
        regels.append(f"Doel van {naam} gewijzigd; alle versies, oudste eerst: " + "; ".join(versies) + ".")
    return regels


def programma_geschiedenis(ctx: Context) -> list[str]:
    """For each project whose programme changed: every programme it has been under, oldest first, with who
    entered it and when (the register's own is named as such)."""
    per: dict[str, list[tuple[str, str]]] = {}
    for r in db.rijen("monitor_programmas", regio=ctx.regio):
        versies = per.setdefault(r["naam"], [])
        programma = r["programma"] or d.PROGRAMMA
        if versies and versies[-1][0] == programma:
            continue   # saved again unchanged (a form keeps the field): not a change
        versies.append((programma, f"ingevoerd door {r['door']} op {fmt.datum_tijd(r['ingevoerd_op'])}"
                        if r["door"] else f"projectenregister, {r['bron']}"))
    return [f"Programma van {naam} gewijzigd; alle versies, oudste eerst: "
            + "; ".join(f"{p} ({b})" for p, b in versies) + "." for naam, versies in per.items() if len(versies) > 1]


def status_per_project(ctx: Context, tot: str) -> dict[str, v.Status]:
    per: dict[str, list[tuple[str, str]]] = {}
    for r in db.rijen("monitor_status", regio=ctx.regio, tot=tot):
        per.setdefault(r["project_id"], []).append((r["status"], r["vanaf"]))
    res = resultaten(ctx, tot)
    return {p["project_id"]: v.status_op(per.get(p["project_id"], []), tot, p["start"],
                                         res[p["project_id"]][0]["kwartaal"] if p["project_id"] in res else None)
            for p in projecten(ctx)}


def _standaard(ctx: Context, tot: str | None) -> str:
    return tot or standaard_tot(ctx)


# --- figures -------------------------------------------------------------------------------------------

@figuur("monitor-totaal", "Alle projecten samen", leeg="Voor {regio_naam} zijn nog geen projecten in de monitor.")
def totaal(ctx: Context, tot: str | None = None) -> Figuur | None:
    if not projecten(ctx):
        return None
    tot = _standaard(ctx, tot)
    df = db.query("monitor_totaal", regio=ctx.regio, tot=tot)
    b, p = bronregel(ctx, tot)
    if df.empty:
        return Figuur("monitor-totaal", f"Nog geen resultaten tot en met {label(tot)}", "", b, p,
                      melding=GEEN_RESULTATEN)
    rijen = db.records(df)
    laatste = rijen[-1]
    titel = (f"Tot en met {label(laatste['kwartaal'])} {fmt.getal(laatste['cum_gestart'])} deelnemers gestart, "
             f"{fmt.getal(laatste['cum_uitstroom_werk'])} uitgestroomd naar werk")
    n = len(rijen)
    zin = (f"Over {n} kwarta{'al' if n == 1 else 'len'} ({label(rijen[0]['kwartaal'])} tot en met "
           f"{label(laatste['kwartaal'])}) zijn in alle projecten samen {fmt.getal(laatste['cum_gestart'])} "
           f"deelnemers gestart; {fmt.getal(laatste['cum_uitstroom_werk'])} stroomden uit naar werk en "
           f"{fmt.getal(laatste['cum_uitstroom_opleiding'])} naar een opleiding; "
           f"{fmt.getal(laatste['cum_uitgevallen'])} vielen uit. Cumulatief: opgeteld over alle kwartalen tot en "
           "met het getoonde. Er is geen doel voor alle projecten samen: doelen gelden per project.")
    reeksen = [(d.LABELS[k] + " (cumulatief)", [r[f"cum_{k}"] or 0 for r in rijen])
               for k in ("gestart", "uitstroom_werk", "uitstroom_opleiding")]
    kolommen = {"kwartaal": "Kwartaal", "projecten": "Projecten met cijfers", **{k: d.LABELS[k] for k in d.VELDEN},
                "cum_gestart": "Gestart (cumulatief)", "cum_uitgevallen": "Uitgevallen (cumulatief)",
                "cum_uitstroom_werk": "Uitstroom naar werk (cumulatief)",
                "cum_uitstroom_opleiding": "Uitstroom naar opleiding (cumulatief)"}
    export = df[list(kolommen)].rename(columns=kolommen)
    export["Kwartaal"] = [label(k) for k in df["kwartaal"]]
    tabel = export.copy()
    for kolom in tabel.columns[1:]:
        tabel[kolom] = [fmt.getal(x) for x in tabel[kolom]]
    return Figuur("monitor-totaal", titel, zin, b, p, definitie=DEFINITIES,
                  grafiek=grafiek(monitor_charts.realisatie, [label(r["kwartaal"]) for r in rijen], reeksen,
                                  hoogte=340),
                  tabel=tabel, export=export, tabel_label=TABEL, bestandsnaam=f"monitor_totaal_{ctx.regio}_{tot}")


@figuur("monitor-doel", "Realisatie tegen het doel", leeg="Voor {regio_naam} zijn nog geen projecten in de monitor.")
def tegen_doel(ctx: Context, tot: str | None = None) -> Figuur | None:
    alle = projecten(ctx)
    if not alle:
        return None
    tot = _standaard(ctx, tot)
    res = resultaten(ctx, tot)
    regels, uitleg, namen, real, doelen, verwacht = [], [], [], [], [], []
    met_doel = [p for p in alle if doelen_van(p)]
    for p in alle:
        rijen = res.get(p["project_id"], [])
        standen = doelstanden(p, rijen, tot)
        cum = rijen[-1] if rijen else None
        if not standen:
            regels.append(dict(project=p["naam"], doel=None, eenheid=None, periode=None, doelperiode=None,
                               bron="; ".join(dict.fromkeys(doel_bron(g) for g in doelen_van(p))) or None,
                               realisatie=None, percentage=None, verwacht=None, oordeel=None,
                               cumulatief=None if cum is None else cum["cum_gestart"]))
            continue
        for veld, s in standen.items():
            regels.append(dict(project=p["naam"], doel=s.doel, eenheid=DOEL_EENHEID[veld], periode=s.periode,
                               doelperiode=s.periode_tekst(), bron=s.bron, realisatie=s.realisatie,
                               percentage=None if s.percentage is None else round(s.percentage, 1),
                               verwacht=s.verwacht, oordeel=s.oordeel(),
                               cumulatief=None if cum is None else cum[f"cum_{d.DOELEN[veld]}"]))
            eenheid = DOEL_EENHEID[veld]
            pct = "" if s.percentage is None else f" = {v.procent(s.percentage)} van {v.getal(s.doel)}"
            uitleg.append(
                f"- **{p['naam']}**: doel {v.getal(s.doel)} {eenheid} ({s.periode_tekst()}; bron: {s.bron}). "
                f"Gerealiseerd in die periode t/m {label(tot)}: {v.getal(s.realisatie)}{pct}; "
                f"{s.verwacht_tekst()}: **{s.oordeel()}**."
                + ("" if cum is None else f" Sinds het begin (cumulatief, los van het doel): "
                   f"{fmt.getal(cum['cum_' + d.DOELEN[veld]])}."))
            if rijen and s.verwacht is not None:
                namen.append(f"{p['naam']}<br>{eenheid}, {s.periode_tekst()}")
                real.append(s.realisatie)
                doelen.append(s.doel)
                verwacht.append(round(s.verwacht, 1))
    document = [p["naam"] for p in met_doel if doel_uit_document(p)]
    ingevoerd = [p["naam"] for p in met_doel if not doel_uit_document(p)]
    herkomst = []
    if document:
        herkomst.append(f"uit een document: {', '.join(document)}")
    if ingevoerd:
        herkomst.append(f"ingevoerd op het dashboard: {', '.join(ingevoerd)}")
    zin = (f"Van {len(alle)} projecten is voor {len(met_doel)} een doel bekend"
           + (f" ({'; '.join(herkomst)})" if herkomst else "")
           + ". Voor de andere noemt geen bron een getal; het dashboard vult er geen in.")
    titel = (f"Realisatie tegen het doel tot en met {label(tot)}" if res else "Projecten en hun doelen")
    export = pd.DataFrame({
        "Project": [r["project"] for r in regels],
        "Doel": pd.array([r["doel"] for r in regels], dtype="Float64"),
        "Eenheid": [r["eenheid"] or "" for r in regels],
        "Doelperiode": [r["doelperiode"] or "" for r in regels],
        "Bron van het doel": [r["bron"] or "" for r in regels],
        "Realisatie in de doelperiode": pd.array([r["realisatie"] for r in regels], dtype="Int64"),
        "Percentage van het doel": pd.array([r["percentage"] for r in regels], dtype="Float64"),
        "Verwacht naar rato": pd.array([None if r["verwacht"] is None else round(r["verwacht"], 1)
                                        for r in regels], dtype="Float64"),
        "Oordeel": [r["oordeel"] or "" for r in regels],
        "Sinds het begin (cumulatief)": pd.array([r["cumulatief"] for r in regels], dtype="Int64"),
    })
    tabel = pd.DataFrame({
        "Project": export["Project"],
        "Doel": [fmt.LEEG if r["doel"] is None else f"{v.getal(r['doel'])} {r['eenheid']}" for r in regels],
        "Doelperiode": [r["doelperiode"] or fmt.LEEG for r in regels],
        "Bron van het doel": [r["bron"] or "geen doel in de bronnen" for r in regels],
        "Realisatie in de doelperiode": [fmt.LEEG if r["realisatie"] is None else v.getal(r["realisatie"])
                                         for r in regels],
        "% van het doel": [fmt.LEEG if r["percentage"] is None else v.procent(r["percentage"]) for r in regels],
        "Verwacht naar rato": [fmt.LEEG if r["verwacht"] is None else v.getal(round(r["verwacht"], 1))
                               for r in regels],
        "Oordeel": [r["oordeel"] or fmt.LEEG for r in regels],
        "Sinds het begin (cumulatief)": [fmt.LEEG if r["cumulatief"] is None else fmt.getal(r["cumulatief"])
                                         for r in regels],
    })
    b, pd_ = bronregel(ctx, tot)
    notities = [v.REGEL_OP_KOERS] if regels and any(r["oordeel"] for r in regels) else []
    notities += doel_geschiedenis(ctx)
    return Figuur(
        "monitor-doel", titel, zin, b + "; doelen: zie kolom Bron van het doel", pd_,
        definitie=(v.REGEL_OP_KOERS + " Doel per jaar: het kalenderjaar van de monitor (alleen de kwartalen "
                   "waarin het project loopt). Doel voor de projectduur: van de start tot het einde. Doel voor een "
                   "periode: van en tot en met de kwartalen die bij het doel staan. Een project kan per soort "
                   "(gestart, uitstroom naar werk, uitstroom naar opleiding) meer doelen hebben voor perioden die "
                   "niet overlappen; de monitor telt tegen het doel waarvan de periode het gekozen kwartaal bevat, "
                   "anders tegen het laatst afgelopen. " + DEFINITIES),
        grafiek=grafiek(monitor_charts.doel_naar_rato, namen, real, doelen, verwacht,
                        hoogte=140 + 60 * len(namen)) if namen else None,
        notities=notities, uitleg="\n".join(uitleg) or None, tabel=tabel, export=export, tabel_open=True,
        tabel_label="Alle projecten: doel, realisatie en cumulatief",
        bestandsnaam=f"monitor_doelen_{ctx.regio}_{tot}")


@figuur("monitor-project", "Per kwartaal per project",
        leeg="Voor {regio_naam} zijn nog geen projecten in de monitor.")
def per_project(ctx: Context, tot: str | None = None, project: str | None = None) -> Figuur | None:
    """One project's figures of each kwartaal (not cumulative), with its target pro rata per kwartaal."""
    tot = _standaard(ctx, tot)
    res = resultaten(ctx, tot)
    alle = {p["project_id"]: p for p in projecten(ctx)}
    if not alle:
        return None
    if project not in res:
        project = next((pid for pid in alle if pid in res), None)
    if project is None:
        b, pd_ = bronregel(ctx, tot)
        return Figuur("monitor-project", "Per kwartaal per project",
                      f"Er zijn tot en met {label(tot)} nog geen cijfers per kwartaal ingevoerd.", b, pd_)
    p, rijen = alle[project], res[project]
    reeksen = [(d.LABELS[k], [r[k] for r in rijen]) for k in KWARTAAL_REEKSEN]
    doel_kwartaal, standen = doel_per_kwartaal(p, rijen)
    gestart = sum(r["gestart"] or 0 for r in rijen)
    zin = (f"{p['naam']}: {len(rijen)} kwarta{'al' if len(rijen) == 1 else 'len'} met cijfers "
           f"({label(rijen[0]['kwartaal'])} t/m {label(rijen[-1]['kwartaal'])}), samen {fmt.getal(gestart)} gestart "
           f"en {fmt.getal(sum(r['uitstroom_werk'] or 0 for r in rijen))} uitgestroomd naar werk. Elke staaf is één "
           "kwartaal, niet opgeteld.")
    if standen:
        zin += " Stippellijn: het doel naar rato per kwartaal (gestart), " + "; ".join(
            f"{v.getal(round(s.doel / s.kwartalen, 1))} ({v.getal(s.doel)} over {s.kwartalen} kwartalen, "
            f"{s.periode_tekst()})" for s in standen) + "."
    export = pd.DataFrame({"Project": p["naam"], "Kwartaal": [label(r["kwartaal"]) for r in rijen],
                           **{d.LABELS[k]: pd.array([r[k] for r in rijen], dtype="Int64") for k in d.VELDEN}})
    tabel = export.copy()
    for k in d.VELDEN:
        tabel[d.LABELS[k]] = [fmt.getal(x) if x is not None else fmt.LEEG for x in (r[k] for r in rijen)]
    b, pd_ = bronregel(ctx, tot)
    return Figuur(
        "monitor-project", f"{p['naam']} per kwartaal t/m {label(tot)}", zin, b, pd_, definitie=DEFINITIES,
        grafiek=grafiek(monitor_charts.per_kwartaal, [label(r["kwartaal"]) for r in rijen], reeksen,
                        doel_kwartaal if standen else None,
                        "Doel naar rato per kwartaal (gestart)" if standen else "", hoogte=360),
        tabel=tabel, export=export, tabel_label=TABEL, bestandsnaam=f"monitor_{project}_{tot}")


@figuur("monitor-status", "Status van de projecten", leeg="Voor {regio_naam} zijn nog geen projecten in de monitor.")
def status(ctx: Context, tot: str | None = None) -> Figuur | None:
    alle = projecten(ctx)
    if not alle:
        return None
    tot = _standaard(ctx, tot)
    vorige = d.vorig_kwartaal(d.vorig_kwartaal(tot))
    nu, toen = status_per_project(ctx, tot), status_per_project(ctx, vorige)
    veranderd = {pid: s for pid, s in nu.items() if s.status != toen[pid].status}
    namen = {p["project_id"]: p["naam"] for p in alle}
    groepen: dict[str, list[str]] = {}
    for pid, s in veranderd.items():
        groepen.setdefault(s.status, []).append(namen[pid])
    sinds = "; ".join(f"{s}: {', '.join(n)}" for s, n in groepen.items())
    titel = (f"Sinds de vorige monitor (t/m {label(vorige)}): "
             + (f"{len(veranderd)} statuswijziging{'en' if len(veranderd) != 1 else ''}" if veranderd
                else "geen statuswijzigingen"))
    afgeleid = [namen[pid] for pid, s in nu.items() if s.afgeleid]
    zin = ((f"Gewijzigd: {sinds}. " if sinds else "")
           + (f"Afgeleid (geen status vastgelegd of 'nieuw' verlopen): {', '.join(afgeleid)}." if afgeleid else
              "Alle statussen zijn vastgelegd in de bronnen of op het dashboard."))
    programma = {p["project_id"]: p.get("programma") or d.PROGRAMMA for p in alle}
    export = pd.DataFrame({
        "Project": [namen[pid] for pid in nu],
        "Programma": [programma[pid] for pid in nu],
        f"Status t/m {label(tot)}": [s.tekst() for s in nu.values()],
        "Vanaf": [label(s.vanaf) for s in nu.values()],
        "Afgeleid": ["ja" if s.afgeleid else "nee" for s in nu.values()],
        "Grond": [s.uitleg for s in nu.values()],
        f"Status t/m {label(vorige)}": [toen[pid].tekst() for pid in nu],
        "Sinds de vorige monitor": ["gewijzigd" if pid in veranderd else "" for pid in nu],
    })
    regels = "; ".join(f"**{s}**: {u}" for s, u in d.STATUSSEN.items())
    return Figuur(
        "monitor-status", titel, zin, STATUS_BRON, f"t/m {label(tot)}",
        definitie=(f"Statussen: {regels}. Een monitor beslaat een half jaar: de vorige monitor is twee kwartalen "
                   "eerder. Afgeleid: 'nieuw' geldt twee kwartalen (het startkwartaal en het volgende) en wordt dan "
                   "'lopend'; een project zonder vastgelegde status dat gestart is of cijfers heeft, is 'nieuw' of "
                   "'lopend' (afgeleid)."),
        notities=programma_geschiedenis(ctx),
        tabel=export, export=export, tabel_open=True, tabel_label="Status per project",
        bestandsnaam=f"monitor_status_{ctx.regio}_{tot}")


@figuur("monitor-krapte", "Projecten en krapte", leeg="Voor {regio_naam} zijn nog geen projecten in de monitor.")
def krapte(ctx: Context, tot: str | None = None) -> Figuur | None:
    alle = projecten(ctx)
    if not alle:
        return None
    tot = _standaard(ctx, tot)
    res = resultaten(ctx, tot)
    gekoppeld = [p for p in alle if p["vacatures_per_ww"] is not None]
    zonder = [p["naam"] for p in alle if p["beroepsklasse"] is None]
    zonder_cijfer = [p["naam"] for p in alle if p["beroepsklasse"] is not None and p["vacatures_per_ww"] is None]
    krap = [p["naam"] for p in gekoppeld if p["vacatures_per_ww"] > 1]

    def werk(p: dict):
        rijen = res.get(p["project_id"])
        return rijen[-1]["cum_uitstroom_werk"] if rijen else None

    def werk_tekst(p: dict) -> str:
        w = werk(p)
        return "nog geen cijfers" if w is None else f"{fmt.getal(w)} naar werk"

    notities = []
    if zonder:
        notities.append(f"Zonder beroepsklasse (de bronnen noemen er geen): {', '.join(zonder)}.")
    if zonder_cijfer:
        notities.append(f"Geen vacatures per WW-uitkering voor de beroepsklasse van: {', '.join(zonder_cijfer)}.")
    if gekoppeld:
        notities.append(f"Let op: de peildata verschillen: vacatures {gekoppeld[0]['vacatures_peildatum']}, "
                        f"WW-uitkeringen {gekoppeld[0]['ww_peildatum']}. Kleuren als op de pagina Mismatch; de "
                        "legenda zegt wat ze betekenen.")
    export = pd.DataFrame({
        "Project": [p["naam"] for p in alle],
        "Beroepsklasse": [p["beroepsklasse"] or "geen beroepsklasse" for p in alle],
        "Koppeling": [p["beroepsklasse_toelichting"] or "" for p in alle],
        f"Uitstroom naar werk (cumulatief t/m {label(tot)})": pd.array([werk(p) for p in alle], dtype="Int64"),
        "Openstaande vacatures": pd.array([p["vacatures"] for p in alle], dtype="Float64"),
        "WW-uitkeringen": pd.array([p["ww_uitkeringen"] for p in alle], dtype="Float64"),
        "Vacatures per WW-uitkering": pd.array([None if p["vacatures_per_ww"] is None else
                                                round(p["vacatures_per_ww"], 2) for p in alle], dtype="Float64"),
        "Mismatch": [p["mismatch"] or "" for p in alle],
    })
    tabel = export.copy()
    for kolom, dec in ((export.columns[3], 0), ("Openstaande vacatures", 0), ("WW-uitkeringen", 0),
                       ("Vacatures per WW-uitkering", 2)):
        tabel[kolom] = [fmt.LEEG if pd.isna(x) else fmt.getal(x, dec) for x in export[kolom]]
    tabel["Mismatch"] = [m or fmt.LEEG for m in export["Mismatch"]]
    eerste = gekoppeld[0] if gekoppeld else None
    return Figuur(
        "monitor-krapte",
        f"{len(krap)} van {len(gekoppeld)} gekoppelde projecten leiden op voor een beroepsklasse met meer vacatures "
        "dan WW-uitkeringen",
        "Leiden we op voor banen die er zijn? Per project de openstaande vacatures per WW-uitkering in de "
        "beroepsklasse waarvoor het opleidt, met de uitstroom naar werk van het project ernaast. Boven 1 "
        "(stippellijn): meer vacatures dan WW-uitkeringen.",
        (f"{eerste['vacatures_bron']} (vacatures, WW); {BRON} (uitstroom); projectkoppeling: eigen keuze"
         if eerste else f"{BRON}; projectkoppeling: eigen keuze"),
        (f"{eerste['vacatures_peildatum']} (vacatures), {eerste['ww_peildatum']} (WW), t/m {label(tot)} (uitstroom)"
         if eerste else f"t/m {label(tot)}"),
        definitie=("Koppeling project-beroepsklasse: eigen keuze op basis van de projectomschrijving (zie kolom "
                   "Koppeling). Vacatures per WW-uitkering is een benadering van de spanning; zie de pagina Mismatch."),
        grafiek=grafiek(monitor_charts.krapte_per_project,
                        [f"{p['naam']} ({werk_tekst(p)})<br>{p['beroepsklasse']}" for p in gekoppeld],
                        [p["vacatures_per_ww"] for p in gekoppeld], [p["mismatch"] for p in gekoppeld],
                        hoogte=160 + 60 * len(gekoppeld)) if gekoppeld else None,
        notities=notities, tabel=tabel, export=export, tabel_label=TABEL,
        bestandsnaam=f"monitor_krapte_{ctx.regio}_{tot}")


SLEUTELS = ("monitor-totaal", "monitor-doel", "monitor-project", "monitor-status", "monitor-krapte")
