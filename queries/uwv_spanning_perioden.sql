select distinct keuze, keuze_datum, is_laatste from marts.uwv_spanning
where regio_code = $regio
order by keuze_datum desc
