-- Where the source contradicts itself. Printed values are kept as printed;
-- this table lists every difference so pages and the Bronnen page show it.
-- waarde: the value as printed in the table; vergelijking: what it is
-- compared with (a sum of rows, another table, a computed growth, the text).
with aantallen as (
    select * from staging.feiten
    where maat = 'aantal' and waarde is not null and dataset <> 'tekstcijfers'
),

sommen as (
    select
        dataset, regio_code, periode, indicator, dimensie,
        any_value(vindplaats) as vindplaats, sum(waarde) as som
    from aantallen
    where not is_totaal and dimensie <> 'totaal'
    group by all
),

som_wijkt_af as (
    select
        'som_wijkt_af' as soort, s.dataset, s.regio_code, s.periode, s.indicator, s.dimensie,
        'Totaal' as categorie, 'aantal' as maat, s.vindplaats,
        t.totaal as waarde, s.som as vergelijking,
        'gedrukt totaal' as waarde_omschrijving,
        format('som van de rijen naar {}', replace(s.dimensie, '_', ' ')) as vergelijking_omschrijving
    from sommen s
    join staging.totalen t
        on t.dataset = s.dataset and t.regio_code = s.regio_code and t.periode = s.periode
        and t.indicator = s.indicator and t.dimensie = s.dimensie
    where s.som <> t.totaal
),

totalen_verschillen as (
    select
        'totalen_verschillen' as soort, a.dataset, a.regio_code, a.periode, a.indicator, a.dimensie,
        'Totaal' as categorie, 'aantal' as maat, a.vindplaats,
        a.waarde, b.waarde as vergelijking,
        'gedrukt totaal' as waarde_omschrijving,
        format('gedrukt totaal in {}', b.vindplaats) as vergelijking_omschrijving
    from aantallen a
    join aantallen b
        on b.regio_code = a.regio_code and b.periode = a.periode and b.indicator = a.indicator
        and b.dataset > a.dataset
    where a.is_totaal and b.is_totaal and a.waarde <> b.waarde
),

reeksen as (
    select
        dataset, regio_code, indicator, dimensie, categorie, periode, waarde,
        lag(waarde) over reeks as vorige,
        lag(periode) over reeks as vorige_periode
    from aantallen
    window reeks as (partition by dataset, regio_code, indicator, dimensie, categorie order by periode_datum)
),

groei as (
    select
        g.*, r.vorige_periode,
        case g.maat
            when 'groei_absoluut' then r.waarde - r.vorige
            else 100.0 * (r.waarde - r.vorige) / r.vorige
        end as berekend
    from staging.feiten g
    join reeksen r
        on r.dataset = g.dataset and r.regio_code = g.regio_code and r.periode = g.periode
        and r.indicator = g.indicator and r.dimensie = g.dimensie and r.categorie = g.categorie
    where g.maat in ('groei_absoluut', 'groei_procent') and g.dataset <> 'tekstcijfers'
      and r.vorige is not null
),

groei_wijkt_af as (
    select
        'groei_wijkt_af' as soort, dataset, regio_code, periode, indicator, dimensie, categorie, maat, vindplaats,
        waarde, round(berekend, 2) as vergelijking,
        format('gedrukte groei {}-{}', vorige_periode, periode) as waarde_omschrijving,
        'berekend uit de gedrukte aantallen' as vergelijking_omschrijving
    from groei
    -- percentages are printed to one decimal: allow half a unit of rounding
    where abs(berekend - waarde) > case maat when 'groei_absoluut' then 0 else 0.05 end
),

tekst_vs_tabel as (
    select
        case when f.waarde is null then 'tekst_niet_in_tabel' else 'tekst_wijkt_af' end as soort,
        t.dataset, t.regio_code, t.periode, t.indicator, t.dimensie, t.categorie, t.maat,
        coalesce(f.vindplaats, t.vindplaats) as vindplaats,
        f.waarde, t.waarde as vergelijking,
        'gedrukt in de tabel' as waarde_omschrijving,
        format('{} ({})', t.vindplaats, t.kwalificatie) as vergelijking_omschrijving
    from staging.feiten t
    left join staging.feiten f
        on f.dataset <> 'tekstcijfers' and f.regio_code = t.regio_code and f.periode = t.periode
        and f.indicator = t.indicator and f.dimensie = t.dimensie and f.categorie = t.categorie
        and f.maat = t.maat
    where t.dataset = 'tekstcijfers' and (f.waarde is null or f.waarde <> t.waarde)
),

unioned as (
    select * from som_wijkt_af
    union all by name select * from totalen_verschillen
    union all by name select * from groei_wijkt_af
    union all by name select * from tekst_vs_tabel
)

select *, vergelijking - waarde as verschil
from unioned
order by vindplaats, regio_code, periode, dimensie
