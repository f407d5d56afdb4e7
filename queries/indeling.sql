-- The fetched gemeente -> arbeidsmarktregio mapping (CBS Gebieden in Nederland), if any.
select any_value(table_id) as dataset, any_value(peiljaar) as peiljaar, count(*) as gemeenten,
       count(distinct arbeidsmarktregio_code) as regios
from raw.cbs_indeling
having count(*) > 0
