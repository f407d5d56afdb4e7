"""One-sentence Dutch summaries made from the data, so they stay true after a
refresh. Pure functions; unit-tested."""
from __future__ import annotations

from dashboard.kern import format as fmt


def vergelijk_woord(regio: float, vergelijk: float, drempel: float = 0.0) -> str:
    if regio - vergelijk > drempel:
        return "hoger dan"
    if vergelijk - regio > drempel:
        return "lager dan"
    return "gelijk aan"


def demografische_druk(regio_naam: str, vergelijk_naam: str, groen: float, grijs: float,
                       groen_vergelijk: float, grijs_vergelijk: float) -> str:
    g = vergelijk_woord(groen, groen_vergelijk)
    r = vergelijk_woord(grijs, grijs_vergelijk)
    if g == r and g != "gelijk aan":
        return (f"In {regio_naam} liggen zowel de groene druk ({fmt.procent(groen)}) als de grijze druk "
                f"({fmt.procent(grijs)}) {g.replace(' dan', '')} dan in {vergelijk_naam} "
                f"({fmt.procent(groen_vergelijk)} en {fmt.procent(grijs_vergelijk)}).")
    return (f"In {regio_naam} is de groene druk {fmt.procent(groen)} ({g} {vergelijk_naam}: "
            f"{fmt.procent(groen_vergelijk)}) en de grijze druk {fmt.procent(grijs)} ({r} {vergelijk_naam}: "
            f"{fmt.procent(grijs_vergelijk)}).")


def demografische_druk_titel(regio_naam: str, vergelijk_naam: str, groen: float, grijs: float,
                             groen_vergelijk: float, grijs_vergelijk: float) -> str:
    """A title that states the finding, true for whatever the data says."""
    g = vergelijk_woord(groen, groen_vergelijk)
    r = vergelijk_woord(grijs, grijs_vergelijk)
    if g == r:
        woord = {"hoger dan": "boven", "lager dan": "onder", "gelijk aan": "gelijk aan"}[g]
        return f"Groene en grijze druk liggen in {regio_naam} {woord} het niveau van {vergelijk_naam}"
    return (f"Groene druk {g} {vergelijk_naam}, grijze druk {r} {vergelijk_naam}")


# a category bound by a sign, as words inside a sentence ("minder vaak jonger dan 27 jaar", not "minder vaak < 27
# jaar"); chart labels and tables keep the short form
_GRENS_WOORDEN = {("<", "jaar"): "jonger dan", (">", "jaar"): "ouder dan", ("<", "maanden"): "korter dan",
                  (">", "maanden"): "langer dan", ("<", "maand"): "korter dan", (">", "maand"): "langer dan"}


def klein(naam: str) -> str:
    """'Zorg en welzijn beroepen' -> 'zorg en welzijn beroepen' inside a sentence (ICT, HBO/bachelor and
    WO/master stay as they are); '>=50 jaar' -> '50 jaar en ouder'; '< 27 jaar' -> 'jonger dan 27 jaar',
    '< 6 maanden' -> 'korter dan 6 maanden'."""
    import re
    naam = categorie(naam)
    grens = re.fullmatch(r"\s*([<>])\s*(\d+(?:[,.]\d+)?)\s*(jaar|maanden|maand)\s*", naam)
    if grens and (grens[1], grens[3]) in _GRENS_WOORDEN:
        return f"{_GRENS_WOORDEN[grens[1], grens[3]]} {grens[2]} {grens[3]}"
    if naam[:2].isupper() and (len(naam) < 3 or not naam[2].islower()):
        return naam
    return naam[:1].lower() + naam[1:]


def categorie(naam: str) -> str:
    """A category as Dutch text: '>=50 jaar' -> '50 jaar en ouder', '<=25 jaar' -> 'tot en met 25 jaar'."""
    import re
    naam = str(naam)
    naam = re.sub(r"^\s*(?:>=|≥)\s*(\d+)\s*jaar\b", r"\1 jaar en ouder", naam)
    naam = re.sub(r"^\s*(?:<=|≤)\s*(\d+)\s*jaar\b", r"tot en met \1 jaar", naam)
    return naam.replace(">=", "≥ ").replace("<=", "≤ ")


