-- The region's latest WW total (stand, jaarmutatie) and the comparison's figures
-- from the same table and period, so the two are comparable. With $tot: the latest period that starts on
-- or before $tot (the Analyse's period choice; NULL = the latest of all).
with regio as (
    select * from marts.feiten
    where indicator = 'ww_uitkeringen' and dimensie = 'totaal' and is_totaal and regio_code = $regio
      and ($tot is null or periode_datum <= $tot)
    qualify periode_datum = max(periode_datum) over ()
)

select regio_code, maat, waarde, periode, periode_type, peildatum, bron
from marts.feiten f
where indicator = 'ww_uitkeringen' and dimensie = 'totaal' and is_totaal
  and regio_code in ($regio, $vergelijk)
  and (dataset, periode) in (select distinct dataset, periode from regio)
