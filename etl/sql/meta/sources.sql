-- One row per dataset: where it comes from, its reference date(s), the file
-- or snapshot, its rows and checksum, when it was fetched and built.
with bestanden as (
    select * from bestanden_df
),

herkomst_seed as (
    select
        dataset,
        string_agg(distinct bron, '; ' order by bron) as bron,
        string_agg(distinct peildatum, '; ' order by peildatum) as peildatum,
        string_agg(distinct vindplaats, '; ' order by vindplaats) as vindplaats,
        max(periode_datum) as periode_tot
    from staging.feiten
    group by dataset
),

herkomst_cbs as (
    -- a CBS series has many periods: its peildatum is the latest one
    select
        dataset,
        any_value(bron) as bron,
        arg_max(peildatum, periode_datum) as peildatum,
        any_value(vindplaats) as vindplaats,
        max(periode_datum) as periode_tot
    from staging.cbs_feiten
    group by dataset
),

herkomst_indeling as (
    -- Gebieden in Nederland: one edition, its year is the peildatum
    select
        table_id as dataset,
        'CBS StatLine, tabel ' || table_id as bron,
        'indeling ' || any_value(peiljaar) as peildatum,
        'CBS StatLine ' || table_id as vindplaats,
        make_date(try_cast(any_value(peiljaar) as integer), 1, 1) as periode_tot
    from raw.cbs_indeling
    group by table_id
),

herkomst_monitor as (
    select
        'monitor_projecten' as dataset,
        string_agg(distinct bron, '; ' order by bron) as bron,
        string_agg(distinct peildatum, '; ' order by peildatum) as peildatum,
        string_agg(distinct vindplaats, '; ' order by vindplaats) as vindplaats,
        null::date as periode_tot
    from staging.monitor_projecten
    union all
    select
        'monitor_resultaten',
        'Monitor Werken aan Werk, ingevoerd door de projectleiders',
        coalesce('t/m ' || right(max(kwartaal), 2) || ' ' || left(max(kwartaal), 4), 'nog geen resultaten ingevoerd'),
        'monitor-opslag (append-only): ' || (select max(bestand) from bestanden_df where dataset = 'monitor_resultaten'),
        max(kwartaal_datum)
    from marts.monitor_resultaten
),

herkomst as (
    select * from herkomst_seed
    union all by name
    select * from herkomst_cbs
    union all by name
    select * from herkomst_indeling
    union all by name
    select * from herkomst_monitor
)

select
    b.dataset, b.titel, h.bron, h.peildatum, h.vindplaats, h.periode_tot,
    b.bestand, b.rijen, b.checksum, b.opgehaald, $built_at::timestamptz as built_at
from bestanden b
left join herkomst h using (dataset)
order by b.dataset
