-- CBS observations of the catalog's measures (etl/catalog.toml), typed.
-- Tables without a region dimension are national figures: NL01.
with source as (
    select * from raw.cbs_observaties
),

renamed as (
    select
        table_id,
        coalesce(nullif(trim(regio_code), ''), 'NL01') as regio_code,
        coalesce(cast(regio_naam as varchar), case when regio_code is null then 'Nederland' end) as regio_naam,
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
