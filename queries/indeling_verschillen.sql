-- Gemeenten where CBS Gebieden in Nederland and the shipped membership disagree.
select regio_code, gemeente_code, gemeente_naam, soort, cbs_regio_code, cbs_regio_naam, dataset, melding
from marts.indeling_verschillen
order by regio_code, gemeente_code
