-- Every arbeidsmarktregio and Nederland on each indicator available for all regions, with its rank
-- (marts.regio_vergelijking: latest period only, like for like).
select indicator, label, definitie, eenheid, volgorde, regio_code, regio_naam, is_land, waarde, periode,
       peildatum, bron, kwalificatie, plaats, aantal
from marts.regio_vergelijking
order by volgorde, is_land desc, plaats, regio_naam
