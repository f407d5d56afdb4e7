-- Typed facts from the embedded transcriptions (data/raw/seed/*.csv).
-- Values stay text in raw; here they are typed, and the checks in
-- etl/sql/checks/ report every value that does not type cleanly.
with uwv as (
    -- UWV files imported with `python -m etl.uwv import` (etl/bronnen/uwv): the latest import of each
    -- (table, region, period) is in use; it replaces the seed's transcription of the same period
    select * exclude (import_id, bestandsnaam, door, geimporteerd_op, in_gebruik)
    from raw.uwv_feiten where in_gebruik
),

source as (
    select * from raw.seed_feiten s
    where not exists (
        select 1 from uwv u where u.dataset = s.dataset and u.regio = s.regio and u.periode = s.periode
    )
    union all by name
    select * from uwv
),

renamed as (
    select
        dataset,
        bestand,
        regel,
        trim(regio) as regio_code,
        trim(periode) as periode,
        trim(periode_type) as periode_type,
        case
            when trim(periode_type) = 'jaar' and regexp_full_match(trim(periode), '[0-9]{4}')
                then make_date(cast(trim(periode) as integer), 1, 1)
            when trim(periode_type) = 'kwartaal' and regexp_full_match(trim(periode), '[0-9]{4}-Q[1-4]')
                then make_date(cast(left(trim(periode), 4) as integer),
                               3 * cast(right(trim(periode), 1) as integer) - 2, 1)
            when trim(periode_type) = 'maand' and regexp_full_match(trim(periode), '[0-9]{4}-(0[1-9]|1[0-2])')
                then make_date(cast(left(trim(periode), 4) as integer),
                               cast(right(trim(periode), 2) as integer), 1)
        end as periode_datum,
        trim(indicator) as indicator,
        trim(dimensie) as dimensie,
        trim(categorie) as categorie,
        trim(maat) as maat,
        nullif(trim(waarde), '') as waarde_tekst,
        -- at most 15 digits before the point: a longer number is reported by checks/04_seed_waarden.sql and
        -- must not reach the other checks as an overflowing double (or inf)
        case
            when regexp_full_match(trim(waarde), '-?[0-9]{1,15}(\.[0-9]+)?') then cast(trim(waarde) as double)
        end as waarde,
        trim(eenheid) as eenheid,
        nullif(trim(kwalificatie), '') as kwalificatie,
        trim(bron) as bron,
        trim(peildatum) as peildatum,
        trim(vindplaats) as vindplaats,
        coalesce(kwalificatie ilike '%prognose%', false) as is_prognose,
        trim(categorie) = 'Totaal' as is_totaal
    from source
)

select * from renamed
