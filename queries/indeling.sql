-- The fetched gemeente -> arbeidsmarktregio mapping (CBS Gebieden in Nederland), if any.
select dataset, peiljaar, gemeenten, regios
from marts.indeling
