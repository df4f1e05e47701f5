-- One row: how many tickets the database holds (0: an empty database).
select count(*) from tickets
