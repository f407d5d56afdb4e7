-- CBS observations in the shape of the seed facts, so marts.feiten holds both:
-- gemeenten, provinces and Nederland as published, plus each arbeidsmarktregio
-- as the sum of its gemeenten (membership: staging.gemeente_regio), only for periods where every
-- member gemeente has a value.
with obs as (
    select * from staging.cbs_observaties where waarde is not null
),

leden as (
    select * from staging.gemeente_regio
),

regio_som as (
    select
        l.regio_code, coalesce(any_value(r.naam), any_value(l.regio_naam)) as regio_naam, o.table_id,
        o.indicator, o.measure_title, o.eenheid,
        o.periode_code, o.periode, o.periode_type, o.periode_datum, max(o.status) as status,
        sum(o.waarde) as waarde, count(*) as gemeenten, any_value(l.aantal_leden) as aantal_leden
    from obs o
    join leden l on l.gemeente_code = o.regio_code
    left join staging.regios r on r.code = l.regio_code
    where o.eenheid in ('personen', 'uitkeringen')  -- counts add up; percentages do not
    group by all
    having count(*) = any_value(l.aantal_leden)
),

alles as (
    select regio_code, regio_naam, table_id, indicator, measure_title, eenheid, periode_code, periode,
           periode_type, periode_datum, status, waarde, null as kwalificatie_extra
    from obs
    union all
    select regio_code, regio_naam, table_id, indicator, measure_title, eenheid, periode_code, periode,
           periode_type, periode_datum, status, waarde,
           format('som van {} gemeenten', gemeenten) as kwalificatie_extra
    from regio_som
),

maanden as (
    select * from (values (1, 'januari'), (2, 'februari'), (3, 'maart'), (4, 'april'), (5, 'mei'), (6, 'juni'),
                          (7, 'juli'), (8, 'augustus'), (9, 'september'), (10, 'oktober'), (11, 'november'),
                          (12, 'december')) as t(nummer, naam)
),

renamed as (
    select
        a.table_id as dataset,
        'cbs/' || a.table_id as bestand,
        cast(row_number() over (order by a.table_id, a.regio_code, a.periode_code, a.indicator) as bigint) as regel,
        a.regio_code,
        a.regio_naam,
        a.periode,
        a.periode_type,
        a.periode_datum,
        a.indicator,
        'totaal' as dimensie,
        'Totaal' as categorie,
        case when a.eenheid = 'procent' then 'waarde' else 'aantal' end as maat,
        a.waarde,
        a.eenheid,
        nullif(concat_ws('; ', lower(a.status), a.kwalificatie_extra,
                         case when a.measure_title ilike 'seizoengecorrigeerd%' then 'seizoengecorrigeerd' end), '')
            as kwalificatie,
        false as is_prognose,
        true as is_totaal,
        'CBS StatLine, tabel ' || a.table_id as bron,
        case a.periode_type
            when 'maand' then m.naam || ' ' || year(a.periode_datum)
            when 'kwartaal' then 'Q' || quarter(a.periode_datum) || ' ' || year(a.periode_datum)
            else a.periode
        end || coalesce(' (' || lower(a.status) || ')', '') as peildatum,
        'CBS StatLine ' || a.table_id as vindplaats
    from alles a
    left join maanden m on a.periode_type = 'maand' and m.nummer = month(a.periode_datum)
)

select * from renamed
