-- The raw tables of the database file (one row per import, file, ticket, event, flag,
-- rejected row) and their upgrades for files made by earlier versions; the enum types `etat`
-- and `priority` are created before from the vocabulary (db/store.init_schema).
create table if not exists meta (key varchar primary key, value varchar);
create table if not exists imports (
    import_id integer primary key,
    started_at timestamptz not null,
    finished_at timestamptz,
    format varchar not null,
    timezone varchar not null,      -- zone used to read naive local timestamps
    rows_read bigint, loaded bigint, duplicates bigint, quarantined bigint
);
create table if not exists import_files (
    import_id integer not null,
    file_index integer not null,
    file_name varchar not null,
    path varchar,
    kind varchar not null,          -- tickets | events
    format varchar not null,
    size_bytes bigint,
    sha256 varchar,
    rows_read bigint, loaded bigint, updated bigint, duplicates bigint, quarantined bigint
);
create table if not exists tickets (
    -- internal key: integer joins are much faster than text. Unique like ticket_id, by the
    -- import's construction (no index: building one costs seconds per million tickets)
    ticket_key integer not null,
    ticket_id varchar not null,
    created_at timestamptz,         -- null: created at its first event (DESIGN §5.1)
    created_local timestamp,        -- the local wall time when the export gave no offset
    priority priority,
    priority_raw varchar,
    customer varchar, assignee varchar, team varchar, title varchar,
    import_id integer, source_file varchar, source_row bigint
);
create table if not exists events (
    ticket_key integer not null,
    ts timestamptz not null,
    ts_local timestamp,             -- the local wall time when the export gave no offset
    seq bigint not null,            -- import order: breaks ties between events at one instant
    etat etat not null,
    status_raw varchar,
    priority priority,
    priority_raw varchar,
    import_id integer not null,
    source_row bigint,
    -- a copy of another event in some zones only (a naive and an offset time): the replay
    -- drops it or not in its zone (sql/replay/stg_sources.sql)
    pending_duplicate boolean
);
create table if not exists import_flags (
    ticket_key integer not null,
    flag varchar not null,          -- e.g. changelog_truncated (Jira)
    detail varchar,
    import_id integer not null
);
create table if not exists quarantine (
    import_id integer not null,
    file_name varchar not null,
    row_number bigint,
    ticket_id varchar,
    reason varchar not null,
    detail varchar,
    raw varchar,                    -- the rejected row as JSON
    kind varchar                    -- tickets | events: what the rejected row was
);
alter table events add column if not exists pending_duplicate boolean;
-- databases made before `kind` existed gain it; their rows get it from their reason (else from
-- their file's kind; null when neither tells)
alter table quarantine add column if not exists kind varchar;
update quarantine q
set kind = coalesce(
    case when q.reason in ('missing_created_at', 'bad_created_at', 'conflicting_ticket_row',
                           'created_after_events') then 'tickets'
         when q.reason in ('missing_timestamp', 'bad_timestamp', 'missing_status',
                           'unknown_status', 'event_before_creation', 'invalid_state')
              then 'events' end,
    (select case when min(f.kind) = max(f.kind) and min(f.kind) in ('tickets', 'events')
                 then min(f.kind) end
     from import_files f where f.import_id = q.import_id and f.file_name = q.file_name))
where q.kind is null;
insert or ignore into meta values ('schema_version', $schema_version);
