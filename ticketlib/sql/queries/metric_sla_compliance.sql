-- One row per clock (tto, ttr), row value and column value of the filtered tickets: decided
-- clocks (met or breached) and how many were met; with totals, also one row per row value
-- over all columns (col_total = 1), per column value over all rows (row_total = 1) and overall.
-- `clocks` counts every clock of the group, decided or still running (clocks - n are running:
-- a bucket with running clocks is not final yet).
-- A priority here is the clock's own: the one its target came from (DESIGN §2), so a ticket
-- whose priority changed later still counts where it was judged.
with tto as (
    select 'tto' as clock, {tto_row} as row_value, {tto_col} as col_value,
           grouping(row_value) as row_total, grouping(col_value) as col_total,
           count(*) filter (where tto_met) as met,
           count(*) filter (where tto_decided) as n,
           count(*) as clocks
    from marts.ticket_sla
    where {where}
    group by grouping sets {sets}
), ttr as (
    select 'ttr' as clock, {ttr_row} as row_value, {ttr_col} as col_value,
           grouping(row_value) as row_total, grouping(col_value) as col_total,
           count(*) filter (where ttr_met) as met,
           count(*) filter (where ttr_decided) as n,
           count(*) as clocks
    from marts.ticket_sla
    where {where}
    group by grouping sets {sets}
)
select * from tto
union all
select * from ttr
order by clock, row_total, row_value nulls last, col_total, col_value nulls last
