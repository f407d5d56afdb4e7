-- The values of the seed transcriptions as etl/bronnen/seed/waarden.py found them: allowed codes
-- (maat, dimensie, eenheid), a number per maat within its range (grenzen.py), no ambiguous thousands
-- separator, no inf or nan, no region above the country. Checked in Python when the files are read,
-- reported here with every other check.
select bestand, regel, kolom, melding from raw.seed_waardefouten
