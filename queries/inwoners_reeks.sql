-- Inwoners per year for the region (sum of its gemeenten) and each of its gemeenten (CBS 03759ned).
with gemeenten as (
    select gemeente_code from marts.gemeente_regio where arbeidsmarktregio_code = $regio
)

select regio_code, regio_naam, regio_code = $regio as is_regio, periode, periode_datum, waarde, peildatum, bron,
       kwalificatie
from marts.feiten
where dataset = '03759ned' and indicator = 'inwoners'
  and (regio_code = $regio or regio_code in (select gemeente_code from gemeenten))
order by is_regio desc, regio_naam, periode_datum