def zonder_haakjes(tekst: str) -> str:
    """'Q1 2026 (definitief)' -> 'Q1 2026, definitief': for text that itself goes between parentheses."""
    import re
    return re.sub(r"\s*\(([^()]*)\)", r", \1", str(tekst)).strip()


def verandering(x: float | None, tekst: str, pct: str | None = None) -> str:
    """'stijgt met 2.400 (2,3%)' / 'daalt met 1.900 (4,1%)' / 'blijft gelijk': `tekst` and `pct` are the
    formatted absolute values."""
    if x is None:
        return "verandert onbekend"
    if x == 0:
        return "blijft gelijk"
    return f"{'stijgt' if x > 0 else 'daalt'} met {tekst}" + (f" ({pct})" if pct else "")


def opsomming(namen: list[str]) -> str:
    if not namen:
        return ""
    if len(namen) == 1:
        return namen[0]
    return ", ".join(namen[:-1]) + " en " + namen[-1]


def mismatch_titel(f: dict) -> str:
    """Title from the mismatch facts (dashboard.figuren.mismatch.feiten_uit)."""
    kwantitatief = f["kwantitatief"]
    if not kwantitatief and f["kwalitatief"]:
        return "In alle beroepsklassen meer vacatures dan WW-uitkeringen"
    if len(kwantitatief) == 1:
        return f"Alleen bij {klein(kwantitatief[0]['naam'])} meer WW-uitkeringen dan vacatures"
    return f"Bij {len(kwantitatief)} beroepsklassen meer WW-uitkeringen dan vacatures"


def mismatch(f: dict, regio_naam: str) -> str:
    """Which beroepsklassen have more WW than vacatures, and where the gap the other way is largest."""
    if not f["klassen"]:
        return f"Voor {regio_naam} zijn geen vacatures en WW-uitkeringen per beroepsklasse beschikbaar."
    zinnen = []
    if f["kwantitatief"]:
        delen = [f"{klein(k['naam'])} ({fmt.getal(k['ww'])} WW-uitkeringen tegen "
                 f"{fmt.getal(k['vacatures'])} vacatures)" for k in f["kwantitatief"]]
        zinnen.append(f"In {regio_naam} zijn er bij {opsomming(delen)} meer WW-uitkeringen dan openstaande "
                      "vacatures: een kwantitatieve mismatch.")
    if f["kwalitatief"]:
        top = f["grootste"]
        zinnen.append(f"In {f['kwalitatief']} beroepsklassen zijn er meer vacatures dan WW-uitkeringen, het meest bij "
                      f"{klein(top['naam'])} ({fmt.getal(top['vacatures'])} vacatures tegen "
                      f"{fmt.getal(top['ww'])} WW-uitkeringen): vacatures die niet uit de WW te "
                      "vervullen zijn, een kwalitatieve mismatch.")
    zinnen.append(f"Vacatures: {f['vac_label']}; WW-uitkeringen: {f['ww_label']}.")
    return " ".join(zinnen)


def vacatures(f: dict, regio_naam: str, vergelijk_naam: str) -> str:
    """The beroepsklasse with the most vacatures and how its share compares; which are clearly above/below
    (facts from dashboard.figuren.vacatures.feiten_uit)."""
    if not f["top"]:
        return f"Voor {regio_naam} zijn geen openstaande vacatures per beroepsklasse beschikbaar."
    top = f["top"][0]
    zin = (f"In {f['periode_label']} stonden er in {regio_naam} {fmt.getal(top['aantal'])} openstaande vacatures in "
           f"de {klein(top['naam'])}, {fmt.procent(top['aandeel'], 0)} van alle vacatures "
           f"tegen {fmt.procent(top['aandeel_nl'], 0)} in {vergelijk_naam}.")
    hoger, lager = f["groter"], f["kleiner"]
    if hoger:
        zin += f" Het aandeel ligt duidelijk hoger dan in {vergelijk_naam} bij {opsomming(hoger)}"
        zin += f", duidelijk lager bij {opsomming(lager)}." if lager else "."
    elif lager:
        zin += f" Het aandeel ligt duidelijk lager dan in {vergelijk_naam} bij {opsomming(lager)}."
    return zin


