-- The current figures: per project and kwartaal the latest record, unless removed.
select * exclude (geldig_tot)
from marts.monitor_historie
where geldig_tot is null and not verwijderd
order by project_id, kwartaal
