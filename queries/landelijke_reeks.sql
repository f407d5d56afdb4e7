-- A national CBS series of one period type (e.g. WW-uitkeringen per maand, 37789ksz) from a start date on.
select periode, periode_type, periode_datum, waarde, eenheid, peildatum, bron, kwalificatie
from marts.feiten
where indicator = $indicator and dataset = $dataset and periode_type = $periode_type
  and periode_datum >= $vanaf
  and regio_code in (select code from marts.regios where soort = 'land')
order by periode_datum