def verdeling(rijen: list[dict], onderwerp: str, regio_naam: str, vergelijk_naam: str) -> str:
    """The category whose share differs most from the comparison, e.g. opleidingsniveau of GWU."""
    kandidaten = [r for r in rijen if not r["is_totaal"] and r.get("regio_pct") is not None
                  and r.get("vergelijk_pct") is not None and r["categorie"] != "Onbekend"]
    if not kandidaten:
        return f"Geen vergelijking met {vergelijk_naam} beschikbaar."
    r = max(kandidaten, key=lambda r: abs(r["regio_pct"] - r["vergelijk_pct"]))
    woord = vergelijk_woord(r["regio_pct"], r["vergelijk_pct"])
    return (f"Het grootste verschil met {vergelijk_naam}: in {regio_naam} valt {fmt.procent(r['regio_pct'], 0)} "
            f"van de {onderwerp} in de categorie {klein(r['categorie'])}, {woord} in {vergelijk_naam} "
            f"({fmt.procent(r['vergelijk_pct'], 0)}).")


def banen(rijen: list[dict], regio_naam: str) -> tuple[str, str]:
    """Title and sentence for Tabel 4: the latest (prognosis) year against the one before."""
    if len(rijen) < 2:
        return f"Banen in {regio_naam}", "Te weinig jaren voor een ontwikkeling."
    r = rijen[-1]
    p = " (prognose)" if r["is_prognose"] else ""
    titel = (f"Banen {r['vorig_jaar']}-{r['jaar']}{p}: "
             f"{'groei' if r['groei_werknemers'] > 0 else 'daling'} bij werknemers, "
             f"{'groei' if r['groei_zelfstandigen'] > 0 else 'daling'} bij zelfstandigen")
    def werkwoord(soort):
        x = r[f"groei_{soort}"]
        return "stijgt" if x and x > 0 else "daalt" if x and x < 0 else "blijft"

    def hoeveel(soort):
        x, pct = r[f"groei_{soort}"], r[f"groei_pct_{soort}"]
        if not x:
            return "gelijk"
        return f"met {fmt.getal(abs(x))}" + (f" ({fmt.procent(abs(pct), 1)})" if pct is not None else "")
    zin = (f"Tussen {r['vorig_jaar']} en {r['jaar']}{p} {werkwoord('werknemers')} het aantal banen van werknemers in "
           f"{regio_naam} {hoeveel('werknemers')}, en {werkwoord('zelfstandigen')} dat van zelfstandigen "
           f"{hoeveel('zelfstandigen')}; het aandeel "
           f"zelfstandigen gaat van {fmt.procent(rijen[-2]['aandeel_zelfstandigen'], 1)} naar "
           f"{fmt.procent(r['aandeel_zelfstandigen'], 1)}.")
    return titel, zin


def verdeling_titel(rijen: list[dict], onderwerp: str, dimensie: str, vergelijk_naam: str) -> str:
    """The largest share above and below the comparison, e.g. 'Werkzoekenden naar opleidingsniveau: vaker
    HBO/bachelor (11% tegen 8%), minder vaak Basisonderwijs (14% tegen 18%) dan in alle regio's'."""
    kandidaten = [r for r in rijen if not r["is_totaal"] and r.get("regio_pct") is not None
                  and r.get("vergelijk_pct") is not None and r["categorie"] != "Onbekend"]
    kop = f"{onderwerp[:1].upper()}{onderwerp[1:]} naar {dimensie}"
    if not kandidaten:
        return kop
    boven = max(kandidaten, key=lambda r: r["regio_pct"] - r["vergelijk_pct"])
    onder = min(kandidaten, key=lambda r: r["regio_pct"] - r["vergelijk_pct"])
    delen = []
    if round(boven["regio_pct"]) > round(boven["vergelijk_pct"]):
        delen.append(f"vaker {klein(boven['categorie'])} ({fmt.procent(boven['regio_pct'], 0)} tegen "
                     f"{fmt.procent(boven['vergelijk_pct'], 0)})")
    if round(onder["regio_pct"]) < round(onder["vergelijk_pct"]):
        delen.append(f"minder vaak {klein(onder['categorie'])} ({fmt.procent(onder['regio_pct'], 0)} tegen "
                     f"{fmt.procent(onder['vergelijk_pct'], 0)})")
    if not delen:
        return f"{kop}: vrijwel gelijk aan {vergelijk_naam}"
    return f"{kop}: {', '.join(delen)} dan in {vergelijk_naam}"


