-- The headline figures of the Overzicht page: per region the latest
-- non-prognosis value of each. GWU takes Tabel 1's total (Tabel 2 prints a
-- national total one lower; see marts.discrepanties).
with definities as (
    select * from (values
        (1, 'Inwoners', 'inwoners', null, null, 'aantal'),
        (2, 'Netto arbeidsparticipatie', 'netto_arbeidsparticipatie', 'totaal', null, 'waarde'),
        (3, 'Onbenut arbeidspotentieel', 'onbenut_arbeidspotentieel', 'onderdeel', null, 'aantal'),
        (4, 'Geregistreerde werkzoekenden (GWU)', 'gwu', 'opleidingsniveau', 'gwu_opleiding', 'aantal'),
        (5, 'WW-uitkeringen', 'ww_uitkeringen', null, null, 'aantal'),
        (6, 'Openstaande vacatures', 'openstaande_vacatures', 'beroepsklasse', null, 'aantal'),
        (7, 'Banen', 'banen', 'type_baan', null, 'aantal'),
        -- region and Nederland from one source and peildatum (CBS 70072ned has gemeenten, see Bevolking)
        (8, 'Groene druk', 'groene_druk', 'totaal', 'demografische_druk', 'waarde'),
        (9, 'Grijze druk', 'grijze_druk', 'totaal', 'demografische_druk', 'waarde')
    ) as t(volgorde, kerncijfer, indicator, dimensie, dataset, maat)
),

kandidaten as (
    select
        d.volgorde,
        d.kerncijfer,
        f.*,
        row_number() over (
            partition by d.volgorde, f.regio_code order by f.periode_datum desc, f.dataset
        ) as rang
    from definities d
    join marts.feiten f
        on f.indicator = d.indicator
        and f.maat = d.maat
        and f.is_totaal
        and (d.dimensie is null or f.dimensie = d.dimensie)
        and (d.dataset is null or f.dataset = d.dataset)
    where not f.is_prognose
)

select
    volgorde, kerncijfer, regio_code, indicator, waarde, eenheid, kwalificatie,
    periode, periode_type, periode_datum, peildatum, bron, dataset, vindplaats
from kandidaten
where rang = 1
