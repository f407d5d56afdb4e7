"""Saved versions as the release before the store wrote them: a folder per version under
data/versions/<map>/ with analyse.json and manifest.json (that release's dashboard.analyse.versies.bewaar),
and what is in the store now."""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

from dashboard.analyse import versies


def oude_versiemap(root: Path, doc: dict, naam: str, door: str = "tester",
                   opgeslagen: str = "2026-05-07T10:00:00+00:00") -> Path:
    map_ = root / versies.map_naam(naam)
    map_.mkdir(parents=True)
    data = json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
    manifest = {"naam": naam, "map": map_.name, "opgeslagen": opgeslagen, "door": door, "regio": doc.get("regio"),
                "regio_naam": doc.get("regio_naam"), "build": doc.get("build", {}),
                "analyse_gemaakt": doc.get("gemaakt"), "sha256": hashlib.sha256(data).hexdigest(),
                "formaat": doc.get("formaat")}
    (map_ / "analyse.json").write_bytes(data)
    (map_ / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), encoding="utf-8")
    return map_


def in_opslag() -> list[tuple]:
    """Every stored version row and retirement, as stored."""
    with versies._db().transactie() as t:
        return (t.execute("select map, naam, opgeslagen, manifest, inhoud from analyse_versies order by map")
                + t.execute("select map, gegevens from analyse_versies_ingetrokken order by map"))
