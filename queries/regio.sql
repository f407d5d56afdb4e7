select code as regio_code, naam as regio_naam, soort, is_standaard, indeling_bron, aantal_gemeenten
from marts.regios
where code = $regio
