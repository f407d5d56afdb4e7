-- The printed total that each group of counts belongs to: the group's own
-- 'Totaal' row, or, where the table prints one total for all its dimensions
-- (Tabel 3 WW-kenmerken), the total of dimension 'totaal'.
with aantallen as (
    select * from staging.feiten where maat = 'aantal' and waarde is not null
),

groepen as (
    select distinct dataset, regio_code, periode, indicator, dimensie from aantallen
),

eigen as (
    select dataset, regio_code, periode, indicator, dimensie, waarde
    from aantallen where is_totaal
),

algemeen as (
    select dataset, regio_code, periode, indicator, waarde
    from aantallen where is_totaal and dimensie = 'totaal'
),

renamed as (
    select
        g.dataset, g.regio_code, g.periode, g.indicator, g.dimensie,
        coalesce(e.waarde, a.waarde) as totaal
    from groepen g
    left join eigen e
        on e.dataset = g.dataset and e.regio_code = g.regio_code and e.periode = g.periode
        and e.indicator = g.indicator and e.dimensie = g.dimensie
    left join algemeen a
        on a.dataset = g.dataset and a.regio_code = g.regio_code and a.periode = g.periode
        and a.indicator = g.indicator
)

select * from renamed where totaal is not null
