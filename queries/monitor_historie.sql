select h.*, p.naam
from marts.monitor_historie h
join marts.monitor_projecten p using (project_id)
where h.project_id = $project and h.kwartaal = $kwartaal
order by h.volgnummer
