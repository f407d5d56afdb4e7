-- Groene and grijze druk (CBS 70072ned) per gemeente of the region, the region where CBS publishes it,
-- and the comparison region, in the latest year fetched.
with leden as (
    select gemeente_code from marts.gemeente_regio where arbeidsmarktregio_code = $regio
),

druk as (
    select * from marts.feiten
    where dataset = '70072ned' and indicator in ('groene_druk', 'grijze_druk')
      and (regio_code in (select gemeente_code from leden) or regio_code in ($regio, $vergelijk))
)

select regio_code, regio_naam, regio_code in ($regio, $vergelijk) as is_context, indicator, waarde, periode,
       peildatum, bron
from druk
where periode_datum = (select max(periode_datum) from druk)
order by is_context, regio_code = $vergelijk, regio_naam, indicator
