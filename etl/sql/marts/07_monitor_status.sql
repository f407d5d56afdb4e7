-- Status history per project: what the seeds say (data/raw/monitor/projectstatus.csv),
-- then every status entered on the page. A status holds from its kwartaal on,
-- until a later one; entered ones carry who and when, every row its project's region.
with seed as (
    select
        project_id, status, vanaf, toelichting, bron, peildatum as bron_peildatum,
        null::timestamptz as ingevoerd_op, null::varchar as door, 0 as volgnummer
    from staging.monitor_projectstatus
),

ingevoerd as (
    select
        project_id, status, status_vanaf as vanaf, toelichting,
        'Monitor Werken aan Werk (ingevoerd)' as bron, null::varchar as bron_peildatum,
        tijdstip as ingevoerd_op, door, volgnummer
    from raw.monitor_mutaties
    where soort = 'project' and status is not null
)

select r.regio_code, s.*
from (
    select * from seed
    union all by name
    select * from ingevoerd
) s
join staging.monitor_regio r using (project_id)
order by s.project_id, s.vanaf, s.volgnummer
