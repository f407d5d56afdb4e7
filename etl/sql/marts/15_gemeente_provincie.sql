-- Every gemeente with its province (CBS v4 code list of 03759ned; staging.gemeente_provincie), for the
-- province comparison on "Regio's vergelijken". Empty until 03759ned was fetched through v4.
select gemeente_code, gemeente_naam, provincie_code, provincie_naam, table_id as bron_tabel
from staging.gemeente_provincie
order by provincie_code, gemeente_code
