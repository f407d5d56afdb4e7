-- Every gemeente with the province it lies in, from a CBS v4 code list (raw.cbs_regiogroepen: 03759ned's
-- RegioSCodes, where a gemeente's DimensionGroupId is 'GM' + its province code, e.g. 'GMPV26' = Utrecht).
-- Empty until such a table was fetched through v4.
with source as (
    select * from raw.cbs_regiogroepen
),

provincies as (
    select regio_code as provincie_code, regexp_replace(regio_naam, '\s*\(PV\)$', '') as provincie_naam
    from source
    where groep = 'PV'
),

renamed as (
    select s.regio_code as gemeente_code, s.regio_naam as gemeente_naam, substr(s.groep, 3) as provincie_code,
           p.provincie_naam, s.table_id
    from source s
    join provincies p on p.provincie_code = substr(s.groep, 3)
    where s.groep like 'GMPV%' and s.regio_code like 'GM%'
)

select * from renamed
