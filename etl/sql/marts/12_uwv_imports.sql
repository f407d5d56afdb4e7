-- Every UWV import (etl/bronnen/uwv) per table and region: file, who, when, its periods, and how many of
-- its rows are still in use (a later import of the same period replaces them; the snapshot stays).
with source as (
    select * from staging.uwv_feiten
),

renamed as (
    select
        import_id, tabel, regio_code, any_value(bestandsnaam) as bestand, any_value(door) as door,
        any_value(geimporteerd_op) as geimporteerd_op,
        string_agg(distinct periode, ', ' order by periode) as perioden,
        count(*) as rijen,
        count(*) filter (where in_gebruik) as rijen_in_gebruik
    from source
    group by import_id, tabel, regio_code
)

select r.*, g.naam as regio_naam
from renamed r
left join marts.regios g on g.code = r.regio_code
-- import_id is the snapshot folder (a timestamp to the microsecond): the order of import, also within a second
order by import_id desc, tabel, regio_code
