select categorie, waarde, eenheid, is_totaal, periode, peildatum, bron, kwalificatie, volgorde
from marts.feiten
where indicator = 'onbenut_arbeidspotentieel' and regio_code = $regio
qualify periode_datum = max(periode_datum) over ()
order by is_totaal desc, volgorde
