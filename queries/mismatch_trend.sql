-- Vacatures, WW-uitkeringen and their ratio per beroepsklasse over every vacatures period of a region.
select keuze, keuze_datum, vacatures_peildatum, ww_peildatum, beroepsklasse, vacatures, ww_uitkeringen,
       vacatures_per_ww
from marts.mismatch_perioden
where regio_code = $regio and not is_rest
order by beroepsklasse, keuze_datum
