select * from marts.monitor_voortgang where regio_code = $regio and kwartaal <= $tot
