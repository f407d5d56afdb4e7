-- The embedded project register: every code, region, status, kwartaal and target must be usable.
select bestand, regel, 'regio' as kolom,
       case when regio_code is null
            then 'de regio ontbreekt; verwacht een regiocode uit data/raw/referentie/regios.csv, bijvoorbeeld AM12'
            else format('onbekende regio ''{}''; verwacht een regiocode uit data/raw/referentie/regios.csv, '
                        'bijvoorbeeld AM12', regio_code) end as melding
from staging.monitor_projecten
where regio_code is null or regio_code not in (select trim(code) from raw.ref_regios)

union all
select bestand, regel, 'beroepsklasse_code',
       format('onbekende beroepsklasse ''{}''; verwacht een code uit data/raw/referentie/beroepsklassen.csv',
              beroepsklasse_code) as melding
from staging.monitor_projecten
where beroepsklasse_code is not null
  and beroepsklasse_code not in (select trim(code) from raw.ref_beroepsklassen)

union all
select bestand, regel, kolom, format('''{}'' is geen heel getal (0 of meer); leeg laten als de bron geen doel noemt',
                                     tekst) as melding
from (
    unpivot (select bestand, regel, doel_deelnemers_tekst, doel_uitstroom_werk_tekst, doel_uitstroom_opleiding_tekst
             from staging.monitor_projecten)
    on doel_deelnemers_tekst, doel_uitstroom_werk_tekst, doel_uitstroom_opleiding_tekst
    into name kolom value tekst
)
where not regexp_full_match(tekst, '[0-9]+')

union all
select bestand, regel, 'doel_periode', format('''{}'' is geen doelperiode; verwacht ''per jaar'', ''projectduur'' of '
                                              '''periode''', doel_periode)
from staging.monitor_projecten
where doel_periode is not null and doel_periode not in ('per jaar', 'projectduur', 'periode')

union all
select bestand, regel, 'doel_van', 'een doel voor een periode heeft doel_van en doel_tot nodig (kwartalen)'
from staging.monitor_projecten
where doel_periode = 'periode' and (doel_van is null or doel_tot is null)

union all
select bestand, regel, 'doel_tot', format('de doelperiode eindigt ({}) vóór zij begint ({})', doel_tot, doel_van)
from staging.monitor_projecten
where doel_tot < doel_van

union all
select bestand, regel, kolom, format('''{}'' is geen kwartaal; verwacht bijvoorbeeld 2024-Q2', tekst)
from (
    unpivot (select bestand, regel, start, einde, doel_van, doel_tot from staging.monitor_projecten)
    on start, einde, doel_van, doel_tot into name kolom value tekst
)
where not regexp_full_match(tekst, '[0-9]{4}-Q[1-4]')

union all
select bestand, regel, 'project_id', format('project ''{}'' staat meer dan één keer in het register', project_id)
from staging.monitor_projecten
qualify count(*) over (partition by project_id) > 1

union all
select bestand, regel, 'status', format('''{}'' is geen status; verwacht nieuw, lopend, verlengd, bestendigd of beëindigd',
                                        status)
from staging.monitor_projectstatus
where status not in ('nieuw', 'lopend', 'verlengd', 'bestendigd', 'beëindigd')

union all
select bestand, regel, 'vanaf', format('''{}'' is geen kwartaal; verwacht bijvoorbeeld 2024-Q2', vanaf)
from staging.monitor_projectstatus
where not regexp_full_match(vanaf, '[0-9]{4}-Q[1-4]')

union all
select bestand, regel, 'project_id', format('onbekend project ''{}''; het staat niet in monitor/projecten.csv',
                                            project_id)
from staging.monitor_projectstatus
where project_id not in (select project_id from staging.monitor_projecten)

union all
-- two targets of one kind (the same indicator, so the same unit) may not cover the same quarters; per jaar and
-- projectduur cover the project's run (staging.monitor_doelen: eerste, laatste)
select b.bestand, b.regel, b.soort,
       format('project ''{}'': het doel {} {} ({}) overlapt met het doel {} {} ({}); twee doelen voor dezelfde soort '
              'mogen niet over dezelfde kwartalen gaan', b.project_id, b.doel, b.eenheid, b.wanneer, a.doel,
              a.eenheid, a.wanneer)
from staging.monitor_doelen a
join staging.monitor_doelen b on a.project_id = b.project_id and a.soort = b.soort and a.volgnummer < b.volgnummer
where a.eerste <= b.laatste and b.eerste <= a.laatste
