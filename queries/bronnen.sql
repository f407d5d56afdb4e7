select dataset, titel, bron, peildatum, vindplaats, bestand, rijen, checksum, built_at
from meta.sources
order by titel
