-- Headline figures for one region beside the comparison region, with the
-- source's own discrepancy for that figure where there is one.
with regio as (
    select * from marts.kerncijfers where regio_code = $regio
),

vergelijk as (
    select * from marts.kerncijfers where regio_code = $vergelijk
),

afwijkingen as (
    select
        dataset, regio_code, periode, indicator,
        first(vergelijking_omschrijving order by abs(verschil) desc) as afwijking_omschrijving,
        first(vergelijking order by abs(verschil) desc) as afwijking_vergelijking,
        first(verschil order by abs(verschil) desc) as afwijking_verschil
    from marts.discrepanties
    where categorie = 'Totaal' and soort in ('som_wijkt_af', 'totalen_verschillen')
    group by all
)

select
    coalesce(r.volgorde, v.volgorde) as volgorde,
    coalesce(r.kerncijfer, v.kerncijfer) as kerncijfer,
    coalesce(r.eenheid, v.eenheid) as eenheid,
    r.waarde as regio_waarde,
    r.kwalificatie as regio_kwalificatie,
    r.periode as regio_periode,
    r.periode_type as regio_periode_type,
    r.peildatum as regio_peildatum,
    r.bron as regio_bron,
    r.vindplaats as regio_vindplaats,
    r.vorige_waarde as regio_vorige_waarde,
    r.vorige_periode as regio_vorige_periode,
    r.vorige_periode_type as regio_vorige_periode_type,
    v.waarde as vergelijk_waarde,
    v.kwalificatie as vergelijk_kwalificatie,
    v.periode as vergelijk_periode,
    v.periode_type as vergelijk_periode_type,
    v.peildatum as vergelijk_peildatum,
    v.bron as vergelijk_bron,
    a.afwijking_omschrijving,
    a.afwijking_vergelijking,
    a.afwijking_verschil
from regio r
full join vergelijk v using (volgorde)
left join afwijkingen a
    on a.dataset = r.dataset and a.regio_code = r.regio_code and a.periode = r.periode
    and a.indicator = r.indicator
order by volgorde
