-- Tabel 4 per year: printed counts, and growth and shares as printed.
select
    periode as jaar,
    bool_or(is_prognose) as is_prognose,
    max(waarde) filter (where categorie = 'Banen werknemers' and maat = 'aantal') as werknemers,
    max(waarde) filter (where categorie = 'Banen zelfstandigen' and maat = 'aantal') as zelfstandigen,
    max(waarde) filter (where categorie = 'Totaal' and maat = 'aantal') as totaal,
    max(waarde) filter (where categorie = 'Banen zelfstandigen' and maat = 'aandeel') as aandeel_zelfstandigen_gedrukt,
    max(waarde) filter (where categorie = 'Banen werknemers' and maat = 'groei_absoluut') as groei_werknemers_gedrukt,
    max(waarde) filter (where categorie = 'Banen zelfstandigen' and maat = 'groei_absoluut') as groei_zelfstandigen_gedrukt,
    max(waarde) filter (where categorie = 'Totaal' and maat = 'groei_absoluut') as groei_totaal_gedrukt,
    max(waarde) filter (where categorie = 'Banen werknemers' and maat = 'groei_procent') as groei_pct_werknemers_gedrukt,
    max(waarde) filter (where categorie = 'Banen zelfstandigen' and maat = 'groei_procent') as groei_pct_zelfstandigen_gedrukt,
    max(waarde) filter (where categorie = 'Totaal' and maat = 'groei_procent') as groei_pct_totaal_gedrukt,
    any_value(peildatum) as peildatum,
    any_value(bron) as bron
from marts.feiten
where indicator = 'banen' and dimensie = 'type_baan' and regio_code = $regio
group by periode
order by periode
