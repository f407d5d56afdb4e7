select
    bestand, regel, 'regio' as kolom,
    format('onbekende regiocode ''{}''; verwacht een code uit data/raw/referentie/regios.csv ({})',
           regio_code, (select string_agg(trim(code), ', ' order by code) from raw.ref_regios)) as melding
from staging.feiten
where regio_code <> '' and regio_code not in (select trim(code) from raw.ref_regios)
