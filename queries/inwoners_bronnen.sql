-- One indicator, one value: every source's latest inwoners total for the region (not a prognosis), and which one
-- the dashboard shows (is_gekozen: the pick of marts.kerncijfers, the rule "the newest count wins"; see
-- etl/sql/marts/02_kerncijfers.sql). The others are named beside it with their own source and date.
with kandidaten as (
    select
        dataset, herkomst, waarde, periode, periode_type, periode_datum, peildatum, bron, kwalificatie,
        row_number() over (partition by dataset order by periode_datum desc) as rang
    from marts.feiten
    where regio_code = $regio and indicator = 'inwoners' and is_totaal and not is_prognose and maat = 'aantal'
),

gekozen as (
    select dataset, periode from marts.kerncijfers where regio_code = $regio and indicator = 'inwoners'
)

select k.dataset, k.herkomst, k.waarde, k.periode, k.periode_type, k.peildatum, k.bron, k.kwalificatie,
       g.dataset is not null as is_gekozen
from kandidaten k
left join gekozen g on g.dataset = k.dataset and g.periode = k.periode
where k.rang = 1
order by is_gekozen desc, k.periode_datum desc
