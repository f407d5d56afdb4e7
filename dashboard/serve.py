"""python -m dashboard.serve [streamlit options]: `streamlit run app.py`, with
one fix. Streamlit still treats a folder named pages/ next to the entry point
as legacy auto-pages until the first session has called st.navigation, so the
first visitor after a start who follows a deep link (/mismatch) gets the
legacy sidebar and layout. Our pages/ holds st.navigation pages only; telling
Streamlit so before it starts removes that first-visit glitch."""
from __future__ import annotations

import sys

from streamlit.runtime.pages_manager import PagesManager
from streamlit.web import cli

from etl.settings import ROOT


def main(argv: list[str] | None = None) -> None:
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(ROOT / "app.py"), *(sys.argv[1:] if argv is None else argv)]
    cli.main()


if __name__ == "__main__":
    main()
