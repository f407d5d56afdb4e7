"""Analyse arbeidsmarkt (Bijlage 1) for the Regionaal Beraad: read it, present
it (?presentatie=1&dia=N), save what the Beraad saw as a dated version, reopen
and compare versions, export as HTML or PDF."""
import streamlit as st

from dashboard.analyse import pagina as analyse_pagina
from dashboard.kern import context

ctx = context.huidig()
doc, manifest = analyse_pagina.gekozen_document(ctx)
if doc is not None:
    if st.query_params.get("presentatie") == "1":
        analyse_pagina.presenteer(doc, manifest)
    else:
        st.title(f"Analyse arbeidsmarkt {doc['regio_naam']}")
        analyse_pagina.kopregel(doc, manifest)
        analyse_pagina.bediening(ctx, doc, manifest)
        analyse_pagina.inhoud(doc)
