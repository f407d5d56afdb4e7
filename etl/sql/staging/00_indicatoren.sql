-- Every indicator a fact may carry (data/raw/referentie/indicatoren.csv): label, definition, unit
-- and the order to list them in. Typed; the checks report what does not type.
with source as (
    select * from raw.ref_indicatoren
),

renamed as (
    select
        'indicatoren.csv' as bestand,
        cast(regel as bigint) as regel,
        trim(code) as code,
        trim(label) as label,
        trim(definitie) as definitie,
        nullif(trim(eenheid), '') as eenheid,
        trim(volgorde) as volgorde_tekst,
        try_cast(trim(volgorde) as integer) as volgorde
    from source
)

select * from renamed
