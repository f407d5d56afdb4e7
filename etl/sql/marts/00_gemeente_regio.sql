-- Every gemeente with the one arbeidsmarktregio it counts in (staging.gemeente_regio: the shipped
-- list for its own regions, CBS Gebieden in Nederland for the others) and where that comes from.
-- Pages take a region's gemeenten from here only, so every figure uses the same membership.
with source as (
    select * from staging.gemeente_regio
),

renamed as (
    select
        s.gemeente_code,
        s.gemeente_naam,
        s.regio_code as arbeidsmarktregio_code,
        coalesce(r.naam, s.regio_naam) as arbeidsmarktregio_naam,
        s.herkomst as bron,
        not starts_with(s.herkomst, 'CBS') as is_meegeleverd
    from source s
    left join staging.regios r on r.code = s.regio_code
)

select * from renamed
order by arbeidsmarktregio_code, gemeente_code
