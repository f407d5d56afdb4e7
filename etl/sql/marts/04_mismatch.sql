-- Openstaande vacatures beside WW-uitkeringen per beroepsklasse, per region, at the latest vacatures
-- period: the latest row set of marts.mismatch_perioden, so the page's default and its period choice
-- pair the two sources by one rule (the WW period within six months of the vacatures quarter, as in
-- Bijlage 1: Q2 2025 with september 2025). A WW month imported far ahead of the vacatures is therefore
-- not set beside an old quarter. Both peildata are on every row so the page can say they differ.
select * exclude (keuze, keuze_datum, is_laatste)
from marts.mismatch_perioden
where is_laatste
order by regio_code, is_rest, verschil
