"""python -m dashboard.report: the export CLI (see dashboard/export/report.py)."""
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
    sys.exit(main())