def _aandeel_met_kwalificatie(pct: float, kwalificatie: str | None) -> str:
    if kwalificatie == "een kwart":
        return f"een kwart ({fmt.procent(pct)})"
    return f"{kwalificatie} {fmt.procent(pct)}" if kwalificatie else fmt.procent(pct)


def gwu_uitkering(rijen: list[dict], regio_naam: str) -> tuple[str, str]:
    """Title and sentence on which benefits the registered jobseekers receive."""
    if not rijen:
        return "Uitkering van de werkzoekenden", f"Geen gegevens over uitkeringen voor {regio_naam}."
    grootste = max(rijen, key=lambda r: r["aandeel"])
    titel = (f"{_aandeel_met_kwalificatie(grootste['aandeel'], grootste['kwalificatie']).capitalize()} van de "
             f"werkzoekenden heeft een {grootste['uitkering']}-uitkering")
    delen = [f"{_aandeel_met_kwalificatie(r['aandeel'], r['kwalificatie'])} een {r['uitkering']}-uitkering"
             for r in rijen]
    return titel, f"Van de geregistreerde werkzoekenden in {regio_naam} ontvangt {opsomming(delen)}."


def ww_totaal(rijen: list[dict], regio: str, regio_naam: str, vergelijk: str, vergelijk_naam: str) -> str:
    w = {(r["regio_code"], r["maat"]): r for r in rijen}
    stand = w.get((regio, "aantal"))
    if stand is None:
        return f"Geen WW-totaal voor {regio_naam}."
    zin = (f"In {fmt.periode(stand['periode'], stand['periode_type'])} liepen er in {regio_naam} "
           f"{fmt.getal(stand['waarde'])} WW-uitkeringen")
    mut, mut_nl = w.get((regio, "jaarmutatie")), w.get((vergelijk, "jaarmutatie"))
    if mut is not None:
        zin += (f", {fmt.met_teken(fmt.procent(mut['waarde']), mut['waarde'])} ten opzichte van een jaar eerder")
        if mut_nl is not None:
            zin += f" ({vergelijk_naam}: {fmt.met_teken(fmt.procent(mut_nl['waarde']), mut_nl['waarde'])})"
    return zin + "."


def ww_jongeren(rijen: list[dict], regio_naam: str) -> tuple[str, str]:
    instroom = next((r for r in rijen if r["maat"] == "aantal"), None)
    zonder = next((r for r in rijen if r["maat"] == "aandeel"), None)
    if instroom is None:
        return "Jongeren in de WW", f"Geen gegevens over jongeren in de WW voor {regio_naam}."
    titel = f"{fmt.getal(instroom['waarde'])} jongeren stroomden in {instroom['periode']} de WW in"
    zin = f"In {instroom['periode']} stroomden in {regio_naam} {fmt.getal(instroom['waarde'])} jongeren de WW in"
    if zonder is not None:
        zin += (f", van wie {zonder['kwalificatie'] + ' ' if zonder['kwalificatie'] else ''}"
                f"{fmt.procent(zonder['waarde'])} zonder startkwalificatie")
    return titel, zin + "."


