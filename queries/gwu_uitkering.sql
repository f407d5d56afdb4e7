select categorie as uitkering, waarde as aandeel, kwalificatie, periode, periode_type, peildatum, bron
from marts.feiten
where indicator = 'gwu' and dimensie = 'uitkering' and maat = 'aandeel' and regio_code = $regio
order by volgorde
