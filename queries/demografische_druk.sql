select regio_code, regio_naam, indicator, waarde, eenheid, periode, periode_type, peildatum, bron, kwalificatie
from marts.feiten
where dataset = 'demografische_druk' and regio_code in ($regio, $vergelijk)
order by indicator, regio_code = $regio desc
