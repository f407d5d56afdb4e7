-- The gemeenten of one arbeidsmarktregio with their boundary and their latest CBS inwoners (03759ned).
with inwoners as (
    select regio_code, arg_max(waarde, periode_datum) as inwoners, arg_max(peildatum, periode_datum) as peildatum,
           any_value(bron) as bron
    from marts.feiten
    where dataset = '03759ned' and indicator = 'inwoners'
      and regio_code in (select gemeente_code from marts.gemeente_regio)
    group by all
)

select g.code, g.naam, g.geometrie, i.inwoners, i.peildatum, i.bron
from marts.geometrie g
left join inwoners i on i.regio_code = g.code
where g.laag = 'gemeente' and g.arbeidsmarktregio_code = $regio
order by g.naam
