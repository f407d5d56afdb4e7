"""python -m dashboard.report: the export CLI (see dashboard/export/report.py)."""
import sys

from dashboard.export.report import main

if __name__ == "__main__":
    sys.exit(main())
