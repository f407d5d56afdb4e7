select distinct kwartaal from marts.monitor_resultaten order by kwartaal desc
