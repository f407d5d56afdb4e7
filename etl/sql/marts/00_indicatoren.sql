-- Every indicator the facts use (data/raw/referentie/indicatoren.csv): Dutch label, definition
-- (the help text of a figure), unit and the order to list them in. The checks make sure every
-- fact's indicator is here.
with source as (
    select * from staging.indicatoren
),

renamed as (
    select code, label, definitie, eenheid, volgorde
    from source
)

select * from renamed
order by volgorde, code
