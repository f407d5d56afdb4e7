-- Where the monitor's figures for the region come from, and the last change entered.
select
    (select count(*) from marts.monitor_projecten where regio_code = $regio) as projecten,
    (select count(*) from marts.monitor_resultaten where regio_code = $regio) as resultaten,
    (select max(kwartaal) from marts.monitor_resultaten where regio_code = $regio) as laatste_kwartaal,
    (select min(kwartaal) from marts.monitor_resultaten where regio_code = $regio) as eerste_kwartaal,
    (select max(geldig_vanaf) from marts.monitor_historie where regio_code = $regio) as laatst_gewijzigd,
    (select arg_max(door, volgnummer) from marts.monitor_historie where regio_code = $regio) as laatst_door,
    (select bron from meta.sources where dataset = 'monitor_projecten') as register_bron
