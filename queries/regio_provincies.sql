-- The arbeidsmarktregio beside the province(s) its gemeenten lie in and Nederland, on inwoners (CBS 03759ned,
-- latest year) and inwonersgroei (first to latest year of that table: the periods marts.regio_vergelijking
-- uses). Per province also the region's gemeenten in it and their inwoners. No rows without the province
-- grouping (marts.gemeente_provincie).
with leden as (
    select g.gemeente_code, g.gemeente_naam, p.provincie_code, p.provincie_naam
    from marts.gemeente_regio g
    join marts.gemeente_provincie p using (gemeente_code)
    where g.arbeidsmarktregio_code = $regio
),

inwoners as (
    select regio_code, regio_naam, periode, periode_datum, peildatum, waarde, bron
    from marts.feiten
    where dataset = '03759ned' and indicator = 'inwoners' and herkomst = 'cbs' and is_totaal and waarde is not null
),

perioden as (
    select min(periode_datum) as eerste, max(periode_datum) as laatste
    from inwoners
    where regio_code in (select code from marts.regios where soort in ('arbeidsmarktregio', 'land'))
),

gebieden as (
    select $regio as regio_code, 'regio' as soort, 1 as volgorde, null as naam, null as gemeenten,
           null as gemeente_namen
    union all
    select provincie_code, 'provincie', 2, any_value(provincie_naam), count(*),
           string_agg(gemeente_naam, ', ' order by gemeente_naam)
    from leden
    group by provincie_code
    union all
    select code, 'land', 3, naam, null, null from marts.regios where soort = 'land'
),

deel as (
    -- inwoners of the region's gemeenten per province, latest year
    select l.provincie_code, sum(i.waarde) as inwoners_uit_regio
    from leden l
    join inwoners i on i.regio_code = l.gemeente_code
    where i.periode_datum = (select laatste from perioden)
    group by l.provincie_code
)

select g.regio_code, coalesce(g.naam, nu.regio_naam) as naam, g.soort, g.gemeenten, g.gemeente_namen,
       d.inwoners_uit_regio, nu.waarde as inwoners, nu.periode, nu.peildatum, b.periode as begin_periode,
       100.0 * (nu.waarde - b.waarde) / b.waarde as groei, nu.bron
from gebieden g
join inwoners nu on nu.regio_code = g.regio_code and nu.periode_datum = (select laatste from perioden)
left join inwoners b on b.regio_code = g.regio_code and b.periode_datum = (select eerste from perioden)
left join deel d on d.provincie_code = g.regio_code
where exists (select 1 from leden)
order by g.volgorde, nu.waarde desc
