-- Area boundaries from the CBS/PDOK gebiedsindelingen (etl/bronnen/pdok), one row per area and layer.
with source as (
    select * from raw.pdok_geometrie
),

renamed as (
    select bron_id, laag, statcode, statnaam, geometrie
    from source
)

select * from renamed
