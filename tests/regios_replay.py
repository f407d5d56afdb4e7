"""A warehouse with all 35 arbeidsmarktregio's, fetched through the real refresh from loopback replays:

- 03759ned: the real CBS capture in ../shared/data (every gemeente, 2019-2026);
- 86059NED Gebieden in Nederland: built in memory from ../shared/data/geo/gemeente_arbeidsmarktregio_2025_derived.csv
  (342 gemeenten -> 35 regions) in the v3 shape of the project's fixture;
- 70072ned (groene/grijze druk), 85554NED (personen met WW) and 85494NED (netto arbeidsparticipatie, werkloosheid):
  the project's fixtures (made-up values, they say so) extended in memory with one made-up row per
  arbeidsmarktregio, so every region has a value to rank.

`ververs(..., regio=code)` replays the same tables restricted to one region (its gemeenten, the region, the provinces
its gemeenten lie in and Nederland), with the same completeness: the one-region baseline of benchmarks.regios.
`regio` may also be several codes (a region and its peer group: the smallest warehouse with a peer comparison).

Also `python -m tests.regios_replay <warehouse>` builds such a warehouse for a demo (nothing leaves loopback)."""
from __future__ import annotations

import csv
import functools
import http.server
import json
import shutil
import sys
import threading
from pathlib import Path

from tests.conftest import REPO, SHARED_DATA
from tests.replay import CbsV3, CbsV4, start

FIXTURES = REPO / "tests" / "fixtures"
DERIVED = SHARED_DATA / "geo" / "gemeente_arbeidsmarktregio_2025_derived.csv"
CAPTURE_03759 = SHARED_DATA / "cbs-odata4" / "03759ned"
GEO = SHARED_DATA / "geo"
AANWEZIG = DERIVED.exists() and CAPTURE_03759.exists()
REDEN = ("../shared/data ontbreekt (03759ned-opname en afgeleide gemeente-indeling staan alleen in shared/, "
         "niet in de repository)")


def _codes(regio) -> frozenset[str] | None:
    """`regio` (None, one code or several) as a set of codes; None: every region."""
    return None if regio is None else frozenset([regio] if isinstance(regio, str) else regio)


def indeling(regio=None) -> list[dict]:
    """The derived gemeente -> arbeidsmarktregio rows (342), or only those of `regio` (one code or several)."""
    codes = _codes(regio)
    with open(DERIVED, encoding="utf-8") as fh:
        return [m for m in csv.DictReader(fh) if codes is None or m["arbeidsmarktregiocode"] in codes]


def regios(regio=None) -> dict[str, str]:
    return {m["arbeidsmarktregiocode"]: m["arbeidsmarktregionaam"] for m in indeling(regio)}


def _andere_regio(code: str, regio) -> bool:
    """A region row to leave out when the replay is restricted to `regio` (None: nothing is left out)."""
    codes = _codes(regio)
    code = code.strip()
    return codes is not None and code.startswith("AM") and code not in codes


def groene_druk(n: int) -> float:
    """Made-up druk per region number n (AM01 -> 1): distinct values, so ranks are well defined."""
    return 30.0 + (n * 7 % 23) / 2


def grijze_druk(n: int) -> float:
    return 28.0 + (n * 5 % 29) / 2


def ww(n: int) -> int:
    return 1000 + 137 * n


def participatie(n: int) -> float:
    """Made-up netto arbeidsparticipatie and werkloosheid per region number n (fixture values, not CBS figures)."""
    return 64.0 + (n * 11 % 31) / 4


def werkloosheid(n: int) -> float:
    return 2.5 + (n * 13 % 37) / 10


def _lijsten(folder: Path, *namen: str) -> dict:
    return {n: json.loads((folder / f"{n}.json").read_text())["value"] for n in namen}


def _arbeid(folder: Path, regio=None) -> dict:
    lists = _lijsten(folder, "TableInfos", "DataProperties", "CategoryGroups", "Persoonskenmerken", "RegioS",
                     "Perioden", "TypedDataSet")
    lists["RegioS"] = [r for r in lists["RegioS"] if not _andere_regio(r["Key"], regio)]
    bekend = {r["Key"].strip() for r in lists["RegioS"]}
    rijen = [r for r in lists["TypedDataSet"] if not (r["RegioS"].startswith("AM") and r["Perioden"] == "2022JJ00")
             and not _andere_regio(r["RegioS"], regio)]
    for code, naam in sorted(regios(regio).items()):
        n = int(code[2:])
        if code not in bekend:
            lists["RegioS"].append({"Key": code.ljust(10), "Title": f"{naam} (AM)", "Description": None,
                                    "CategoryGroupID": None})
        rijen.append({"ID": len(rijen), "Persoonskenmerken": "T009002", "RegioS": code.ljust(10),
                      "Perioden": "2022JJ00", "BeroepsEnNietBeroepsbevolking_1": None,
                      "WerkzameBeroepsbevolking_5": None, "Werkloosheidspercentage_9": werkloosheid(n),
                      "NettoArbeidsparticipatie_12": participatie(n)})
    lists["TypedDataSet"] = rijen
    return lists


