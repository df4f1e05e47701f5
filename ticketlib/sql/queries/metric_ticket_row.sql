-- One ticket's row of the per-ticket mart (every column), by its id.
select * from marts.ticket_sla where ticket_id = $id
