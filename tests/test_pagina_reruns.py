"""What a page does again in every rerun (issue 15's speed goal): per-rerun work made once, and fewer
elements, without losing what the page says."""
from __future__ import annotations

import json

from basis import instellingen as settings
from dashboard.kern import status
from tests.test_pages import run_page


def _status(bronnen: dict) -> dict:
    return {"gelukt": True, "laatste_poging": "2026-11-29T12:00:00+00:00", "bronnen": bronnen}


def test_the_cbs_table_on_bronnen_is_made_once_per_status_and_follows_a_new_status(warehouse_path):
    settings.status_path().parent.mkdir(parents=True, exist_ok=True)
    poging = {"laatste_poging": "2026-11-29T12:00:00+00:00", "gelukt": True, "melding": "",
              "laatste_succes": "2026-11-29T12:00:00+00:00"}
    settings.status_path().write_text(json.dumps(_status({"03759ned": poging})))
    eerste = status.cbs_tabel(status.laatste_verversing())
    assert status.cbs_tabel(status.laatste_verversing()) is eerste   # same frame: its HTML is made once
    assert eerste.set_index("Tabel").loc["03759ned", "Gelukt"] == "ja"
    mislukt = {**poging, "gelukt": False, "melding": "server antwoordde 500 na 3 pogingen"}
    settings.status_path().write_text(json.dumps(_status({"03759ned": mislukt})))
    daarna = status.cbs_tabel(status.laatste_verversing()).set_index("Tabel")
    assert daarna.loc["03759ned", "Gelukt"] == "nee"
    assert daarna.loc["03759ned", "Melding"] == "server antwoordde 500 na 3 pogingen"
    assert status.cbs_tabel(None).set_index("Tabel").loc["03759ned", "Laatste poging"] == "nog nooit"


def test_a_figures_notes_and_source_line_are_one_caption_after_its_explanation(warehouse):
    at = run_page("app_pages/mismatch.py")
    onder = [c.value for c in at.caption if "WW-uitkeringen hebben geen beroepsklasse" in c.value]
    assert len(onder) == 1
    delen = onder[0].split("\n\n")   # the notes in their order, then the source line, as paragraphs
    assert len(delen) == 3
    assert delen[0].startswith("**344 WW-uitkeringen hebben geen beroepsklasse**")
    assert delen[1].startswith("Let op: de peildata verschillen. Vacatures: Q2 2025")
    assert delen[2].startswith("Bron: UWV (vacatures), UWV (WW) · Peildatum: Q2 2025 (vacatures)")
    # no caption of its own for the source line any more
    assert not any(c.value.startswith("Bron: UWV (vacatures)") for c in at.caption)
    # the same elements with the same content in the next rerun (the browser's message cache then hits)
    voor = [(type(e).__name__, getattr(e, "value", None)) for e in at.main]
    at.run()
    assert [(type(e).__name__, getattr(e, "value", None)) for e in at.main] == voor
