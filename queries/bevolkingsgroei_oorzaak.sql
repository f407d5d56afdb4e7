-- Growth of the population by cause (Bijlage 1, Figuur 3), per year, oldest first. The analysis gives a
-- number for migration only ("meer dan 3.000" in 2022, "ruim 1.500" in 2023); the qualifier travels along.
select
    f.indicator, i.label as oorzaak, f.periode, f.periode_type, f.waarde, f.eenheid, f.kwalificatie,
    f.bron, f.peildatum, f.vindplaats
from marts.feiten f
join marts.indicatoren i on i.code = f.indicator
where f.indicator = 'bevolkingsgroei_migratie' and f.regio_code = $regio and f.is_totaal and f.maat = 'aantal'
order by f.periode_datum, i.volgorde
