-- Every target of the region's projects, oldest first (a change is a new row).
select d.*, p.naam
from marts.monitor_doelen d
join marts.monitor_projecten p using (project_id)
where d.regio_code = $regio
order by p.volgorde, d.volgnummer
