-- Every programme of the region's projects, oldest first (a change is a new row).
select g.*, p.naam
from marts.monitor_programmas g
join marts.monitor_projecten p using (project_id)
where g.regio_code = $regio
order by p.volgorde, g.volgnummer
