-- Population and labour-force figures of the region as cards, in a fixed order: the
-- figures of the analysis (Bijlage 1 and the letters); the CBS series has its own figure.
with labels as (
    select * from (values
        (1, 'inwoners', 'Totaal', '2025', 'Inwoners'),
        (2, 'inwoners', 'Totaal', '2040', 'Inwoners, prognose 2040'),
        (3, 'inwoners', '50 tot 65 jaar', null, 'Inwoners van 50 tot 65 jaar'),
        (4, 'inwoners_15_75', 'Totaal', null, 'Inwoners van 15 tot 75 jaar'),
        (5, 'netto_arbeidsparticipatie', 'Totaal', null, 'Netto arbeidsparticipatie'),
        (6, 'werkenden_geen_extra_uren', 'Totaal', null, 'Werkenden die niet meer uren kunnen of willen werken'),
        (7, 'niet_beroepsbevolking', 'Totaal', null, 'Niet-beroepsbevolking'),
        (8, 'bevolkingsgroei_migratie', 'Totaal', '2022', 'Bevolkingsgroei door migratie, 2022'),
        (9, 'bevolkingsgroei_migratie', 'Totaal', '2023', 'Bevolkingsgroei door migratie, 2023')
    ) as t(volgorde, indicator, categorie, periode, label)
)

select l.volgorde, l.label, f.waarde, f.eenheid, f.kwalificatie, f.periode, f.periode_type, f.peildatum, f.bron
from labels l
join marts.feiten f
    on f.indicator = l.indicator and f.categorie = l.categorie
    and (l.periode is null or f.periode = l.periode)
where f.regio_code = $regio and not starts_with(f.bron, 'CBS StatLine')
order by l.volgorde
