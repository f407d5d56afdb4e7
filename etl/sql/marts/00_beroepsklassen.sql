-- The beroepsklassen (data/raw/referentie/beroepsklassen.csv) with the kabinet's cruciale sector and
-- the region's focus, for pages that mark them.
with source as (
    select * from raw.ref_beroepsklassen
),

renamed as (
    select
        trim(code) as code,
        trim(naam) as naam,
        trim(cruciale_sector) as cruciale_sector,
        trim(regionale_focus) as regionale_focus,
        cast(regel as bigint) as volgorde
    from source
)

select * from renamed
