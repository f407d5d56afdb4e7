-- All projects of the region together per kwartaal, up to the chosen monitor, with running totals.
with per_kwartaal as (
    select
        kwartaal,
        count(*) as projecten,
        sum(aangemeld) as aangemeld, sum(gestart) as gestart, sum(uitgevallen) as uitgevallen,
        sum(uitstroom_werk) as uitstroom_werk, sum(uitstroom_opleiding) as uitstroom_opleiding,
        sum(nog_in_traject) as nog_in_traject
    from marts.monitor_resultaten
    where regio_code = $regio and kwartaal <= $tot
    group by kwartaal
)

select
    *,
    cast(sum(gestart) over w as bigint) as cum_gestart,
    cast(sum(uitgevallen) over w as bigint) as cum_uitgevallen,
    cast(sum(uitstroom_werk) over w as bigint) as cum_uitstroom_werk,
    cast(sum(uitstroom_opleiding) over w as bigint) as cum_uitstroom_opleiding
from per_kwartaal
window w as (order by kwartaal)
order by kwartaal
