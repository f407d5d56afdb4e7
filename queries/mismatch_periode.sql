select * exclude (keuze_datum) from marts.mismatch_perioden
where regio_code = $regio and keuze = $periode
order by is_rest, verschil
