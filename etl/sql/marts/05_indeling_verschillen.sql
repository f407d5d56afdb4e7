-- Where CBS Gebieden in Nederland (raw.cbs_indeling, once fetched) disagrees with the shipped
-- membership (data/raw/referentie/gemeenten_am12.csv) of the regions that list covers: a gemeente
-- CBS places in another region or not at all, or one CBS adds. Not resolved: the roll-up keeps the
-- shipped list (staging.gemeente_regio); the refresh and the Bronnen page report every row.
with meegeleverd as (
    select trim(gemeente_code) as gemeente_code, trim(gemeente_naam) as gemeente_naam,
           trim(arbeidsmarktregio_code) as regio_code
    from raw.ref_gemeenten
),

cbs as (
    select * from raw.cbs_indeling
),

elders as (
    select
        m.regio_code, m.gemeente_code, m.gemeente_naam,
        c.arbeidsmarktregio_code as cbs_regio_code, c.arbeidsmarktregio_naam as cbs_regio_naam,
        case when c.gemeente_code is null then 'ontbreekt bij CBS' else 'bij CBS in andere regio' end as soort
    from meegeleverd m
    left join cbs c using (gemeente_code)
    where exists (select 1 from cbs)
      and (c.gemeente_code is null or c.arbeidsmarktregio_code <> m.regio_code)
),

extra as (
    select
        c.arbeidsmarktregio_code as regio_code, c.gemeente_code, c.gemeente_naam,
        c.arbeidsmarktregio_code as cbs_regio_code, c.arbeidsmarktregio_naam as cbs_regio_naam,
        'extra bij CBS' as soort
    from cbs c
    where c.arbeidsmarktregio_code in (select regio_code from meegeleverd)
      and c.gemeente_code not in (select gemeente_code from meegeleverd m where m.regio_code = c.arbeidsmarktregio_code)
),

unioned as (
    select * from elders
    union all
    select * from extra
)

select
    u.*,
    (select any_value(table_id) from cbs) as dataset,
    case u.soort
        when 'ontbreekt bij CBS' then format('{} {} staat in de meegeleverde lijst van {}, maar niet in CBS-tabel {}',
                                             u.gemeente_code, u.gemeente_naam, u.regio_code,
                                             (select any_value(table_id) from cbs))
        when 'bij CBS in andere regio' then format('{} {} hoort volgens de meegeleverde lijst bij {}, volgens CBS-tabel {} bij {} ({})',
                                                   u.gemeente_code, u.gemeente_naam, u.regio_code,
                                                   (select any_value(table_id) from cbs), u.cbs_regio_code, u.cbs_regio_naam)
        else format('{} {} hoort volgens CBS-tabel {} bij {}, maar staat niet in de meegeleverde lijst',
                    u.gemeente_code, u.gemeente_naam, (select any_value(table_id) from cbs), u.regio_code)
    end as melding
from unioned u
order by u.regio_code, u.gemeente_code
