-- CBS observations of the catalog's measures (etl/catalog.toml), typed.
-- Tables without a region dimension are national figures: the region of soort 'land' in
-- data/raw/referentie/regios.csv.
with source as (
    select * from raw.cbs_observaties
),

land as (
    select min(code) as code, min(naam) as naam from staging.regios where soort = 'land'
),

renamed as (
    select
        table_id,
        coalesce(nullif(trim(regio_code), ''), (select code from land)) as regio_code,
        coalesce(cast(regio_naam as varchar), case when regio_code is null then (select naam from land) end)
            as regio_naam,
        periode_code,
        periode,
        periode_type,
        cast(periode_datum as date) as periode_datum,
        measure,
        measure_title,
        indicator,
        eenheid,
        cast(waarde as double) as waarde,
        regexp_replace(status, '([a-z])([A-Z])', '\1 \2', 'g') as status,  -- NaderVoorlopig: Nader Voorlopig
        missing_reason
    from source
)

select * from renamed
