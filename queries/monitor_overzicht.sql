-- Per project its state at the chosen monitor ($tot): the latest kwartaal
-- entered up to then, the realisation counted against each target, and the
-- status then. Projects without results are listed too.
with laatste as (
    select * from marts.monitor_voortgang
    where regio_code = $regio and kwartaal <= $tot
    qualify row_number() over (partition by project_id order by kwartaal desc) = 1
),

status_toen as (
    select project_id, arg_max(status, (vanaf, volgnummer)) as status, arg_max(vanaf, (vanaf, volgnummer)) as sinds
    from marts.monitor_status
    where regio_code = $regio and vanaf <= $tot
    group by project_id
)

select
    p.project_id, p.naam, p.beroepsklasse, p.doel_periode, p.doel_deelnemers, p.doel_uitstroom_werk,
    p.doel_uitstroom_opleiding, p.volgorde,
    s.status, s.sinds,
    l.kwartaal as laatste_kwartaal,
    l.realisatie_deelnemers, l.realisatie_uitstroom_werk, l.realisatie_uitstroom_opleiding,
    l.cum_gestart, l.cum_uitstroom_werk, l.cum_uitstroom_opleiding, l.cum_uitgevallen, l.nog_in_traject,
    -- a per-jaar target counts the year of the monitor only
    case when p.doel_periode = 'per jaar' and left(l.kwartaal, 4) <> left($tot, 4) then null
         else l.realisatie_deelnemers end as realisatie_deelnemers_doel
from marts.monitor_projecten p
left join laatste l using (project_id)
left join status_toen s using (project_id)
where p.regio_code = $regio
order by p.volgorde
