-- One row per transition (from état -> to état) taken by the filtered tickets, with its count;
-- grouped on the états' enum codes, turned into text only at the end.
select prev_etat::varchar as from_etat, etat::varchar as to_etat, transitions
from (
    select prev_etat, etat, count(*) as transitions
    from marts.intervals
    where new_visit and not is_creation and prev_etat is not null and {keys_filter}
    group by prev_etat, etat
)
order by transitions desc, from_etat, to_etat
