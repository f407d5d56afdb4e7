-- Every programme a project has been under, oldest first: the register's (data/raw/monitor/projecten.csv,
-- empty meaning Werken aan Werk) and each one entered later (the form or the template's sheet Projecten),
-- with who entered it and when. A change is a new row; nothing is overwritten.
with seed as (
    select project_id, programma, bron, null::varchar as door, null::timestamptz as ingevoerd_op, 0 as volgnummer
    from staging.monitor_projecten
),

ingevoerd as (
    select project_id, programma, 'ingevoerd' as bron, door, tijdstip as ingevoerd_op, volgnummer
    from raw.monitor_mutaties
    where soort = 'project' and programma is not null
)

select r.regio_code, p.*
from (
    select * from seed
    union all by name
    select * from ingevoerd
) p
join staging.monitor_regio r using (project_id)
order by p.project_id, p.volgnummer
