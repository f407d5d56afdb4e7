-- Totals of the UWV tables over time, region beside comparison: GWU (Tabel 1/2), WW-uitkeringen
-- (per beroepsklasse, Tabel 6, and kenmerken, Tabel 3) and openstaande vacatures (Tabel 5).
select dataset, indicator, regio_code, regio_naam, periode, periode_type, periode_datum, waarde, bron, peildatum
from marts.feiten
where regio_code in ($regio, $vergelijk)
  and dataset in ('gwu_opleiding', 'gwu_leeftijd', 'ww_beroepsklasse', 'ww_kenmerken', 'vacatures_beroepsklasse')
  and is_totaal and maat = 'aantal' and waarde is not null
order by dataset, regio_code, periode_datum
