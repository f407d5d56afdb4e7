-- '1.657' would type as 1,657: a thousands separator slipped into a count.
select
    bestand, regel, 'waarde' as kolom,
    format('aantal ''{}'' is geen geheel getal; schrijf aantallen zonder duizendtallenpunt (bijv. 1657)',
           waarde_tekst) as melding
from staging.feiten
where maat = 'aantal' and waarde is not null and waarde <> round(waarde)
