-- Every row of every UWV import (etl/bronnen/uwv), also the ones a later import replaced:
-- the history behind marts.uwv_imports. Only rows `in_gebruik` reach staging.feiten.
with source as (
    select * from raw.uwv_feiten
),

renamed as (
    select
        import_id,
        dataset as tabel,
        trim(regio) as regio_code,
        trim(periode) as periode,
        trim(periode_type) as periode_type,
        bestandsnaam,
        door,
        cast(geimporteerd_op as timestamptz) as geimporteerd_op,
        in_gebruik
    from source
)

select * from renamed
