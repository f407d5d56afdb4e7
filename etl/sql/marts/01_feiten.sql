-- All embedded facts, typed, with region name and beroepsklasse code.
-- tekstcijfers only restate table cells; they feed the discrepancy check.
-- CBS series (fetched by `python -m etl.refresh`) are added below.
with source as (
    select * from staging.feiten where dataset <> 'tekstcijfers'
),

renamed as (
    select
        s.dataset,
        s.regel as volgorde,  -- the printed order of the source table
        s.regio_code,
        r.naam as regio_naam,
        s.periode,
        s.periode_type,
        s.periode_datum,
        s.indicator,
        s.dimensie,
        s.categorie,
        b.code as beroepsklasse_code,
        s.maat,
        s.waarde,
        s.eenheid,
        s.kwalificatie,
        s.is_prognose,
        s.is_totaal,
        s.bron,
        s.peildatum,
        s.vindplaats,
        'seed' as herkomst  -- our transcription (data/raw/seed), not a fetched series
    from source s
    left join marts.regios r on r.code = s.regio_code
    left join marts.beroepsklassen b on s.dimensie = 'beroepsklasse' and b.naam = s.categorie
),

cbs as (
    -- CBS StatLine series (etl/catalog.toml), already in this shape
    select *, null as beroepsklasse_code, regel as volgorde, 'cbs' as herkomst from staging.cbs_feiten
)

select * from renamed
union all by name
select * exclude (bestand, regel) from cbs
