-- One row per dataset: where it comes from, its reference date(s), the file,
-- its rows and checksum, and when this warehouse was built.
with bestanden as (
    select * from bestanden_df
),

herkomst as (
    select
        dataset,
        string_agg(distinct bron, '; ' order by bron) as bron,
        string_agg(distinct peildatum, '; ' order by peildatum) as peildatum,
        string_agg(distinct vindplaats, '; ' order by vindplaats) as vindplaats,
        max(periode_datum) as periode_tot
    from staging.feiten
    group by dataset
)

select
    b.dataset, b.titel, h.bron, h.peildatum, h.vindplaats, h.periode_tot,
    b.bestand, b.rijen, b.checksum, $built_at::timestamptz as built_at
from bestanden b
left join herkomst h using (dataset)
order by b.dataset
