-- Every arbeidsmarktregio (and Nederland as reference) on the indicators CBS publishes for all of them, for the
-- page "Regio's vergelijken". Like for like: per indicator only the latest period is compared, and a region
-- without a value for that period is left out of the ranking (not ranked on an older figure).
-- inwoners: CBS 03759ned, the region as the sum of its gemeenten; inwonersgroei: first to last year of that table;
-- groene/grijze druk: CBS 70072ned as published per arbeidsmarktregio;
-- ww_per_1000_inwoners: CBS 85554NED (latest month) per 1.000 inwoners (all ages, 1 January of the latest year);
-- netto_arbeidsparticipatie and werkloosheidspercentage: CBS 85494NED as published per arbeidsmarktregio (a yearly
-- survey figure: a percentage, never summed from gemeenten).
with regios as (
    select code as regio_code, naam as regio_naam, soort = 'land' as is_land
    from marts.regios
    where soort in ('arbeidsmarktregio', 'land')
),

feiten as (
    select f.*, r.regio_naam as naam, r.is_land
    from marts.feiten f
    join regios r using (regio_code)
    where f.herkomst = 'cbs' and f.is_totaal and f.waarde is not null
      and (f.dataset, f.indicator) in (('03759ned', 'inwoners'), ('70072ned', 'groene_druk'),
                                       ('70072ned', 'grijze_druk'), ('85554NED', 'personen_met_ww'),
                                       ('85494NED', 'netto_arbeidsparticipatie'), ('85494NED', 'werkloosheidspercentage'))
),

laatste as (
    -- the latest period of each series, over all regions
    select dataset, indicator, max(periode_datum) as datum, min(periode_datum) as eerste
    from feiten
    group by all
),

stand as (
    select f.*
    from feiten f
    join laatste l on l.dataset = f.dataset and l.indicator = f.indicator and f.periode_datum = l.datum
),

begin as (
    select f.*
    from feiten f
    join laatste l on l.dataset = f.dataset and l.indicator = f.indicator and f.periode_datum = l.eerste
),

inwoners as (
    select * from stand where indicator = 'inwoners'
),

waarden as (
    select indicator, regio_code, naam, is_land, waarde, periode, peildatum, bron, kwalificatie
    from stand
    union all
    select
        'inwonersgroei', s.regio_code, s.naam, s.is_land, 100.0 * (s.waarde - b.waarde) / b.waarde,
        b.periode || '-' || s.periode, b.periode || ' tot ' || s.periode, s.bron, s.kwalificatie
    from inwoners s
    join begin b on b.indicator = 'inwoners' and b.regio_code = s.regio_code
    union all
    select
        'ww_per_1000_inwoners', w.regio_code, w.naam, w.is_land, 1000.0 * w.waarde / i.waarde,
        w.periode, w.peildatum || '; inwoners ' || i.peildatum, w.bron || ' en tabel 03759ned', w.kwalificatie
    from stand w
    join inwoners i using (regio_code)
    where w.indicator = 'personen_met_ww'
),

renamed as (
    select
        w.indicator,
        i.label,
        i.definitie,
        i.eenheid,
        i.volgorde,
        w.regio_code,
        w.naam as regio_naam,
        w.is_land,
        w.waarde,
        w.periode,
        w.peildatum,
        w.bron,
        w.kwalificatie,
        case when not w.is_land then
            cast(rank() over (partition by w.indicator, w.is_land order by w.waarde desc) as integer)
        end as plaats,
        cast(count(*) filter (where not w.is_land) over (partition by w.indicator) as integer) as aantal
    from waarden w
    join marts.indicatoren i on i.code = w.indicator
)

select * from renamed
order by volgorde, is_land desc, plaats
