-- The targets that hold now for the region's projects, per project and kind, oldest first.
select * from marts.monitor_doelen_geldig where regio_code = $regio order by project_id, soort, volgnummer
