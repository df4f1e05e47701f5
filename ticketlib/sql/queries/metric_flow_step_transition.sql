-- One row per time a ticket went from one état straight into another: the keys behind a link
-- of the transitions Sankey. {from_etat}, {to_etat}: état codes, as enum literals.
select ticket_key
from marts.intervals
where new_visit and not is_creation and prev_etat = {from_etat} and etat = {to_etat}
