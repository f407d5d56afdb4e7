-- National context figures printed beside the region's onbenut arbeidspotentieel in Bijlage 1.
select indicator, waarde, eenheid, kwalificatie, peildatum, bron
from marts.feiten
where dataset = 'arbeidsdeelname' and regio_code = $vergelijk
  and indicator in ('onbenut_aandeel_geregistreerd_uwv', 'extra_uren_gewenst_deeltijders')
order by volgorde
