-- The source's own discrepancies for one region and its comparison (the Analyse of that region names only these).
select
    vindplaats, regio_code, periode, indicator, dimensie, categorie, maat,
    waarde_omschrijving, waarde, vergelijking_omschrijving, vergelijking, verschil, soort
from marts.discrepanties
where regio_code in ($regio, $vergelijk)
order by vindplaats, regio_code, dimensie
