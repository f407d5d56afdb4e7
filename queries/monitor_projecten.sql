select * from marts.monitor_projecten where regio_code = $regio order by volgorde
