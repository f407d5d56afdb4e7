select
    bestand, regel, 'waarde' as kolom,
    format('''{}'' is geen getal; verwacht bijvoorbeeld 1657 of 40.5 (punt als decimaalteken, geen duizendtallenscheiding, leeg als de bron geen waarde geeft)',
           waarde_tekst) as melding
from staging.feiten
where waarde_tekst is not null and waarde is null
