select
    bestand, regel,
    case when periode_type in ('jaar', 'kwartaal', 'maand') then 'periode' else 'periode_type' end as kolom,
    case
        when periode_type not in ('jaar', 'kwartaal', 'maand')
            then format('periodetype ''{}'' onbekend; verwacht jaar, kwartaal of maand', periode_type)
        else format('periode ''{}'' past niet bij periodetype {}; verwacht {}', periode, periode_type,
                    case periode_type when 'jaar' then '2025' when 'kwartaal' then '2025-Q2' else '2025-09' end)
    end as melding
from staging.feiten
where periode <> '' and periode_type <> '' and periode_datum is null
