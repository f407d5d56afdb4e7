select regio_code, maat, waarde, periode, periode_type, peildatum, bron
from marts.feiten
where indicator = 'ww_uitkeringen' and dimensie = 'totaal' and is_totaal and regio_code in ($regio, $vergelijk)
qualify periode_datum = max(periode_datum) over (partition by regio_code)
