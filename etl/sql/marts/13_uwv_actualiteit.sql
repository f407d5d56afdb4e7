-- The latest period per region and UWV table (imports and the seed alike), and whether it is stale:
-- older than the latest national (NL01) period of the same table, or, for a table without national
-- figures, older than the latest period of any region.
with uwv_tabellen as (
    select * from (values
        ('gwu_opleiding'), ('gwu_leeftijd'), ('gwu_uitkering'), ('ww_kenmerken'), ('ww_beroepsklasse'),
        ('vacatures_beroepsklasse')
    ) t(tabel)
),

laatste as (
    select f.dataset as tabel, f.regio_code, max(f.periode_datum) as periode_datum,
           arg_max(f.periode, f.periode_datum) as periode, arg_max(f.periode_type, f.periode_datum) as periode_type,
           arg_max(f.herkomst, f.periode_datum) as herkomst
    from marts.feiten f
    join uwv_tabellen t on t.tabel = f.dataset
    group by f.dataset, f.regio_code
),

referentie as (
    select tabel,
           coalesce(max(periode_datum) filter (where regio_code = 'NL01'), max(periode_datum)) as referentie_datum
    from laatste
    group by tabel
)

select l.*, r.referentie_datum, l.periode_datum < r.referentie_datum as is_verouderd, g.naam as regio_naam
from laatste l
join referentie r using (tabel)
left join marts.regios g on g.code = l.regio_code
order by l.tabel, l.regio_code
