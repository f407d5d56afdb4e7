-- CBS's spanning op de arbeidsmarkt: openstaande vacatures per 100 werklozen, Nederland, seasonally adjusted,
-- per quarter. Computed from the two CBS StatLine tables in the catalog: openstaande vacatures at the end of the
-- quarter, all sectors (80474ned) over the werkloze beroepsbevolking of that quarter (85224NED), times 100.
-- Where no fetched quarter exists, the figures CBS published as quoted in our own transcriptions (seed
-- landelijk_context: Q1 2022) stay, marked as quoted. This is not UWV's spanningsindicator (vacatures per
-- WW-uitkering shorter than 6 months, per beroepsklasse): another numerator and another denominator.
with vacatures as (
    select regio_code, periode, periode_type, periode_datum, waarde, peildatum, kwalificatie
    from marts.feiten
    where indicator = 'vacatures_cbs' and maat = 'aantal' and is_totaal
),

werklozen as (
    select regio_code, periode, waarde, peildatum, kwalificatie
    from marts.feiten
    where indicator = 'werklozen_seizoengecorrigeerd' and maat = 'aantal' and is_totaal
),

berekend as (
    select
        v.regio_code, v.periode, v.periode_type, v.periode_datum,
        100.0 * v.waarde / w.waarde as vacatures_per_100_werklozen,
        v.waarde as vacatures, w.waarde as werklozen,
        'CBS StatLine 80474ned (vacatures) en 85224NED (werklozen), berekend: 100 × vacatures / werklozen' as bron,
        v.peildatum,
        nullif(concat_ws('; ', 'vacatures ' || v.kwalificatie, 'werklozen ' || w.kwalificatie), '') as kwalificatie,
        'berekend' as herkomst
    from vacatures v
    join werklozen w using (regio_code, periode)
    where w.waarde > 0
),

geciteerd as (
    select
        regio_code, periode, periode_type, periode_datum,
        waarde as vacatures_per_100_werklozen,
        null::double as vacatures, null::double as werklozen,
        bron || ', geciteerd in ' || vindplaats as bron,
        peildatum, kwalificatie,
        'geciteerd' as herkomst
    from marts.feiten
    where indicator = 'vacatures_per_100_werklozen'
)

select * from berekend
union all by name
select g.* from geciteerd g
where not exists (select 1 from berekend b where b.regio_code = g.regio_code and b.periode = g.periode)
