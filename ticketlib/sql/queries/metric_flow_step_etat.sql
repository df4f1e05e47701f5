-- One row per ticket that reached an état (at least one visit up to the as-of instant): the
-- keys behind a step of the workflow funnel. {to_etat}: an état code, as an enum literal.
select ticket_key
from marts.etat_durations
where etat = {to_etat} and visits > 0
