select dataset, titel, bron, peildatum, bestand, rijen, opgehaald
from meta.sources
where opgehaald is not null
order by dataset
