select * from marts.mismatch where regio_code = $regio order by is_rest, verschil
