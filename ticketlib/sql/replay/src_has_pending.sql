-- One row: is any event stored as a copy of another in some zones only?
select exists (select 1 from events where pending_duplicate)
