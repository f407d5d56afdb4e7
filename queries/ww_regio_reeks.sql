-- Personen met WW-uitkering per maand, seizoengecorrigeerd (CBS 85554NED), region and comparison region.
select regio_code, regio_naam, regio_code = $regio as is_regio, periode, periode_datum, waarde, peildatum, bron,
       kwalificatie
from marts.feiten
where dataset = '85554NED' and indicator = 'personen_met_ww' and regio_code in ($regio, $vergelijk)
order by is_regio desc, periode_datum
