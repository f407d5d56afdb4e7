-- Every target a project has had, oldest first: the one in the register's
-- document (data/raw/monitor/projecten.csv) and each one entered later, with
-- who entered it and when. A change is a new row; nothing is overwritten, so
-- the page can show what a target was before.
with seed as (
    select
        project_id, doel_deelnemers, doel_uitstroom_werk, doel_uitstroom_opleiding, doel_periode, doel_van, doel_tot,
        bron, peildatum as bron_peildatum, null::varchar as door, null::timestamptz as ingevoerd_op,
        0 as volgnummer, null::varchar as doel_modus
    from staging.monitor_projecten
    where coalesce(doel_deelnemers, doel_uitstroom_werk, doel_uitstroom_opleiding) is not null
),

ingevoerd as (
    select
        project_id, doel_deelnemers, doel_uitstroom_werk, doel_uitstroom_opleiding, doel_periode, doel_van, doel_tot,
        'Monitor Werken aan Werk (ingevoerd)' as bron, null::varchar as bron_peildatum, door,
        tijdstip as ingevoerd_op, volgnummer, doel_modus
    from raw.monitor_mutaties
    where soort = 'project'
        and (coalesce(doel_deelnemers, doel_uitstroom_werk, doel_uitstroom_opleiding) is not null
             or doel_periode is not null)
)

select r.regio_code, d.*
from (
    select * from seed
    union all by name
    select * from ingevoerd
) d
join staging.monitor_regio r using (project_id)
order by d.project_id, d.volgnummer
