select
    bestand, regel, 'categorie' as kolom,
    format('onbekende beroepsklasse ''{}''; verwacht een naam uit data/raw/referentie/beroepsklassen.csv of ''Totaal''',
           categorie) as melding
from staging.feiten
where dimensie = 'beroepsklasse'
  and not is_totaal
  and categorie not in (select trim(naam) from raw.ref_beroepsklassen)
