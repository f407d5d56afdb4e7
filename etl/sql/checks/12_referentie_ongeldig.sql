-- The reference lists the marts are built on (data/raw/referentie/): regions, indicators and the
-- shipped gemeente membership. One default region and one country, or the dashboard would not
-- know which region to open or what a national table is.
select bestand, regel, 'code', format('regiocode ''{}'' staat meer dan één keer in de lijst', code)
from staging.regios
qualify count(*) over (partition by code) > 1

union all
select bestand, regel, 'soort', format('''{}'' is geen soort regio; verwacht land of arbeidsmarktregio', soort)
from staging.regios
where soort not in ('land', 'arbeidsmarktregio')

union all
select bestand, regel, 'standaard', format('''{}'' is geen standaard; verwacht ja of nee', standaard)
from staging.regios
where lower(standaard) not in ('ja', 'nee')

union all
select 'regios.csv', null, 'standaard',
       format('{} regio''s hebben standaard ja ({}); verwacht precies één: de regio die het dashboard opent',
              count(*) filter (where is_standaard),
              coalesce(string_agg(code, ', ' order by code) filter (where is_standaard), 'geen'))
from staging.regios
having count(*) filter (where is_standaard) <> 1

union all
select 'regios.csv', null, 'soort',
       format('{} regio''s hebben soort land; verwacht precies één (Nederland, voor landelijke CBS-tabellen)',
              count(*) filter (where soort = 'land'))
from staging.regios
having count(*) filter (where soort = 'land') <> 1

union all
select bestand, regel, 'code', format('indicator ''{}'' staat meer dan één keer in de lijst', code)
from staging.indicatoren
qualify count(*) over (partition by code) > 1

union all
select bestand, regel, kolom, 'verplicht veld is leeg'
from (
    unpivot (select bestand, regel, code, label, definitie from staging.indicatoren)
    on code, label, definitie into name kolom value inhoud
)
where inhoud = ''

union all
select bestand, regel, 'volgorde', format('''{}'' is geen volgnummer; verwacht een geheel getal, bijv. 12', volgorde_tekst)
from staging.indicatoren
where volgorde is null

union all
select 'gemeenten_am12.csv', cast(regel as bigint), 'arbeidsmarktregio_code',
       format('onbekende regiocode ''{}''; verwacht een arbeidsmarktregio uit data/raw/referentie/regios.csv',
              trim(arbeidsmarktregio_code))
from raw.ref_gemeenten
where trim(arbeidsmarktregio_code) not in (select code from staging.regios where soort = 'arbeidsmarktregio')
