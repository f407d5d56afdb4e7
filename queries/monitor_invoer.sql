select kwartaal, aangemeld, gestart, uitgevallen, uitstroom_werk, uitstroom_opleiding, nog_in_traject
from marts.monitor_resultaten
where project_id = $project
order by kwartaal
