-- The headline figures of the Overzicht page: per region the latest
-- non-prognosis value of each. GWU takes Tabel 1's total (Tabel 2 prints a
-- national total one lower; see marts.discrepanties). Label and definition: marts.indicatoren.
with keuze as (
    select * from (values
        (1, 'inwoners', null, null, 'aantal'),
        (2, 'netto_arbeidsparticipatie', 'totaal', null, 'waarde'),
        (3, 'onbenut_arbeidspotentieel', 'onderdeel', null, 'aantal'),
        (4, 'gwu', 'opleidingsniveau', 'gwu_opleiding', 'aantal'),
        (5, 'ww_uitkeringen', null, null, 'aantal'),
        (6, 'openstaande_vacatures', 'beroepsklasse', null, 'aantal'),
        (7, 'banen', 'type_baan', null, 'aantal'),
        -- region and Nederland from one source and peildatum (CBS 70072ned has gemeenten, see Bevolking)
        (8, 'groene_druk', 'totaal', 'demografische_druk', 'waarde'),
        (9, 'grijze_druk', 'totaal', 'demografische_druk', 'waarde')
    ) as t(volgorde, indicator, dimensie, dataset, maat)
),

definities as (
    select k.*, i.label as kerncijfer, i.definitie
    from keuze k
    join marts.indicatoren i on i.code = k.indicator
),

kandidaten as (
    select
        d.volgorde,
        d.kerncijfer,
        d.definitie,
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
    periode, periode_type, periode_datum, peildatum, bron, dataset, vindplaats, definitie
from kandidaten
where rang = 1
