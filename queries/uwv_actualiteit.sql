select tabel, regio_code, regio_naam, periode, periode_type, periode_datum, referentie_datum, is_verouderd
from marts.uwv_actualiteit
order by is_verouderd desc, tabel, regio_code
