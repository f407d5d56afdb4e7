-- Statuses the seeds give (data/raw/monitor/projectstatus.csv), typed.
with source as (
    select * from raw.monitor_projectstatus
),

renamed as (
    select
        'monitor/projectstatus.csv' as bestand,
        regel,
        trim(project_id) as project_id,
        trim(status) as status,
        trim(vanaf) as vanaf,
        nullif(trim(toelichting), '') as toelichting,
        trim(bron) as bron,
        trim(peildatum) as peildatum,
        trim(vindplaats) as vindplaats
    from source
)

select * from renamed
