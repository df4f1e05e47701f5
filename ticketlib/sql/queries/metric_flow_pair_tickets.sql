-- One row per transition among the given ones ({pairs}: états compared as enum literals from
-- the workflow's codes): how many distinct filtered tickets took it.
select prev_etat::varchar as from_etat, etat::varchar as to_etat, tickets
from (
    select prev_etat, etat, count(distinct ticket_key) as tickets
    from marts.intervals
    where new_visit and not is_creation and ({pairs}) and {keys_filter}
    group by prev_etat, etat
)
