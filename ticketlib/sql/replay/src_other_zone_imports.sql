-- One row: how many imports read their naive timestamps in another zone than $tz (replay/sources.py).
select count(*) from imports where timezone <> $tz