def bevolking(rijen: list[dict], regio_naam: str) -> str:
    w = {r["label"]: r for r in rijen}
    nu, later = w.get("Inwoners"), w.get("Inwoners, prognose 2040")
    if nu is None:
        return f"Geen inwonersaantal voor {regio_naam}."
    # the qualifier as a phrase before the number: "naar schatting, zo'n" -> "naar schatting zo'n 248.000"
    kwalificatie = (nu["kwalificatie"] or "").replace(",", "")
    zin = f"In {nu['periode']} telt {regio_naam} {kwalificatie + ' ' if kwalificatie else ''}" \
          f"{fmt.getal(nu['waarde'])} inwoners"
    if later is not None:
        groei = 100.0 * (later["waarde"] - nu["waarde"]) / nu["waarde"]
        zin += (f"; volgens de prognose zijn dat er in {later['periode']} ongeveer {fmt.getal(later['waarde'])}, "
                f"{'een stijging' if groei > 0 else 'een daling'} van {fmt.procent(abs(groei), 1)}")
    deelname = w.get("Netto arbeidsparticipatie")
    basis = w.get("Inwoners van 15 tot 75 jaar")
    if deelname is not None and basis is not None:
        zin += (f". Met een netto arbeidsparticipatie van {fmt.procent(deelname['waarde'])} werkt "
                f"{deelname['kwalificatie'] or ''} van de {fmt.getal(basis['waarde'])} inwoners van 15 tot 75 jaar")
    return zin.replace("  ", " ") + "."


def onbenut(rijen: list[dict], regio_naam: str) -> tuple[str, str]:
    totaal = next((r for r in rijen if r["is_totaal"]), None)
    delen = sorted((r for r in rijen if not r["is_totaal"]), key=lambda r: r["waarde"], reverse=True)
    if totaal is None or not delen:
        return "Onbenut arbeidspotentieel", f"Geen gegevens voor {regio_naam}."
    titel = f"Het grootste deel van het onbenut arbeidspotentieel zijn {delen[0]['categorie'].lower()}"
    zin = (f"{regio_naam} telt {fmt.getal(totaal['waarde'])} inwoners die tot het onbenut arbeidspotentieel "
           "behoren: " + opsomming([f"{fmt.getal(r['waarde'])} {r['categorie'].lower()}" for r in delen]) + ".")
    som = sum(r["waarde"] for r in delen)
    if som != totaal["waarde"]:
        zin += f" (De delen tellen op tot {fmt.getal(som)}.)"
    return titel, zin


def inwoners_reeks(rijen: list[dict], regio_naam: str, analyse: list[dict] | None = None) -> tuple[str, str]:
    """Title and sentence for the CBS series; where the analysis printed its own
    figure for a CBS year (an estimate), both are named."""
    regio = [r for r in rijen if r["is_regio"]]
    if len(regio) < 2:
        return "Inwoners volgens CBS", f"Te weinig jaren voor {regio_naam}."
    eerste, laatste = regio[0], regio[-1]
    groei = 100.0 * (laatste["waarde"] - eerste["waarde"]) / eerste["waarde"]
    titel = (f"{regio_naam} {'groeide' if groei > 0 else 'kromp'} van {fmt.getal(eerste['waarde'])} naar "
             f"{fmt.getal(laatste['waarde'])} inwoners ({eerste['periode']}-{laatste['periode']})")
    gemeenten = [r for r in rijen if not r["is_regio"] and r["periode"] == laatste["periode"]]
    grootste = max(gemeenten, key=lambda r: r["waarde"]) if gemeenten else None
    zin = (f"Op 1 januari {laatste['periode']} telde {regio_naam} {fmt.getal(laatste['waarde'])} inwoners, "
           f"{fmt.met_teken(fmt.procent(groei, 1), groei)} ten opzichte van {eerste['periode']}")
    if grootste:
        zin += f"; de grootste gemeente is {grootste['regio_naam']} ({fmt.getal(grootste['waarde'])})"
    zin += ". Het regiototaal is de som van de gemeenten."
    cbs_per_jaar = {r["periode"]: r for r in regio}
    for a in analyse or []:
        if a["label"] == "Inwoners" and a["periode"] in cbs_per_jaar:
            c = cbs_per_jaar[a["periode"]]
            zin += (f" De analyse noemt voor {a['periode']} {a['kwalificatie'] + ' ' if a['kwalificatie'] else ''}"
                    f"{fmt.getal(a['waarde'])} inwoners; CBS telt op 1 januari {c['periode']} {fmt.getal(c['waarde'])}.")
    return titel, zin


