-- One indicator over one dimension (opleidingsniveau, leeftijd, beroepsklasse,
-- ...), region beside comparison, each at its latest period (or, with $tot, its latest period that
-- starts on or before $tot: the page's period choice; NULL = the latest of all), in the printed
-- order. Shares as printed and as computed from count / printed total.
with basis as (
    select * from marts.feiten
    where indicator = $indicator
      and dimensie in ($dimensie, 'totaal')
      and regio_code in ($regio, $vergelijk)
),

laatste as (
    select regio_code, max(periode_datum) as periode_datum
    from basis where dimensie = $dimensie and ($tot is null or periode_datum <= $tot)
    group by regio_code
),

feiten as (
    select b.* from basis b join laatste l using (regio_code, periode_datum)
),

totaal as (
    -- the dimension's own total row, else the table's one total (Tabel 3)
    select regio_code, arg_max(waarde, dimensie = $dimensie) as totaal
    from feiten where is_totaal and maat = 'aantal'
    group by regio_code
),

rijen as (
    select
        categorie,
        any_value(beroepsklasse_code) as beroepsklasse_code,
        bool_or(is_totaal) as is_totaal,
        min(volgorde) as volgorde,
        max(waarde) filter (where regio_code = $regio and maat = 'aantal') as regio_aantal,
        max(waarde) filter (where regio_code = $regio and maat = 'aandeel') as regio_aandeel,
        max(waarde) filter (where regio_code = $regio and maat = 'jaarmutatie') as regio_jaarmutatie,
        max(waarde) filter (where regio_code = $vergelijk and maat = 'aantal') as vergelijk_aantal,
        max(waarde) filter (where regio_code = $vergelijk and maat = 'aandeel') as vergelijk_aandeel,
        max(waarde) filter (where regio_code = $vergelijk and maat = 'jaarmutatie') as vergelijk_jaarmutatie
    from feiten
    where dimensie = $dimensie or (is_totaal and dimensie = 'totaal')
    group by categorie
),

herkomst as (
    select
        any_value(periode) filter (where regio_code = $regio) as periode,
        any_value(periode_type) filter (where regio_code = $regio) as periode_type,
        any_value(peildatum) filter (where regio_code = $regio) as peildatum,
        any_value(bron) filter (where regio_code = $regio) as bron,
        any_value(peildatum) filter (where regio_code = $vergelijk) as vergelijk_peildatum,
        any_value(kwalificatie) filter (where regio_code = $vergelijk) as vergelijk_kwalificatie
    from feiten
)

select
    r.*,
    100.0 * r.regio_aantal / (select totaal from totaal where regio_code = $regio) as regio_aandeel_berekend,
    100.0 * r.vergelijk_aantal / (select totaal from totaal where regio_code = $vergelijk) as vergelijk_aandeel_berekend,
    b.cruciale_sector,
    b.regionale_focus,
    h.*
from rijen r
cross join herkomst h
left join marts.beroepsklassen b on b.code = r.beroepsklasse_code
order by r.is_totaal, r.volgorde
