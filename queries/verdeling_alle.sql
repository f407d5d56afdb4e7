-- Every indicator over each of its dimensions (opleidingsniveau, leeftijd, beroepsklasse, ...), region beside
-- comparison, each at its latest period (or, with $tot, its latest period that starts on or before $tot: the
-- page's period choice; NULL = the latest of all), in the printed order. Shares as printed and as computed
-- from count / printed total. One query for all distributions (a document shows seven; each was a query of
-- its own): dashboard/figuren/verdeling.py splits the rows per (indicator, dimensie), and
-- tests/test_analyse_verdeling.py holds each part equal to the per-distribution query it replaced.
with paren as (
    select distinct indicator, dimensie
    from marts.feiten
    where dimensie <> 'totaal' and regio_code in ($regio, $vergelijk)
),

basis as (
    select p.indicator as p_indicator, p.dimensie as p_dimensie, f.*
    from marts.feiten f
    join paren p on f.indicator = p.indicator and f.dimensie in (p.dimensie, 'totaal')
    where f.regio_code in ($regio, $vergelijk)
),

laatste as (
    select p_indicator, p_dimensie, regio_code, max(periode_datum) as periode_datum
    from basis where dimensie = p_dimensie and ($tot is null or periode_datum <= $tot)
    group by p_indicator, p_dimensie, regio_code
),

feiten as (
    select b.* from basis b join laatste l using (p_indicator, p_dimensie, regio_code, periode_datum)
),

totaal as (
    -- the dimension's own total row, else the table's one total (Tabel 3)
    select p_indicator, p_dimensie, regio_code, arg_max(waarde, dimensie = p_dimensie) as totaal
    from feiten where is_totaal and maat = 'aantal'
    group by p_indicator, p_dimensie, regio_code
),

rijen as (
    select
        p_indicator,
        p_dimensie,
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
    where dimensie = p_dimensie or (is_totaal and dimensie = 'totaal')
    group by p_indicator, p_dimensie, categorie
),

herkomst as (
    select
        p_indicator,
        p_dimensie,
        any_value(periode) filter (where regio_code = $regio) as periode,
        any_value(periode_type) filter (where regio_code = $regio) as periode_type,
        any_value(peildatum) filter (where regio_code = $regio) as peildatum,
        any_value(bron) filter (where regio_code = $regio) as bron,
        any_value(peildatum) filter (where regio_code = $vergelijk) as vergelijk_peildatum,
        any_value(kwalificatie) filter (where regio_code = $vergelijk) as vergelijk_kwalificatie
    from feiten
    group by p_indicator, p_dimensie
)

select
    r.* exclude (p_indicator, p_dimensie),
    100.0 * r.regio_aantal / tr.totaal as regio_aandeel_berekend,
    100.0 * r.vergelijk_aantal / tv.totaal as vergelijk_aandeel_berekend,
    b.cruciale_sector,
    b.regionale_focus,
    h.* exclude (p_indicator, p_dimensie),
    r.p_indicator as indicator,
    r.p_dimensie as dimensie
from rijen r
join herkomst h using (p_indicator, p_dimensie)
left join totaal tr on tr.p_indicator = r.p_indicator and tr.p_dimensie = r.p_dimensie and tr.regio_code = $regio
left join totaal tv on tv.p_indicator = r.p_indicator and tv.p_dimensie = r.p_dimensie and tv.regio_code = $vergelijk
left join marts.beroepsklassen b on b.code = r.beroepsklasse_code
order by r.p_indicator, r.p_dimensie, r.is_totaal, r.volgorde