def onbenut_context(rijen: list[dict], vergelijk_naam: str) -> str:
    w = {r["indicator"]: r for r in rijen}
    delen = []
    if "onbenut_aandeel_geregistreerd_uwv" in w:
        r = w["onbenut_aandeel_geregistreerd_uwv"]
        delen.append(f"Gemiddeld staat {fmt.procent(r['waarde'])} van het onbenut arbeidspotentieel bij UWV "
                     "ingeschreven als werkzoekende (de bron zegt niet of dit regionaal of landelijk is).")
    if "extra_uren_gewenst_deeltijders" in w:
        r = w["extra_uren_gewenst_deeltijders"]
        delen.append(f"Onderbenutte deeltijders in {vergelijk_naam} willen gemiddeld "
                     f"{fmt.waarde(r['waarde'], r['eenheid'])} extra werken.")
    return " ".join(delen)


def druk_gemeenten(rijen: list[dict], regio_naam: str) -> tuple[str, str]:
    """Title and sentence for groene/grijze druk per gemeente (CBS 70072ned)."""
    gemeenten = [r for r in rijen if not r["is_context"]]
    jaar = rijen[0]["periode"]
    delen = []
    for indicator, naam in (("groene_druk", "groene"), ("grijze_druk", "grijze")):
        kandidaten = [r for r in gemeenten if r["indicator"] == indicator]
        if kandidaten:
            hoogst = max(kandidaten, key=lambda r: r["waarde"])
            laagst = min(kandidaten, key=lambda r: r["waarde"])
            delen.append(f"{naam.capitalize()} druk: het hoogst in {hoogst['regio_naam']} "
                         f"({fmt.procent(hoogst['waarde'], 1)}), het laagst in {laagst['regio_naam']} "
                         f"({fmt.procent(laagst['waarde'], 1)}).")
    titel = f"Groene en grijze druk per gemeente van {regio_naam} ({jaar})"
    zin = " ".join(delen) if delen else f"CBS heeft voor {jaar} geen groene en grijze druk per gemeente van {regio_naam}."
    for r in rijen:
        if r["is_context"] and r["indicator"] == "groene_druk":
            grijs = next((g for g in rijen if g["regio_code"] == r["regio_code"] and g["indicator"] == "grijze_druk"),
                         None)
            zin += (f" {r['regio_naam']}: groene druk {fmt.procent(r['waarde'], 1)}, grijze druk "
                    f"{fmt.procent(grijs['waarde'] if grijs else None, 1)}.")
    return titel, zin


def ww_regio_reeks(rijen: list[dict], regio_naam: str, vergelijk_naam: str) -> tuple[str, str]:
    """Title and sentence for personen met WW per month (CBS 85554NED): latest month and change over a year."""
    def jaar_eerder(reeks):
        laatste = reeks[-1]
        vorig = next((r for r in reeks if r["periode_datum"].year == laatste["periode_datum"].year - 1
                      and r["periode_datum"].month == laatste["periode_datum"].month), None)
        return laatste, (100.0 * (laatste["waarde"] - vorig["waarde"]) / vorig["waarde"] if vorig else None)

    regio = [r for r in rijen if r["is_regio"]]
    laatste, groei = jaar_eerder(regio)
    titel = (f"{fmt.getal(laatste['waarde'])} personen met een WW-uitkering in {regio_naam}, "
             f"{laatste['peildatum'].split(' (')[0]}")
    zin = (f"Seizoengecorrigeerd hadden in {laatste['peildatum']} {fmt.getal(laatste['waarde'])} inwoners van "
           f"{regio_naam} een WW-uitkering")
    if groei is not None:
        zin += f", {fmt.met_teken(fmt.procent(groei, 1), groei)} ten opzichte van een jaar eerder"
    vergelijk = [r for r in rijen if not r["is_regio"]]
    if vergelijk:
        _, groei_v = jaar_eerder(vergelijk)
        if groei_v is not None:
            zin += f" ({vergelijk_naam}: {fmt.met_teken(fmt.procent(groei_v, 1), groei_v)})"
    return titel, zin + "."
