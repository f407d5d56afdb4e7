"""Helpers shared by the sources: immutable snapshots with a manifest (snapshot), one HTTP request with
retries (retry), CBS period codes (perioden), fetch errors (fouten), CSV files read as text with line
numbers (csvbestand) and the CBS catalog-to-long-shape step shared by the CBS sources (cbs)."""
