-- Every result ever entered in the Werken aan Werk monitor, oldest first,
-- with who entered it, when, and until when it was the current figure (the
-- next record for the same project and kwartaal). Nothing is overwritten: a
-- correction is a newer row, a removal a row marked verwijderd.
with mutaties as (
    select m.* exclude (regio), r.regio_code
    from raw.monitor_mutaties m
    join staging.monitor_regio r using (project_id)
    where m.soort = 'resultaat'
),

renamed as (
    select
        volgnummer,
        wijziging,
        tijdstip as geldig_vanaf,
        lead(tijdstip) over (partition by project_id, kwartaal order by volgnummer) as geldig_tot,
        door,
        via,
        regio_code,
        project_id,
        kwartaal,
        make_date(cast(left(kwartaal, 4) as integer), 3 * cast(right(kwartaal, 1) as integer) - 2, 1)
            as kwartaal_datum,
        aangemeld,
        gestart,
        uitgevallen,
        uitstroom_werk,
        uitstroom_opleiding,
        nog_in_traject,
        coalesce(verwijderd, false) as verwijderd,
        revisie
    from mutaties
)

select * from renamed
order by volgnummer
