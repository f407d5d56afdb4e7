-- A region is a row: Nederland and every arbeidsmarktregio (data/raw/referentie/regios.csv), which
-- one the dashboard opens with, and where its gemeenten come from (marts.gemeente_regio): the
-- shipped list, CBS Gebieden in Nederland, or not known yet (null: no roll-up from gemeenten).
with source as (
    select * from staging.regios
),

leden as (
    select
        arbeidsmarktregio_code as code,
        count(*) as aantal_gemeenten,
        bool_and(is_meegeleverd) as is_meegeleverd,
        any_value(bron) as indeling_herkomst
    from marts.gemeente_regio
    group by all
),

renamed as (
    select
        s.code,
        s.naam,
        s.soort,
        s.is_standaard,
        case when l.is_meegeleverd then 'meegeleverd' when l.code is not null then 'CBS' end as indeling_bron,
        l.indeling_herkomst,
        coalesce(l.aantal_gemeenten, 0) as aantal_gemeenten,
        s.bron
    from source s
    left join leden l using (code)
)

select * from renamed
order by soort = 'land' desc, code
