-- The map shapes: every arbeidsmarktregio and gemeente with its boundary (GeoJSON text), and for a gemeente the
-- arbeidsmarktregio it counts in (marts.gemeente_regio, the one membership all figures use).
with source as (
    select * from staging.pdok_geometrie
),

renamed as (
    select
        s.laag,
        s.statcode as code,
        coalesce(r.naam, g.gemeente_naam, s.statnaam) as naam,
        coalesce(g.arbeidsmarktregio_code, r.code) as arbeidsmarktregio_code,
        s.geometrie
    from source s
    left join marts.regios r on s.laag = 'arbeidsmarktregio' and r.code = s.statcode
    left join marts.gemeente_regio g on s.laag = 'gemeente' and g.gemeente_code = s.statcode
)

select * from renamed
order by laag, code
