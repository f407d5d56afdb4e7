-- Every indicator with its Dutch label, definition (help text) and unit, in display order.
select code as indicator, label, definitie, eenheid, volgorde
from marts.indicatoren
order by volgorde, code
