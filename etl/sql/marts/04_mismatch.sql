-- Openstaande vacatures beside WW-uitkeringen per beroepsklasse, per region,
-- each at its own latest period: Tabel 5 is Q2 2025, Tabel 6 september 2025.
-- Both peildata are kept on every row so the page can say so.
-- Business rule (Bijlage 1): more WW-uitkeringen than vacatures is a
-- kwantitatieve mismatch (too few jobs); more vacatures than WW-uitkeringen
-- means vacatures that cannot be filled from the WW: a kwalitatieve mismatch.
-- WW-uitkeringen without beroepsklasse (printed total minus the rows) are a
-- row of their own, not dropped.
with vacatures as (
    select * from marts.feiten
    where indicator = 'openstaande_vacatures' and dimensie = 'beroepsklasse' and maat = 'aantal'
    qualify periode_datum = max(periode_datum) over (partition by regio_code)
),

ww as (
    select * from marts.feiten
    where indicator = 'ww_uitkeringen' and dimensie = 'beroepsklasse' and maat = 'aantal'
    qualify periode_datum = max(periode_datum) over (partition by regio_code)
),

regios as (
    select regio_code from vacatures union select regio_code from ww
),

klassen as (
    select code as beroepsklasse_code, naam as beroepsklasse, false as is_rest
    from marts.beroepsklassen
),

per_klasse as (
    select
        r.regio_code, k.beroepsklasse_code, k.beroepsklasse, k.is_rest,
        v.waarde as vacatures, w.waarde as ww_uitkeringen
    from regios r
    cross join klassen k
    left join vacatures v on v.regio_code = r.regio_code and v.beroepsklasse_code = k.beroepsklasse_code
    left join ww w on w.regio_code = r.regio_code and w.beroepsklasse_code = k.beroepsklasse_code
),

totalen as (
    select
        r.regio_code,
        (select waarde from vacatures v where v.regio_code = r.regio_code and v.is_totaal) as vacatures_totaal,
        (select sum(waarde) from vacatures v where v.regio_code = r.regio_code and not v.is_totaal) as vacatures_som,
        (select waarde from ww w where w.regio_code = r.regio_code and w.is_totaal) as ww_totaal,
        (select sum(waarde) from ww w where w.regio_code = r.regio_code and not w.is_totaal) as ww_som
    from regios r
),

zonder_klasse as (
    -- only where the printed total exceeds the rows; a shortfall is rounding (see marts.discrepanties)
    select
        regio_code, 'zonder' as beroepsklasse_code, 'Zonder beroepsklasse' as beroepsklasse, true as is_rest,
        case when vacatures_totaal > vacatures_som then vacatures_totaal - vacatures_som end as vacatures,
        case when ww_totaal > ww_som then ww_totaal - ww_som end as ww_uitkeringen
    from totalen
    where vacatures_totaal > vacatures_som or ww_totaal > ww_som
),

alle as (
    select * from per_klasse
    union all by name
    select * from zonder_klasse
),

periodes as (
    select
        r.regio_code,
        any_value(v.periode) as vacatures_periode, any_value(v.periode_type) as vacatures_periode_type,
        any_value(v.peildatum) as vacatures_peildatum, any_value(v.bron) as vacatures_bron,
        any_value(w.periode) as ww_periode, any_value(w.periode_type) as ww_periode_type,
        any_value(w.peildatum) as ww_peildatum, any_value(w.bron) as ww_bron
    from regios r
    left join vacatures v on v.regio_code = r.regio_code
    left join ww w on w.regio_code = r.regio_code
    group by r.regio_code
),

classified as (
    select
        a.*,
        a.vacatures / nullif(a.ww_uitkeringen, 0) as vacatures_per_ww,
        a.vacatures - a.ww_uitkeringen as verschil,
        case
            when a.is_rest or a.vacatures is null or a.ww_uitkeringen is null then null
            when a.ww_uitkeringen > a.vacatures then 'kwantitatieve mismatch'
            when a.vacatures > a.ww_uitkeringen then 'kwalitatieve mismatch'
            else 'in evenwicht'
        end as mismatch
    from alle a
)

select c.*, p.* exclude (regio_code)
from classified c
join periodes p using (regio_code)
order by regio_code, is_rest, verschil
