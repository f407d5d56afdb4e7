select bestand, regel, kolom, 'verplicht veld is leeg' as melding
from (
    unpivot raw.seed_feiten
    on regio, periode, periode_type, indicator, dimensie, categorie, maat, eenheid, bron, peildatum
    into name kolom value inhoud
)
where trim(inhoud) = ''
