-- The figures as they stood at a moment: per project and kwartaal the latest
-- record entered at or before $op, unless it was a removal.
select h.*, p.naam, p.volgorde
from marts.monitor_historie h
join marts.monitor_projecten p using (project_id)
where h.regio_code = $regio and h.geldig_vanaf <= $op
qualify row_number() over (partition by h.project_id, h.kwartaal order by h.volgnummer desc) = 1
    and not h.verwijderd
order by p.volgorde, h.kwartaal
