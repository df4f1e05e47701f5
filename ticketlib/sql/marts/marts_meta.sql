-- One row per setting the kept marts were computed with: as_of, config (fingerprint), version,
-- and the calendar origin an incremental refresh needs (marts/persisted.py writes them).
select key, value from marts.meta
