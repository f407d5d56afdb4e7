-- GWU by uitkering for a region at its latest period (or, with $tot, its latest period that starts on or before
-- $tot: the Analyse's period choice; NULL = the latest of all).
with feiten as (
    select * from marts.feiten
    where indicator = 'gwu' and dimensie = 'uitkering' and maat = 'aandeel' and regio_code = $regio
)

select categorie as uitkering, waarde as aandeel, kwalificatie, periode, periode_type, peildatum, bron
from feiten
where periode_datum = (select max(periode_datum) from feiten where $tot is null or periode_datum <= $tot)
order by volgorde
