-- Records of the monitor log that the build skipped because they break the input rules (written by
-- hand or by an older version), with file, line and what is wrong. Revoked ones are not listed.
select bestand, regel, melding
from raw.monitor_afgekeurd
order by regel
