"""python -m dashboard.report: the export CLI (see dashboard/export/report.py)."""
import gc
import sys


def _pdf_gevraagd(argv: list[str]) -> bool:
    return "--format=pdf" in argv or any(a == "--format" and b == "pdf" for a, b in zip(argv, argv[1:], strict=False))


if __name__ == "__main__":
    if _pdf_gevraagd(sys.argv[1:]):
        # Chromium starts, and compiles plotly.js, while Python imports the analysis and its libraries (~1 s)
        from dashboard.export import pdf
        try:
            pdf.voorbereiden()
        except pdf.PdfFout:
            pass   # the export itself says so, in Dutch
    from dashboard.export.report import main
    uitkomst = main()
    # The file is written and the process ends here. Python's shutdown would first search every object of the
    # loaded stack (pandas, plotly, Streamlit, DuckDB: ~120.000) for reference cycles, ~0.2 s of CPU that frees
    # only memory the operating system takes back anyway: frozen objects are left out of that search. atexit
    # handlers (the PDF printer closes Chromium) and the flushing of stdout and stderr still run.
    gc.freeze()
    sys.exit(uitkomst)
