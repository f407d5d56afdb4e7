-- The boundaries of every arbeidsmarktregio for the map of all regions.
select code, naam, geometrie
from marts.geometrie
where laag = 'arbeidsmarktregio'
order by code
