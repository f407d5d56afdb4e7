select s.*, p.naam, p.volgorde
from marts.monitor_status s
join marts.monitor_projecten p using (project_id)
where s.regio_code = $regio and s.vanaf <= $tot
order by p.volgorde, s.vanaf, s.volgnummer
