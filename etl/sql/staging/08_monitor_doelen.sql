-- The targets that hold now, per project and kind (soort: doel_deelnemers, doel_uitstroom_werk,
-- doel_uitstroom_opleiding; a kind is also the target's unit), folded from the register's row and every
-- project record entered later, in order (the same fold as werkenaanwerk/doelen.py, which the input uses):
-- - a record with doel_modus 'erbij' adds a target of its own period beside the kind's others;
-- - any other record that sets a kind's amount replaces that kind's targets by one: that amount with the
--   period as it stands after the record (an amount entered without a period keeps the earlier period);
-- - a record of the older release (no doel_modus) that sets only a period moves every kind to that period.
with versies as (
    select
        project_id, 0 as volgnummer, null::varchar as doel_modus, doel_deelnemers, doel_uitstroom_werk,
        doel_uitstroom_opleiding, doel_periode, doel_van, doel_tot, bron, peildatum as bron_peildatum,
        null::varchar as door, null::timestamptz as ingevoerd_op, bestand, regel
    from staging.monitor_projecten
    union all
    select
        project_id, volgnummer, doel_modus, doel_deelnemers, doel_uitstroom_werk, doel_uitstroom_opleiding,
        doel_periode, doel_van, doel_tot, 'Monitor Werken aan Werk (ingevoerd)' as bron, null as bron_peildatum,
        door, tijdstip as ingevoerd_op, 'monitoropslag' as bestand, volgnummer as regel
    from raw.monitor_mutaties
    where soort = 'project'
),

per_soort as (
    select
        v.*,
        s.soort,
        case s.soort when 'doel_deelnemers' then v.doel_deelnemers
                     when 'doel_uitstroom_werk' then v.doel_uitstroom_werk
                     else v.doel_uitstroom_opleiding end as aantal,
        coalesce(v.doel_modus, '') <> 'erbij' as vervangend
    from versies v
    cross join (values ('doel_deelnemers'), ('doel_uitstroom_werk'), ('doel_uitstroom_opleiding')) s (soort)
),

gedragen as (
    select
        *,
        last_value(case when vervangend then aantal end ignore nulls) over tot_hier as aantal_nu,
        last_value(case when vervangend and doel_periode is not null
                        then {'periode': doel_periode, 'van': doel_van, 'tot': doel_tot} end ignore nulls)
            over tot_hier as periode_nu,
        case when not vervangend then aantal is not null and doel_periode is not null
             when doel_modus is null then aantal is not null or doel_periode is not null
             else aantal is not null end as raakt
    from per_soort
    window tot_hier as (partition by project_id, soort order by volgnummer
                        rows between unbounded preceding and current row)
),

looptijd as (
    -- the project's run as it stands now (the latest start and end entered, else the register's)
    select
        project_id,
        coalesce(m.start, s.start) as start,
        coalesce(m.einde, s.einde) as einde
    from staging.monitor_projecten s
    full join (
        select
            project_id,
            arg_max(start, volgnummer) filter (where start is not null) as start,
            arg_max(einde, volgnummer) filter (where einde is not null) as einde
        from raw.monitor_mutaties
        where soort = 'project'
        group by project_id
    ) m using (project_id)
),

laatst_vervangen as (
    select *, max(volgnummer) filter (where raakt and vervangend) over (partition by project_id, soort) as vervangen_bij
    from gedragen
),

geldig as (
    select
        project_id,
        soort,
        case when vervangend then aantal_nu else aantal end as doel,
        case when vervangend then periode_nu.periode else doel_periode end as doel_periode,
        case when vervangend then periode_nu.van else doel_van end as doel_van,
        case when vervangend then periode_nu.tot else doel_tot end as doel_tot,
        coalesce(doel_modus, 'vervangt') as doel_modus,
        bron, bron_peildatum, door, ingevoerd_op, bestand, regel, volgnummer
    from laatst_vervangen
    where raakt
        and ((vervangend and volgnummer = vervangen_bij)
             or (not vervangend and volgnummer > coalesce(vervangen_bij, -1)))
        and (case when vervangend then aantal_nu is not null and periode_nu is not null else true end)
)

-- the quarters a target covers: its own range, or (per jaar, projectduur) the project's run; its unit and period
-- in words (for the register checks' messages)
select
    g.*,
    case g.soort when 'doel_deelnemers' then 'gestarte deelnemers'
                 when 'doel_uitstroom_werk' then 'uitstroom naar werk'
                 else 'uitstroom naar opleiding' end as eenheid,
    case when g.doel_periode = 'periode'
         then format('periode {} {} t/m {} {}', right(g.doel_van, 2), left(g.doel_van, 4), right(g.doel_tot, 2),
                     left(g.doel_tot, 4))
         else g.doel_periode end as wanneer,
    case when g.doel_periode = 'periode' then g.doel_van else coalesce(l.start, '0000-Q1') end as eerste,
    case when g.doel_periode = 'periode' then g.doel_tot else coalesce(l.einde, '9999-Q4') end as laatste
from geldig g
left join looptijd l using (project_id)
