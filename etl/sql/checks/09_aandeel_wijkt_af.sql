-- A printed share may differ from count/total by rounding, never by more
-- than $aandeel_tolerantie percentage points. Numbers in the message are
-- written the Dutch way (decimal comma, thousands dot).
with aandelen as (
    select * from staging.feiten where maat = 'aandeel' and waarde is not null
),

aantallen as (
    select * from staging.feiten where maat = 'aantal' and waarde is not null
),

berekend as (
    select
        a.bestand, a.regel, a.waarde as aandeel, n.waarde as aantal, t.totaal,
        100.0 * n.waarde / t.totaal as berekend_aandeel
    from aandelen a
    join aantallen n
        on n.dataset = a.dataset and n.regio_code = a.regio_code and n.periode = a.periode
        and n.indicator = a.indicator and n.dimensie = a.dimensie and n.categorie = a.categorie
    join staging.totalen t
        on t.dataset = a.dataset and t.regio_code = a.regio_code and t.periode = a.periode
        and t.indicator = a.indicator and t.dimensie = a.dimensie
    where t.totaal > 0
)

select
    bestand, regel, 'waarde' as kolom,
    format('aandeel {}% wijkt {} procentpunt af van aantal/totaal ({} / {} = {}%); verwacht hooguit {} procentpunt verschil',
           replace(format('{:g}', aandeel), '.', ','),
           replace(format('{:.1f}', abs(aandeel - berekend_aandeel)), '.', ','),
           replace(format('{:,}', aantal::bigint), ',', '.'),
           replace(format('{:,}', totaal::bigint), ',', '.'),
           replace(format('{:.1f}', berekend_aandeel), '.', ','),
           replace(format('{:g}', $aandeel_tolerantie), '.', ',')) as melding
from berekend
where abs(aandeel - berekend_aandeel) > $aandeel_tolerantie
