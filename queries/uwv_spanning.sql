select * from marts.uwv_spanning
where regio_code = $regio and keuze = $periode
order by band_volgorde desc nulls last, spanning desc
