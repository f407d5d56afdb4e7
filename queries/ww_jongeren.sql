select indicator, dimensie, categorie, maat, waarde, eenheid, kwalificatie, periode, peildatum, bron
from marts.feiten
where indicator = 'ww_instroom_jongeren' and regio_code = $regio
order by volgorde
