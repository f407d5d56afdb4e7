select regio_code, indicator, categorie, maat, waarde, eenheid, kwalificatie, periode, periode_type, peildatum, bron
from marts.feiten
where dataset = 'banen_ontwikkeling' and regio_code in ($regio, $vergelijk)
order by regio_code = $regio desc, volgorde
