-- How many tickets the filters select (the WHERE clause built by queries.filters.where).
select count(*) from marts.ticket_sla where {where}
