-- Tickets whose history lost events to the quarantine (grain: one import_flags row per such
-- ticket), recomputed after every import's landing from the whole quarantine, so the flag is
-- right whatever the order of the imports (DESIGN §5.1: "A ticket whose events were
-- quarantined is flagged (incomplete_history)"). Inputs: quarantine (rows of kind 'events'
-- naming a ticket), tickets, load_params. A flag already right is left as it is (importing the
-- same files again changes nothing); one whose count changed is replaced.

create or replace temp table incomplete_history as
with per_reason as (
    select t.ticket_key, q.reason, count(*) as n
    from quarantine q
    join tickets t on t.ticket_id = q.ticket_id
    where q.kind = 'events'
    group by all
)
select ticket_key,
       sum(n) || case when sum(n) = 1 then ' événement en quarantaine / event quarantined: '
                      else ' événements en quarantaine / events quarantined: ' end
           || string_agg(reason || ' ×' || n, ', ' order by n desc, reason) as detail
from per_reason
group by ticket_key;

delete from import_flags
where flag = 'incomplete_history'
  and not exists (select 1 from incomplete_history i
                  where i.ticket_key = import_flags.ticket_key and i.detail = import_flags.detail);

insert into import_flags
select i.ticket_key, 'incomplete_history', i.detail, (select import_id from load_params)
from incomplete_history i
where not exists (select 1 from import_flags f
                  where f.flag = 'incomplete_history' and f.ticket_key = i.ticket_key
                    and f.detail = i.detail);
