-- Every region the dashboard knows (Nederland and the arbeidsmarktregio's), for a region picker.
select code as regio_code, naam as regio_naam, soort, is_standaard, indeling_bron, aantal_gemeenten
from marts.regios
order by naam