def _gebieden(folder: Path, regio=None) -> dict:
    mapping = indeling(regio)
    return {
        "TableInfos": json.loads((folder / "TableInfos.json").read_text())["value"],
        "DataProperties": json.loads((folder / "DataProperties.json").read_text())["value"],
        "CategoryGroups": [],
        "RegioS": [{"Key": m["gemeentecode"].ljust(10), "Title": m["gemeentenaam"], "Description": None,
                    "CategoryGroupID": None} for m in mapping],
        "TypedDataSet": [{"ID": i, "RegioS": m["gemeentecode"].ljust(10), "Code_1": m["gemeentecode"],
                          "Naam_2": m["gemeentenaam"], "Code_3": m["arbeidsmarktregiocode"].ljust(10),
                          "Naam_4": m["arbeidsmarktregionaam"], "Code_5": None, "Naam_6": None}
                         for i, m in enumerate(mapping)],
    }


def _druk(folder: Path, regio=None) -> dict:
    lists = _lijsten(folder, "TableInfos", "DataProperties", "CategoryGroups", "RegioS", "Perioden")
    rijen = _lijsten(folder, "TypedDataSet")["TypedDataSet"]
    for code, naam in sorted(regios(regio).items()):
        n = int(code[2:])
        lists["RegioS"].append({"Key": code.ljust(10), "Title": f"{naam} (AM)", "Description": None,
                                "CategoryGroupID": None})
        rijen.append({"ID": len(rijen), "RegioS": code.ljust(10), "Perioden": "2024JJ00", "TotaleBevolking_1": None,
                      "GroeneDruk_38": groene_druk(n), "GrijzeDruk_39": grijze_druk(n),
                      "KoppelvariabeleRegioCode_306": code.ljust(10)})
    lists["TypedDataSet"] = rijen
    return lists


def _ww(tmp: Path, regio=None) -> Path:
    folder = tmp / "85554NED"
    shutil.copytree(FIXTURES / "cbs_v4" / "85554NED", folder)
    codes = json.loads((folder / "codes-RegioS.json").read_text())
    obs = json.loads((folder / "observations-page-1.json").read_text())
    codes["value"] = [c for c in codes["value"] if not _andere_regio(c["Identifier"], regio)]
    obs["value"] = [r for r in obs["value"] if not _andere_regio(r["RegioS"], regio)]
    bekend = {c["Identifier"] for c in codes["value"]}
    laatste = max(r["Perioden"] for r in obs["value"])
    for code, naam in sorted(regios(regio).items()):
        if code not in bekend:
            codes["value"].append({"Identifier": code, "Index": len(codes["value"]) + 1, "Title": f"{naam} (AM)",
                                   "Description": "", "DimensionGroupId": "AM"})
        obs["value"] = [r for r in obs["value"] if not (r["RegioS"] == code and r["Perioden"] == laatste)]
        obs["value"].append({"Id": 0, "Measure": "D001908", "ValueAttribute": "None", "Value": ww(int(code[2:])),
                             "StringValue": None, "Geslacht": "T001038", "Leeftijd": "10000", "Marges": "MW00000",
                             "RegioS": code, "Perioden": laatste})
    for i, r in enumerate(obs["value"]):
        r["Id"] = i
    (folder / "codes-RegioS.json").write_text(json.dumps(codes, ensure_ascii=False))
    (folder / "observations-page-1.json").write_text(json.dumps(obs, ensure_ascii=False))
    return folder


