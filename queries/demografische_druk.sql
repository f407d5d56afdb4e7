select f.regio_code, f.regio_naam, f.indicator, i.label as indicator_label, f.waarde, f.eenheid, f.periode,
       f.periode_type, f.peildatum, f.bron, f.kwalificatie
from marts.feiten f
left join marts.indicatoren i on i.code = f.indicator
where f.dataset = 'demografische_druk' and f.regio_code in ($regio, $vergelijk)
order by f.indicator, f.regio_code = $regio desc
