with genummerd as (
    select
        *,
        first_value(regel) over sleutel as eerste_regel,
        row_number() over sleutel as volgnummer
    from staging.feiten
    window sleutel as (
        partition by dataset, regio_code, periode, indicator, dimensie, categorie, maat
        order by regel
    )
)

select
    bestand, regel, 'categorie' as kolom,
    format('dubbele sleutel: {} {} {} {} ''{}'' {} staat ook op regel {}',
           regio_code, periode, indicator, dimensie, categorie, maat, eerste_regel) as melding
from genummerd
where volgnummer > 1
