-- UWV spanningsindicator per beroepsklasse: openstaande vacatures / WW-uitkeringen korter dan 6 maanden
-- (UWV's definition), for every vacatures period of marts.mismatch_perioden. When the file gives no
-- WW by duur per beroepsklasse, the approximation over all WW-uitkeringen, marked `is_benadering`.
-- Bands (UWV): < 0,25 zeer ruim; 0,25 tot 0,67 ruim; 0,67 tot 1,5 gemiddeld; 1,5 tot en met 4 krap;
-- > 4 zeer krap. A boundary value belongs to the tighter band, except 4 itself (krap: 'meer dan 4').
with mm as (
    select * from marts.mismatch_perioden where not is_rest
),

kort as (
    select * from marts.feiten
    where indicator = 'ww_uitkeringen_kort' and dimensie = 'beroepsklasse' and maat = 'aantal'
),

gekoppeld as (
    select
        m.regio_code, m.keuze, m.keuze_datum, m.is_laatste, m.beroepsklasse_code, m.beroepsklasse,
        m.vacatures, m.ww_uitkeringen, k.waarde as ww_kort, k.periode as ww_kort_periode,
        m.vacatures_periode, m.vacatures_periode_type, m.vacatures_peildatum, m.ww_periode, m.ww_periode_type,
        m.ww_peildatum, m.vacatures_bron, m.ww_bron
    from mm m
    left join kort k
        on k.regio_code = m.regio_code and k.periode = m.ww_periode and k.beroepsklasse_code = m.beroepsklasse_code
),

per_regio as (
    -- UWV's definition only where the file gives the short WW for this region and period
    select *, bool_or(ww_kort is not null) over (partition by regio_code, keuze) as heeft_kort from gekoppeld
),

berekend as (
    select
        *,
        not heeft_kort as is_benadering,
        case when heeft_kort then vacatures / nullif(ww_kort, 0)
             else vacatures / nullif(ww_uitkeringen, 0) end as spanning
    from per_regio
)

select
    * exclude (heeft_kort),
    case
        when spanning is null then null
        when spanning < 0.25 then 'zeer ruim'
        when spanning < 0.67 then 'ruim'
        when spanning < 1.5 then 'gemiddeld'
        when spanning <= 4 then 'krap'
        else 'zeer krap'
    end as band,
    case
        when spanning is null then null
        when spanning < 0.25 then 1 when spanning < 0.67 then 2 when spanning < 1.5 then 3
        when spanning <= 4 then 4 else 5
    end as band_volgorde
from berekend
order by regio_code, keuze_datum, beroepsklasse
