select
    bestand, regel, 'regio' as kolom,
    format('onbekende regiocode ''{}''; verwacht een code uit data/raw/referentie/regios.csv ({})',
           regio_code, (select string_agg(code, ', ' order by code) from staging.regios)) as melding
from staging.feiten
where regio_code <> '' and regio_code not in (select code from staging.regios)
