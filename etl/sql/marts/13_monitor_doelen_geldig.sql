-- The targets that hold now, one row per target (a project may have several of one kind for periods that do
-- not overlap): staging.monitor_doelen with the project's region.
select r.regio_code, g.*
from staging.monitor_doelen g
join staging.monitor_regio r using (project_id)
order by g.project_id, g.soort, g.volgnummer
