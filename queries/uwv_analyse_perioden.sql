-- The Analyse's UWV period choice for a region, newest first: each vacatures quarter with the WW period paired
-- with it (marts.mismatch_perioden: the latest WW period less than six months after the quarter starts).
select distinct keuze, keuze_datum, vacatures_periode_type, ww_periode, ww_periode_type, is_laatste
from marts.mismatch_perioden
where regio_code = $regio and ww_periode is not null and vacatures_periode is not null
order by keuze_datum desc
