select * from marts.monitor_voortgang where kwartaal <= $tot
