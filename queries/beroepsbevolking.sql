-- The inwoners of 15 to 75 split as Bijlage 1, Figuur 4 does: werkenden who cannot or will not work more
-- hours, the three parts of the onbenut arbeidspotentieel, and the niet-beroepsbevolking (without the
-- semi-werklozen, who belong to the onbenut arbeidspotentieel), beside the printed total of inwoners
-- 15-75 (is_totaal). Each indicator at its latest period.
with gekozen as (
    select *
    from marts.feiten
    where regio_code = $regio and maat = 'aantal'
        and ((indicator in ('inwoners_15_75', 'werkenden_geen_extra_uren', 'niet_beroepsbevolking') and is_totaal)
             or (indicator = 'onbenut_arbeidspotentieel' and not is_totaal))
    qualify periode_datum = max(periode_datum) over (partition by indicator)
)

select
    g.indicator, g.indicator = 'inwoners_15_75' as is_totaal,
    g.indicator = 'onbenut_arbeidspotentieel' as is_onbenut,
    case when g.indicator = 'onbenut_arbeidspotentieel' then g.categorie else i.label end as label,
    g.waarde, g.eenheid, g.kwalificatie, g.periode, g.periode_type, g.bron, g.peildatum
from gekozen g
join marts.indicatoren i on i.code = g.indicator
order by
    case g.indicator
        when 'werkenden_geen_extra_uren' then 1 when 'onbenut_arbeidspotentieel' then 2
        when 'niet_beroepsbevolking' then 3 else 4
    end,
    g.volgorde
