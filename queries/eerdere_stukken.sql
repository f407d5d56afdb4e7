-- Figures from the earlier programme documents (2021-2024): national tightness,
-- bijstand, the Banenafspraak. Context; each with its own period and source.
select regio_code, regio_naam, indicator, dimensie, categorie, maat, waarde, eenheid, kwalificatie,
       periode, periode_type, peildatum, bron, vindplaats
from marts.feiten
where dataset in ('landelijk_context', 'banenafspraak') and regio_code in ($regio, $vergelijk)
order by dataset, volgorde
