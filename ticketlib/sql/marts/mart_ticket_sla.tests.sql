-- Data tests of mart_ticket_sla: each statement selects the rows breaking one rule (none
-- expected); tests/test_mart_data.py runs them after a replay. First line: the rule.
-- ticket_key unique and not null, ticket_id not null
select ticket_key, count(*) as n
from mart_ticket_sla
group by ticket_key
having count(*) > 1 or ticket_key is null or bool_or(ticket_id is null);

-- clock statuses accepted
select ticket_key, tto_status, ttr_status
from mart_ticket_sla
where tto_status not in ('met', 'breached', 'at_risk', 'running')
   or ttr_status not in ('met', 'breached', 'at_risk', 'running');

-- elapsed and paused times never negative, business time within wall time
select ticket_key
from mart_ticket_sla
where tto_elapsed_us < 0 or ttr_elapsed_us < 0 or ttr_paused_us < 0
   or business_us < 0 or business_us > wall_us;

-- wall time adds up to as-of minus creation
select m.ticket_key, m.wall_us, p.as_of_us - epoch_us(m.created_at) as expected
from mart_ticket_sla m, replay_params p
where m.wall_us <> p.as_of_us - epoch_us(m.created_at);

-- TTR elapsed + paused + stopped add up to the business time
select ticket_key
from mart_ticket_sla
where ttr_elapsed_us + ttr_paused_us + ttr_stopped_us <> business_us;
