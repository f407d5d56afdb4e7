select tabel, regio_code, regio_naam, perioden, bestand, door, geimporteerd_op, rijen, rijen_in_gebruik, import_id
from marts.uwv_imports
order by import_id desc, tabel, regio_code
