-- Every fact's indicator has a row in data/raw/referentie/indicatoren.csv, so every figure has a
-- label and a definition. Seed facts point at their own line; a CBS series at the catalog, where
-- its measures are mapped to indicators.
select
    bestand, regel, 'indicator' as kolom,
    format('onbekende indicator ''{}''; verwacht een code uit data/raw/referentie/indicatoren.csv (voeg daar een regel toe met label, definitie, eenheid en volgorde)',
           indicator) as melding
from staging.feiten
where indicator <> '' and indicator not in (select code from staging.indicatoren)

union all
select distinct
    'etl/catalog.toml', cast(null as bigint), 'indicator',
    format('CBS-tabel {}: indicator ''{}'' staat niet in data/raw/referentie/indicatoren.csv; voeg daar een regel toe met label, definitie, eenheid en volgorde',
           dataset, indicator)
from staging.cbs_feiten
where indicator not in (select code from staging.indicatoren)
