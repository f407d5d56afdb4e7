-- The project register: the seed projects with every later change entered
-- (the latest value per field wins; the seed value stays where nothing was
-- entered), projects added later, the status now, the revision used to
-- refuse concurrent edits, and the tightness of the beroepsklasse a project
-- trains for (marts.mismatch, in the project's own region).
with seed as (
    select * exclude (bestand, doel_deelnemers_tekst, doel_uitstroom_werk_tekst, doel_uitstroom_opleiding_tekst),
           regel as volgorde
    from staging.monitor_projecten
),

wijzigingen as (
    select * from raw.monitor_mutaties where soort = 'project'
),

laatste as (
    select
        project_id,
        arg_max(naam, volgnummer) filter (where naam is not null) as naam,
        arg_max(programma, volgnummer) filter (where programma is not null) as programma,
        arg_max(omschrijving, volgnummer) filter (where omschrijving is not null) as omschrijving,
        arg_max(doelgroep, volgnummer) filter (where doelgroep is not null) as doelgroep,
        arg_max(beroepsklasse_code, volgnummer) filter (where beroepsklasse_code is not null) as beroepsklasse_code,
        arg_max(start, volgnummer) filter (where start is not null) as start,
        arg_max(einde, volgnummer) filter (where einde is not null) as einde,
        arg_max(doel_deelnemers, volgnummer) filter (where doel_deelnemers is not null) as doel_deelnemers,
        arg_max(doel_uitstroom_werk, volgnummer) filter (where doel_uitstroom_werk is not null)
            as doel_uitstroom_werk,
        arg_max(doel_uitstroom_opleiding, volgnummer) filter (where doel_uitstroom_opleiding is not null)
            as doel_uitstroom_opleiding,
        arg_max(doel_periode, volgnummer) filter (where doel_periode is not null) as doel_periode,
        arg_max(doel_van, volgnummer) filter (where doel_periode is not null) as doel_van,
        arg_max(doel_tot, volgnummer) filter (where doel_periode is not null) as doel_tot,
        -- who last entered a target (a target typed in is sourced as such, never as a document)
        arg_max(door, volgnummer) filter (where coalesce(doel_deelnemers, doel_uitstroom_werk,
            doel_uitstroom_opleiding) is not null or doel_periode is not null) as doel_door,
        arg_max(tijdstip, volgnummer) filter (where coalesce(doel_deelnemers, doel_uitstroom_werk,
            doel_uitstroom_opleiding) is not null or doel_periode is not null) as doel_op,
        min(volgnummer) as eerste
    from wijzigingen
    group by project_id
),

register as (
    select
        coalesce(s.project_id, l.project_id) as project_id,
        coalesce(l.naam, s.naam) as naam,
        coalesce(l.programma, s.programma, 'Werken aan Werk') as programma,
        coalesce(l.omschrijving, s.omschrijving) as omschrijving,
        coalesce(l.doelgroep, s.doelgroep) as doelgroep,
        coalesce(l.beroepsklasse_code, s.beroepsklasse_code) as beroepsklasse_code,
        case when l.beroepsklasse_code is not null then 'ingevoerd op de pagina'
             else s.beroepsklasse_toelichting end as beroepsklasse_toelichting,
        coalesce(l.start, s.start) as start,
        coalesce(l.einde, s.einde) as einde,
        -- the latest amount entered per kind and the latest period (as before several targets per kind existed);
        -- the targets that hold, one row each, are in marts.monitor_doelen_geldig (what the figures count against)
        coalesce(l.doel_deelnemers, s.doel_deelnemers) as doel_deelnemers,
        coalesce(l.doel_uitstroom_werk, s.doel_uitstroom_werk) as doel_uitstroom_werk,
        coalesce(l.doel_uitstroom_opleiding, s.doel_uitstroom_opleiding) as doel_uitstroom_opleiding,
        coalesce(l.doel_periode, s.doel_periode) as doel_periode,
        -- the date range goes with the period it was entered with
        case when l.doel_periode is not null then l.doel_van else s.doel_van end as doel_van,
        case when l.doel_periode is not null then l.doel_tot else s.doel_tot end as doel_tot,
        coalesce(s.bron, 'Monitor Werken aan Werk (ingevoerd)') as bron,
        l.doel_door,
        l.doel_op,
        s.peildatum as bron_peildatum,
        s.vindplaats,
        s.project_id is null as toegevoegd,
        coalesce(s.volgorde, 100000 + l.eerste) as volgorde
    from seed s
    full join laatste l using (project_id)
),

status_nu as (
    select project_id, arg_max(status, (vanaf, volgnummer)) as status,
           arg_max(vanaf, (vanaf, volgnummer)) as status_vanaf
    from marts.monitor_status
    group by project_id
),

revisie as (
    select project_id, max(revisie) as revisie, max(tijdstip) as laatst_gewijzigd
    from raw.monitor_mutaties
    group by project_id
),

krapte as (
    select regio_code, beroepsklasse_code, beroepsklasse, vacatures, ww_uitkeringen, vacatures_per_ww, mismatch,
           vacatures_peildatum, ww_peildatum, vacatures_bron, ww_bron
    from marts.mismatch
    where not is_rest
)

select
    g.regio_code,
    r.*,
    s.status,
    s.status_vanaf,
    coalesce(v.revisie, 0) as revisie,
    v.laatst_gewijzigd,
    b.naam as beroepsklasse,
    b.cruciale_sector,
    k.vacatures,
    k.ww_uitkeringen,
    k.vacatures_per_ww,
    k.mismatch,
    k.vacatures_peildatum,
    k.ww_peildatum,
    k.vacatures_bron,
    k.ww_bron
from register r
join staging.monitor_regio g using (project_id)
left join status_nu s using (project_id)
left join revisie v using (project_id)
left join raw.ref_beroepsklassen b on trim(b.code) = r.beroepsklasse_code
left join krapte k on k.beroepsklasse_code = r.beroepsklasse_code and k.regio_code = g.regio_code
order by r.volgorde
