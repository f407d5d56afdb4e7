-- Realisation per project per kwartaal: the figures of the kwartaal, the
-- cumulative totals since the first kwartaal entered, and since the start of
-- the calendar year (for targets "per jaar"). Against each target the
-- realisation that counts for it: per jaar the year so far, projectduur the
-- whole run. Deelnemers counts gestart.
with resultaten as (
    select * from marts.monitor_resultaten
),

cumulatief as (
    select
        r.regio_code, r.project_id, r.kwartaal, r.kwartaal_datum,
        r.aangemeld, r.gestart, r.uitgevallen, r.uitstroom_werk, r.uitstroom_opleiding, r.nog_in_traject,
        cast(sum(r.gestart) over project as bigint) as cum_gestart,
        cast(sum(r.uitgevallen) over project as bigint) as cum_uitgevallen,
        cast(sum(r.uitstroom_werk) over project as bigint) as cum_uitstroom_werk,
        cast(sum(r.uitstroom_opleiding) over project as bigint) as cum_uitstroom_opleiding,
        cast(sum(r.gestart) over jaar as bigint) as jaar_gestart,
        cast(sum(r.uitstroom_werk) over jaar as bigint) as jaar_uitstroom_werk,
        cast(sum(r.uitstroom_opleiding) over jaar as bigint) as jaar_uitstroom_opleiding
    from resultaten r
    window
        project as (partition by r.project_id order by r.kwartaal_datum),
        jaar as (partition by r.project_id, year(r.kwartaal_datum) order by r.kwartaal_datum)
)

select
    c.*,
    p.naam,
    p.doel_periode,
    p.doel_deelnemers,
    p.doel_uitstroom_werk,
    p.doel_uitstroom_opleiding,
    case when p.doel_periode = 'per jaar' then c.jaar_gestart else c.cum_gestart end as realisatie_deelnemers,
    case when p.doel_periode = 'per jaar' then c.jaar_uitstroom_werk else c.cum_uitstroom_werk end
        as realisatie_uitstroom_werk,
    case when p.doel_periode = 'per jaar' then c.jaar_uitstroom_opleiding else c.cum_uitstroom_opleiding end
        as realisatie_uitstroom_opleiding
from cumulatief c
join marts.monitor_projecten p using (project_id)
order by p.volgorde, c.kwartaal_datum
