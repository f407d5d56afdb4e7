-- Records of the monitor log that the last build skipped (file, line, what is wrong).
select bestand, regel, melding from marts.monitor_afgekeurd order by regel, melding
