-- The Werken aan Werk project register as embedded (data/raw/monitor/projecten.csv,
-- from seeds 001 and 003), typed. Empty stays null: where the seeds give no
-- target, there is none. The checks report values that do not type.
with source as (
    select * from raw.monitor_projecten
),

renamed as (
    select
        'monitor/projecten.csv' as bestand,
        regel,
        trim(project_id) as project_id,
        nullif(trim(regio), '') as regio_code,
        trim(naam) as naam,
        -- the programme a project belongs to; the register's default is Werken aan Werk
        coalesce(nullif(trim(programma), ''), 'Werken aan Werk') as programma,
        nullif(trim(omschrijving), '') as omschrijving,
        nullif(trim(doelgroep), '') as doelgroep,
        nullif(trim(beroepsklasse_code), '') as beroepsklasse_code,
        nullif(trim(beroepsklasse_toelichting), '') as beroepsklasse_toelichting,
        nullif(trim(start), '') as start,
        nullif(trim(einde), '') as einde,
        nullif(trim(doel_deelnemers), '') as doel_deelnemers_tekst,
        try_cast(nullif(trim(doel_deelnemers), '') as bigint) as doel_deelnemers,
        nullif(trim(doel_uitstroom_werk), '') as doel_uitstroom_werk_tekst,
        try_cast(nullif(trim(doel_uitstroom_werk), '') as bigint) as doel_uitstroom_werk,
        nullif(trim(doel_uitstroom_opleiding), '') as doel_uitstroom_opleiding_tekst,
        try_cast(nullif(trim(doel_uitstroom_opleiding), '') as bigint) as doel_uitstroom_opleiding,
        nullif(trim(doel_periode), '') as doel_periode,
        nullif(trim(doel_van), '') as doel_van,
        nullif(trim(doel_tot), '') as doel_tot,
        trim(bron) as bron,
        trim(peildatum) as peildatum,
        trim(vindplaats) as vindplaats
    from source
)

select * from renamed
