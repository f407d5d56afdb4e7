select
    vindplaats, regio_code, periode, indicator, dimensie, categorie, maat,
    waarde_omschrijving, waarde, vergelijking_omschrijving, vergelijking, verschil, soort
from marts.discrepanties
order by vindplaats, regio_code, dimensie
