"""The figure register: every figure is one registered key that pages, the
Analyse and versions share, and adding a figure is one file plus its key on a page."""
from __future__ import annotations

import json
import textwrap

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.figuren import figuur, register
from dashboard.kern.context import Context


def am12() -> Context:
    return Context("AM12", "Gooi en Vechtstreek", "NL01", "Nederland")


def test_every_registered_figure_survives_a_round_trip_through_a_version(warehouse):
    register.laad()
    leeg = set()
    for sleutel in sorted(register.FIGUREN):
        fig = register.maak(sleutel, am12())
        if fig is None:
            leeg.add(sleutel)
            continue
        opgeslagen = json.loads(json.dumps(figuur.naar_dict(fig)))      # what a version stores
        terug = figuur.van_dict(opgeslagen)
        assert (terug.sleutel, terug.titel, terug.zin, terug.bron) == (fig.sleutel, fig.titel, fig.zin, fig.bron)
        if fig.grafiek is not None:
            assert terug.grafiek.plotly().to_json() == fig.grafiek.plotly().to_json(), sleutel
    # the embedded data has everything but the series fetched from CBS (and the comparison of regions built
    # from them), and one period of UWV figures (no trend); Gooi en Vechtstreek has every regional file, so
    # Bronnen has no how-to for it
    assert leeg == {"inwoners-reeks", "druk-gemeenten", "ww-regio-reeks", "ww-nl", "werkloosheid-nl",
                    "mismatch-trend", "trend-vacatures", "trend-ww", "trend-gwu",
                    "regio-rang", "regio-overzicht", "regio-peers", "bronnen-regio", "kaart-regios",
                    "kaart-gemeenten", "gemeenten-index", "regio-provincies"}


def test_a_figure_is_made_once_per_build_and_shared(warehouse):
    assert register.maak("mismatch", am12()) is register.maak("mismatch", am12())


def test_unknown_key_names_the_known_ones():
    with pytest.raises(KeyError, match="onbekende figuur 'bestaat-niet'.*mismatch"):
        register.aanmelding("bestaat-niet")


def test_a_chart_recipe_cannot_name_a_function_outside_the_chart_modules():
    with pytest.raises(ValueError, match="onbekende grafiek"):
        figuur.Grafiek("os:system", ("true",)).plotly()


def test_adding_a_figure_is_one_module_and_a_key_on_a_page(warehouse, tmp_path, monkeypatch):
    """The recipe from the README, done by a test: a new module registers a figure, a page names its key."""
    monkeypatch.setattr(register, "FIGUREN", dict(register.FIGUREN))   # forget the test figure afterwards
    (tmp_path / "inwoners_test.py").write_text(textwrap.dedent('''
        from dashboard.figuren import charts
        from dashboard.figuren.figuur import Figuur, grafiek
        from dashboard.figuren.register import figuur
        from dashboard.kern import db
        from dashboard.kern import format as fmt


        @figuur("inwoners-test", "Inwoners", leeg="Geen inwoners voor {regio_naam}.")
        def inwoners(ctx):
            r = next((r for r in db.rijen("bevolking_kaarten", regio=ctx.regio) if r["label"] == "Inwoners"), None)
            if r is None:
                return None
            return Figuur("inwoners-test", f"{fmt.getal(r['waarde'])} inwoners in {ctx.regio_naam}",
                          "Een figuur uit een nieuwe module.", r["bron"], r["peildatum"],
                          grafiek=grafiek(charts.staaf, ["Inwoners"], [r["waarde"]], "Inwoners"))
    '''))
    pagina = tmp_path / "pagina.py"
    pagina.write_text(textwrap.dedent('''
        import streamlit as st
        import inwoners_test  # noqa: F401 - registers its figure
        from dashboard.figuren import tonen
        from dashboard.kern import context

        ctx = context.huidig()
        st.title("Nieuwe pagina")
        tonen.figuren(ctx, "inwoners-test")
    '''))
    monkeypatch.syspath_prepend(str(tmp_path))
    at = AppTest.from_file(str(pagina), default_timeout=30).run()
    assert not at.exception
    tekst = "\n".join(m.value for m in at.markdown)
    assert "#### 248.000 inwoners in Gooi en Vechtstreek" in tekst
    assert len(at.get("plotly_chart")) == 1
    assert any(c.value.startswith("Bron: ") for c in at.caption)
