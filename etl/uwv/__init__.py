"""python -m etl.uwv: import UWV files, write the Excel template (see __main__)."""
