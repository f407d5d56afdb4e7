select
    bestand, regel, 'waarde' as kolom,
    format('aantal {} is negatief; een aantal is 0 of meer (groei en mutaties horen in maat groei_absoluut of jaarmutatie)',
           waarde_tekst) as melding
from staging.feiten
where maat = 'aantal' and waarde < 0
