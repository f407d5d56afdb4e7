-- Population and labour-force figures of the region as cards, in a fixed order: the figures of the
-- analysis (our transcriptions of Bijlage 1 and the letters); the CBS series has its own figure.
-- A card picks facts by indicator and by a period rule, never by a year: 'laatste' is the latest
-- period that is not a prognosis, 'prognose' every prognosis, 'elk' every period (a card each).
-- Total rows, or with is_totaal false every category of the indicator (inwoners: 50 tot 65 jaar).
with kaarten as (
    select * from (values
        (1, 'inwoners', true, 'laatste'),
        (2, 'inwoners', true, 'prognose'),
        (3, 'inwoners', false, 'laatste'),
        (4, 'inwoners_15_75', true, 'laatste'),
        (5, 'netto_arbeidsparticipatie', true, 'laatste'),
        (6, 'werkenden_geen_extra_uren', true, 'laatste'),
        (7, 'niet_beroepsbevolking', true, 'laatste'),
        (8, 'bevolkingsgroei_migratie', true, 'elk')
    ) as t(kaart, indicator, is_totaal, periodes)
),

feiten as (
    select
        k.kaart, k.periodes, f.*,
        max(f.periode_datum) filter (where not f.is_prognose)
            over (partition by k.kaart, f.categorie) as laatste_datum
    from kaarten k
    join marts.feiten f on f.indicator = k.indicator and f.is_totaal = k.is_totaal
    where f.regio_code = $regio and f.herkomst = 'seed' and f.maat in ('aantal', 'waarde')
),

gekozen as (
    select * from feiten
    where case periodes
        when 'laatste' then not is_prognose and periode_datum = laatste_datum
        when 'prognose' then is_prognose
        else true
    end
)

select
    cast(row_number() over (order by g.kaart, g.periode_datum, g.volgorde) as integer) as volgorde,
    i.label
        || case when g.is_totaal then '' else ' van ' || g.categorie end
        || case when g.periodes = 'prognose' then ', prognose ' || g.periode
                when g.periodes = 'elk' then ', ' || g.periode
                else '' end as label,
    g.waarde, g.eenheid, g.kwalificatie, g.periode, g.periode_type, g.peildatum, g.bron,
    g.indicator, g.categorie, g.is_prognose
from gekozen g
join marts.indicatoren i on i.code = g.indicator
order by volgorde
