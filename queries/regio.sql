select code as regio_code, naam as regio_naam, soort
from raw.ref_regios
where code = $regio
