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
),

laatste as (
    select * from kandidaten where rang = 1
),

-- the previous period of the same source (dataset) and kind of period, for the "sinds ..." delta on the
-- tile; only when that period gives one value (otherwise no delta rather than a guess)
vorige as (
    select
        l.volgorde, l.regio_code,
        any_value(k.waarde) as vorige_waarde,
        any_value(k.periode) as vorige_periode,
        any_value(k.periode_type) as vorige_periode_type,
        any_value(k.peildatum) as vorige_peildatum
    from laatste l
    join kandidaten k
        on k.volgorde = l.volgorde and k.regio_code = l.regio_code and k.dataset = l.dataset
        and k.periode_type = l.periode_type
        and k.periode_datum = (
            select max(k2.periode_datum) from kandidaten k2
            where k2.volgorde = l.volgorde and k2.regio_code = l.regio_code and k2.dataset = l.dataset
              and k2.periode_type = l.periode_type and k2.periode_datum < l.periode_datum
        )
    group by all
    having count(distinct k.waarde) = 1
)

select
    l.volgorde, l.kerncijfer, l.regio_code, l.indicator, l.waarde, l.eenheid, l.kwalificatie,
    l.periode, l.periode_type, l.periode_datum, l.peildatum, l.bron, l.dataset, l.vindplaats, l.definitie,
    v.vorige_waarde, v.vorige_periode, v.vorige_periode_type, v.vorige_peildatum
from laatste l
left join vorige v using (volgorde, regio_code)
