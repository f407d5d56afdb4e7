-- Per embedded dataset (UWV files and the analysis transcriptions in data/raw/seed): its file and how many of its
-- facts are about the chosen region, for the analysts' how-to on Bronnen en actualiteit.
with bronnen as (
    select dataset, titel, bron, bestand from meta.sources
    where bestand like 'data/raw/seed/%' and dataset <> 'tekstcijfers'  -- tekstcijfers only restate table cells
),

feiten as (
    select dataset, count(*) as feiten from marts.feiten where regio_code = $regio and herkomst = 'seed' group by all
)

select b.dataset, b.titel, b.bron, b.bestand, coalesce(f.feiten, 0) as feiten, b.bron ilike '%UWV%' as is_uwv
from bronnen b
left join feiten f using (dataset)
order by is_uwv desc, b.titel
