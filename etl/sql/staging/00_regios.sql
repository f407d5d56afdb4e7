-- The regions the dashboard knows (data/raw/referentie/regios.csv): Nederland and the
-- arbeidsmarktregio's, with the one region a visitor sees first. Typed; the checks report the rest.
with source as (
    select * from raw.ref_regios
),

renamed as (
    select
        'regios.csv' as bestand,
        cast(regel as bigint) as regel,
        trim(code) as code,
        trim(naam) as naam,
        trim(soort) as soort,
        trim(standaard) as standaard,
        lower(trim(standaard)) = 'ja' as is_standaard,
        trim(bron) as bron
    from source
)

select * from renamed
