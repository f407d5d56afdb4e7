-- Per regional embedded dataset (UWV files and the analysis transcriptions in data/raw/seed that have rows for
-- some arbeidsmarktregio): its file and how many of its facts are about the chosen region, for the analysts'
-- how-to on Bronnen en actualiteit. National-only files (context figures) are not listed.
with bronnen as (
    select dataset, titel, bron, bestand from meta.sources
    where bestand like 'data/raw/seed/%' and dataset <> 'tekstcijfers'  -- tekstcijfers only restate table cells
),

feiten as (
    select
        f.dataset,
        count(*) filter (where f.regio_code = $regio) as feiten
    from marts.feiten f
    join marts.regios r on r.code = f.regio_code
    where f.herkomst = 'seed' and r.soort = 'arbeidsmarktregio'
    group by all
)

select b.dataset, b.titel, b.bron, b.bestand, f.feiten, b.bron ilike '%UWV%' as is_uwv
from bronnen b
join feiten f using (dataset)
order by is_uwv desc, b.titel
