-- The gemeenten of each arbeidsmarktregio, for rolling gemeente counts up to regions.
-- Business rule: the shipped membership (data/raw/referentie/gemeenten_am12.csv) serves the regions
-- it lists, also before CBS Gebieden in Nederland was ever fetched; the fetched mapping
-- (raw.cbs_indeling) serves every other region. Where the two disagree the shipped list stays in
-- use and marts.indeling_verschillen reports it: never resolved silently. A gemeente belongs to
-- one region only, so a shipped gemeente that CBS places elsewhere is not counted there too.
with meegeleverd as (
    select
        trim(gemeente_code) as gemeente_code,
        trim(gemeente_naam) as gemeente_naam,
        trim(arbeidsmarktregio_code) as regio_code,
        cast(null as varchar) as regio_naam,
        'data/raw/referentie/gemeenten_am12.csv' as herkomst
    from raw.ref_gemeenten
),

cbs as (
    select
        gemeente_code,
        gemeente_naam,
        arbeidsmarktregio_code as regio_code,
        arbeidsmarktregio_naam as regio_naam,
        'CBS StatLine, tabel ' || table_id as herkomst
    from raw.cbs_indeling
    where arbeidsmarktregio_code not in (select regio_code from meegeleverd)
      and gemeente_code not in (select gemeente_code from meegeleverd)
),

renamed as (
    select * from meegeleverd
    union all
    select * from cbs
)

select *, count(*) over (partition by regio_code) as aantal_leden
from renamed
