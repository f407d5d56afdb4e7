-- CBS's spanning (vacatures per 100 werklozen) for Nederland (the region of soort 'land'), newest first; with
-- $tot only the quarters that start on or before $tot (the page's period choice; NULL = all).
select s.*, r.naam as regio_naam
from marts.cbs_spanning s
join marts.regios r on r.code = s.regio_code and r.soort = 'land'
where $tot is null or s.periode_datum <= $tot
order by s.periode_datum desc
