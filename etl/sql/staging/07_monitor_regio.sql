-- The region of every project in the monitor: the register's (projecten.csv,
-- column regio), or for a project added on the page the region it was added
-- in. Projects added before projects had a region were all the default
-- region's (the monitor was its own then): those get the default region.
with seed as (
    select project_id, regio_code from staging.monitor_projecten
),

ingevoerd as (
    select project_id, arg_min(regio, volgnummer) filter (where regio is not null) as regio_code
    from raw.monitor_mutaties
    where soort = 'project'
    group by project_id
),

renamed as (
    select
        coalesce(s.project_id, i.project_id) as project_id,
        coalesce(s.regio_code, i.regio_code, (select code from staging.regios where is_standaard)) as regio_code
    from seed s
    full join ingevoerd i using (project_id)
)

select * from renamed