def _bevolking(tmp: Path, regio) -> Path:
    """The real 03759ned capture restricted to `regio` (one code or several): its gemeenten, the provinces they
    lie in (the capture's own grouping, DimensionGroupId GMPVnn) and Nederland, in the codes and the observations."""
    folder = tmp / "03759ned"
    shutil.copytree(CAPTURE_03759, folder)
    codes = json.loads((folder / "codes-RegioS.json").read_text(encoding="utf-8"))
    gemeenten = {m["gemeentecode"] for m in indeling(regio)}
    provincies = {c["DimensionGroupId"].removeprefix("GM") for c in codes["value"] if c["Identifier"] in gemeenten}
    houden = gemeenten | provincies | {c["Identifier"] for c in codes["value"] if c["DimensionGroupId"] == "NL"}
    codes["value"] = [c for c in codes["value"] if c["Identifier"] in houden]
    (folder / "codes-RegioS.json").write_text(json.dumps(codes, ensure_ascii=False), encoding="utf-8")
    for pagina in folder.glob("observations-page-*.json"):
        obs = json.loads(pagina.read_text(encoding="utf-8"))
        obs["value"] = [r for r in obs["value"] if r["RegioS"] in houden]
        pagina.write_text(json.dumps(obs, ensure_ascii=False), encoding="utf-8")
    return folder


def _geo(tmp: Path, regio) -> Path:
    """The real geometry with the gemeente layer restricted to `regio`'s gemeenten. The region layer stays whole:
    it is checked against the 35 regions of the shipped reference list (etl.bronnen.pdok.features)."""
    folder = tmp / "geo"
    folder.mkdir(parents=True, exist_ok=True)
    gemeenten = {m["gemeentecode"] for m in indeling(regio)}
    for bestand in GEO.glob("*.geojson"):
        doc = json.loads(bestand.read_text(encoding="utf-8"))
        if bestand.name.startswith("gemeente"):
            doc["features"] = [f for f in doc["features"] if f["properties"]["statcode"] in gemeenten]
        (folder / bestand.name).write_text(json.dumps(doc), encoding="utf-8")
    return folder


class GeoServer:
    """The real PDOK/CBS geometry files of `folder` served as <url>/<name>.geojson on loopback."""

    def __init__(self, folder: Path = GEO):
        handler = functools.partial(_Stil, directory=str(folder))
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def stop(self):
        self.server.shutdown()
        self.server.server_close()


class _Stil(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def ververs(tmp: Path, geo: Path | None = GEO, arbeid: bool = True, regio=None) -> int:
    """Fetch the tables (85494NED unless arbeid is False; the geometry unless geo is None) from loopback replays
    into DASHBOARD_RAW_DIR and build WAREHOUSE_PATH. With `regio` (a code, or several), every table is restricted
    to those regions (see _bevolking and _geo; the made-up rows of the other regions are left out)."""
    from basis.instellingen import Instellingen
    from etl import refresh
    tmp.mkdir(parents=True, exist_ok=True)
    v3 = CbsV3(table="86059NED", lists=_gebieden(FIXTURES / "cbs_v3" / "86059NED", regio), page_size=400)
    druk = CbsV3(table="70072ned", lists=_druk(FIXTURES / "cbs_v3" / "70072ned", regio), page_size=400)
    server3, url3 = start([v3, druk] + ([CbsV3(table="85494NED", lists=_arbeid(FIXTURES / "cbs_v3" / "85494NED",
                                                                               regio),
                                               page_size=400)] if arbeid else []))
    bevolking = _bevolking(tmp, regio) if regio else CAPTURE_03759
    if regio and geo is not None:
        geo = _geo(tmp, regio)
    server4, url4 = start(CbsV4(tables={"03759ned": bevolking, "85554NED": _ww(tmp, regio)}, page_size=5000))
    kaarten = GeoServer(geo) if geo is not None else None
    only = ("03759ned,86059NED,70072ned,85554NED" + (",85494NED" if arbeid else "")
            + (",gebiedsindelingen" if kaarten else ""))
    try:
        return refresh.main(["--only", only, "--cbs-odata3-url", url3, "--cbs-odata4-url", url4],
                            instellingen=Instellingen.uit_omgeving(pdok_url=kaarten.url if kaarten else None))
    finally:
        server3.stop()
        server4.stop()
        if kaarten:
            kaarten.stop()


if __name__ == "__main__":
    import os
    import tempfile
    os.environ["WAREHOUSE_PATH"] = sys.argv[1]
    raw = Path(tempfile.mkdtemp()) / "raw"
    shutil.copytree(REPO / "data" / "raw", raw, ignore=shutil.ignore_patterns("cbs"))
    os.environ["DASHBOARD_RAW_DIR"] = str(raw)
    sys.exit(ververs(raw.parent / "replay"))
