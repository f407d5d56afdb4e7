-- Inwoners of the region over time: the CBS series where it was fetched (03759ned, 1 januari; the region
-- is the sum of its gemeenten) beside the analysis' own totals (Bijlage 1: the estimate and the
-- prognosis), each row with its source so the figure labels both.
with gemeenten as (
    select gemeente_code from marts.gemeente_regio where arbeidsmarktregio_code = $regio
),

cbs as (
    select 'cbs' as reeks, periode, periode_datum, sum(waarde) as waarde, false as is_prognose,
           cast(null as varchar) as kwalificatie, any_value(bron) as bron, max(peildatum) as peildatum
    from marts.feiten
    where dataset = '03759ned' and indicator = 'inwoners' and regio_code in (select gemeente_code from gemeenten)
    group by periode, periode_datum
),

uit_analyse as (
    select 'analyse' as reeks, periode, periode_datum, waarde, is_prognose, kwalificatie, bron, peildatum
    from marts.feiten
    where indicator = 'inwoners' and regio_code = $regio and is_totaal and maat = 'aantal' and herkomst = 'seed'
)

select * from cbs
union all
select * from uit_analyse
order by reeks, periode_datum
