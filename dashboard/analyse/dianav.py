"""The presentation's navigation row (Begin, Vorige, the slide index, Volgende, Einde, Sluiten) as one
component instead of six buttons and a select box.

Each Streamlit widget costs every slide switch its own message, id and session-state bookkeeping: the row of
seven widgets in a flex container was about half of a slide switch (issue 14: a switch <= 2x an empty page).
This component is one element; its buttons are ordinary <button>s and its index an ordinary <select> in the
page itself (no iframe, no shadow root), so the slide's keyboard script (presentatie.DIA_SCRIPT) presses them
as before, a screen reader reads them, and Tab reaches them. A press sends the slide number (or "sluiten") to
the server, whose callback puts it in the URL (?dia=) before the slide is drawn: one run, as with the buttons."""
from __future__ import annotations

import json

import streamlit as st

SLEUTEL = "dia-nav"

# Streamlit's own button and select box look (measured in the browser), for the controls we draw ourselves
CSS = """
.dia-nav { display: flex; flex-wrap: wrap; align-items: center; gap: 1rem; width: 100%; font-family: inherit; }
.dia-nav button { display: inline-flex; align-items: center; gap: .5rem; min-height: 2.5rem; padding: .25rem .75rem;
  font: inherit; font-size: .875rem; line-height: 1.6; color: #31333f; background: #fff; white-space: nowrap;
  border: 1px solid rgba(49, 51, 63, .2); border-radius: .5rem; cursor: pointer; }
.dia-nav button:hover:not(:disabled) { border-color: #1b5e8c; color: #1b5e8c; }
.dia-nav button.primair { background: #1b5e8c; border-color: #1b5e8c; color: #fff; }
.dia-nav button.primair:hover:not(:disabled) { background: #164d73; color: #fff; }
.dia-nav button:disabled { cursor: not-allowed; color: rgba(49, 51, 63, .4); background: transparent; }
.dia-nav button.primair:disabled { background: rgba(49, 51, 63, .05); border-color: rgba(49, 51, 63, .2); }
.dia-nav button svg { width: 1.1rem; height: 1.1rem; fill: currentColor; }
.dia-nav select { flex: 1 1 12rem; min-width: 0; min-height: 2.5rem; padding: .25rem .6rem; font: inherit;
  font-size: .875rem; color: #31333f; background: #f5f5f0; border: 1px solid rgba(49, 51, 63, .2);
  border-radius: .5rem; cursor: pointer; }
"""

# first_page / last_page (Material Symbols, as Streamlit's icons)
BEGIN = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M18.41 16.59 13.82 12l4.59-4.59L17 6l-6 6 6 6zM6 6h2v12H6z"/></svg>'
EINDE = '<svg viewBox="0 0 24 24" aria-hidden="true"><path d="M5.59 7.41 10.18 12l-4.59 4.59L7 18l6-6-6-6zM16 6h2v12h-2z"/></svg>'

JS = """
export default function ({ data, parentElement, setTriggerValue }) {
  const { nr, titels } = JSON.parse(new TextDecoder().decode(data));
  const aantal = titels.length;
  let nav = parentElement.querySelector('nav.dia-nav');
  if (!nav) {
    nav = document.createElement('nav');
    nav.className = 'dia-nav';
    nav.setAttribute('aria-label', 'Dia\\u2019s');
    parentElement.appendChild(nav);
    nav.addEventListener('click', (e) => {
      const b = e.target.closest('button[data-doel]');
      if (b && !b.disabled) setTriggerValue('ga', b.dataset.doel);
    });
    nav.addEventListener('change', (e) => {
      if (e.target.tagName === 'SELECT') setTriggerValue('ga', e.target.value);
    });
  }
  // keyboard users keep their place: the control that had the focus has it again after the redraw
  const had = nav.contains(document.activeElement) ? document.activeElement.dataset.knop : null;
  const esc = (s) => String(s).replace(/[&<>"']/g, (c) => ({'&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;'}[c]));
  const knop = (naam, tekst, titel, doel, uit, extra = '') =>
    `<button type="button" data-knop="${naam}" data-doel="${doel}" title="${esc(titel)}"${uit ? ' disabled' : ''}${extra}>${tekst}</button>`;
  nav.innerHTML =
    knop('dia-eerste', `BEGIN<span>Begin</span>`, 'Eerste dia (Home)', 1, nr === 1)
    + knop('dia-vorige', '\\u2190 Vorige', 'Vorige dia (\\u2190, PageUp)', nr - 1, nr === 1)
    + '<select data-knop="dia-index" aria-label="Dia">'
    + titels.map((t, i) => `<option value="${i + 1}"${i + 1 === nr ? ' selected' : ''}>${esc(`Dia ${i + 1} van ${aantal} \\u00b7 ${t}`)}</option>`).join('')
    + '</select>'
    + knop('dia-volgende', 'Volgende \\u2192', 'Volgende dia (\\u2192, PageDown, spatie)', nr + 1, nr === aantal, ' class="primair"')
    + knop('dia-laatste', `EINDE<span>Einde</span>`, 'Laatste dia (End)', aantal, nr === aantal)
    + knop('dia-sluiten', 'Sluiten', 'Presentatie sluiten (Escape)', 'sluiten', false);
  if (had) {
    const terug = nav.querySelector(`[data-knop="${had}"]`);
    if (terug && !terug.disabled) terug.focus();
  }
}
""".replace("BEGIN", BEGIN).replace("EINDE", EINDE)

# registered once; each run mounts it on the active runtime (AppTest makes one per test)
_nav = st.components.v2.component("beraad_dianav", css=CSS, js=JS, isolate_styles=False)


def doel(waarde, aantal: int) -> dict:
    """The URL's slide parameters for what the row sent: a slide number ('3') or 'sluiten'."""
    if waarde == "sluiten":
        return {"presentatie": None, "dia": None, "scherm": None}
    try:
        nr = int(str(waarde))
    except ValueError:
        return {}
    return {"dia": min(max(nr, 1), aantal)}


def toon(nr: int, titels: list[str], ga_naar) -> None:
    """The row for slide `nr` of the slides titled `titels`; `ga_naar(**params)` puts a press in the URL."""
    def gedrukt():
        waarde = (st.session_state.get(SLEUTEL) or {}).get("ga")
        ga_naar(**doel(waarde, len(titels)))

    # as JSON bytes: Streamlit walks a dict looking for data frames on every run, bytes it passes on as they are
    _nav(key=SLEUTEL, data=json.dumps({"nr": nr, "titels": titels}).encode(), on_ga_change=gedrukt)
