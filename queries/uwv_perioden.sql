-- The periods of one UWV table for a region, newest first: the page's period choice.
select distinct periode, periode_type, periode_datum
from marts.feiten
where dataset = $tabel and regio_code = $regio
order by periode_datum desc
