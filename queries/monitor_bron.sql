-- Where the monitor's figures come from, and the last change entered.
select
    (select count(*) from marts.monitor_resultaten) as resultaten,
    (select max(kwartaal) from marts.monitor_resultaten) as laatste_kwartaal,
    (select min(kwartaal) from marts.monitor_resultaten) as eerste_kwartaal,
    (select max(geldig_vanaf) from marts.monitor_historie) as laatst_gewijzigd,
    (select arg_max(door, volgnummer) from marts.monitor_historie) as laatst_door,
    (select bron from meta.sources where dataset = 'monitor_projecten') as register_bron
