-- The fetched gemeente -> arbeidsmarktregio mapping (CBS Gebieden in Nederland) as one row: table,
-- edition, gemeenten and regions it covers. No row until it was fetched.
with cbs as (
    select * from raw.cbs_indeling
)

select
    any_value(table_id) as dataset,
    any_value(peiljaar) as peiljaar,
    count(*) as gemeenten,
    count(distinct arbeidsmarktregio_code) as regios
from cbs
having count(*) > 0
