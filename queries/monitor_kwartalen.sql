select distinct kwartaal from marts.monitor_resultaten where regio_code = $regio order by kwartaal desc
