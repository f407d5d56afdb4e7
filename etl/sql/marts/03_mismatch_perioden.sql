-- Openstaande vacatures beside WW-uitkeringen per beroepsklasse for every period of openstaande vacatures:
-- the period choice on the Mismatch page, the trend per beroepsklasse, and (its latest rows) marts.mismatch.
-- Columns: those of marts.mismatch plus `keuze` (the vacatures period the row belongs to), `keuze_datum`
-- and `is_laatste`.
-- Business rule (Bijlage 1): more WW-uitkeringen than vacatures is a kwantitatieve mismatch (too few
-- jobs); more vacatures than WW-uitkeringen means vacatures that cannot be filled from the WW: a
-- kwalitatieve mismatch. WW-uitkeringen without beroepsklasse (printed total minus the rows) are a row of
-- their own, not dropped.
-- Pairing rule: each vacatures quarter is paired with the latest WW-uitkeringen period that starts
-- less than six months after the quarter starts (Q2 2025 -> september 2025, as in Bijlage 1); the two
-- peildata stay on every row so the page says they differ.
with vac_alle as (
    select * from marts.feiten
    where indicator = 'openstaande_vacatures' and dimensie = 'beroepsklasse' and maat = 'aantal'
),

ww_alle as (
    select * from marts.feiten
    where indicator = 'ww_uitkeringen' and dimensie = 'beroepsklasse' and maat = 'aantal'
),

keuzes as (
    select distinct regio_code, periode as keuze, periode_datum as keuze_datum from vac_alle
),

paren as (
    select
        k.regio_code, k.keuze, k.keuze_datum,
        (select max(w.periode_datum) from ww_alle w
         where w.regio_code = k.regio_code and w.periode_datum < k.keuze_datum + interval 6 month) as ww_datum
    from keuzes k
),

vacatures as (
    select p.keuze, v.* from paren p join vac_alle v on v.regio_code = p.regio_code and v.periode = p.keuze
),

ww as (
    select p.keuze, w.* from paren p join ww_alle w on w.regio_code = p.regio_code and w.periode_datum = p.ww_datum
),

klassen as (
    select code as beroepsklasse_code, naam as beroepsklasse, false as is_rest from marts.beroepsklassen
),

per_klasse as (
    select
        p.regio_code, p.keuze, k.beroepsklasse_code, k.beroepsklasse, k.is_rest,
        v.waarde as vacatures, w.waarde as ww_uitkeringen
    from paren p
    cross join klassen k
    left join vacatures v
        on v.regio_code = p.regio_code and v.keuze = p.keuze and v.beroepsklasse_code = k.beroepsklasse_code
    left join ww w
        on w.regio_code = p.regio_code and w.keuze = p.keuze and w.beroepsklasse_code = k.beroepsklasse_code
),

totalen as (
    select
        p.regio_code, p.keuze,
        (select any_value(waarde) from vacatures v where v.regio_code = p.regio_code and v.keuze = p.keuze and v.is_totaal) as vacatures_totaal,
        (select sum(waarde) from vacatures v where v.regio_code = p.regio_code and v.keuze = p.keuze and not v.is_totaal) as vacatures_som,
        (select any_value(waarde) from ww w where w.regio_code = p.regio_code and w.keuze = p.keuze and w.is_totaal) as ww_totaal,
        (select sum(waarde) from ww w where w.regio_code = p.regio_code and w.keuze = p.keuze and not w.is_totaal) as ww_som
    from paren p
),

zonder_klasse as (
    -- only where the printed total exceeds the rows; a shortfall is rounding (see marts.discrepanties)
    select
        regio_code, keuze, 'zonder' as beroepsklasse_code, 'Zonder beroepsklasse' as beroepsklasse, true as is_rest,
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
        p.regio_code, p.keuze, p.keuze_datum,
        p.keuze_datum = max(p.keuze_datum) over (partition by p.regio_code) as is_laatste,
        any_value(v.periode) as vacatures_periode, any_value(v.periode_type) as vacatures_periode_type,
        any_value(v.peildatum) as vacatures_peildatum, any_value(v.bron) as vacatures_bron,
        any_value(w.periode) as ww_periode, any_value(w.periode_type) as ww_periode_type,
        any_value(w.peildatum) as ww_peildatum, any_value(w.bron) as ww_bron
    from paren p
    left join vacatures v on v.regio_code = p.regio_code and v.keuze = p.keuze
    left join ww w on w.regio_code = p.regio_code and w.keuze = p.keuze
    group by p.regio_code, p.keuze, p.keuze_datum
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

select c.*, p.* exclude (regio_code, keuze)
from classified c
join periodes p using (regio_code, keuze)
order by regio_code, keuze_datum, is_rest, verschil
