-- Claim-or-escalate: the first claim wins; an unclaimed lead goes to the next rep and the manager
-- is alerted, up to a bounded number of fallbacks, after which the manager owns it.

alter table rep add column role text not null default 'rep' check (role in ('rep', 'manager'));
alter table team add column manager_rep_id uuid references rep (id);

alter table lead add column claimed_by_rep_id uuid references rep (id);
alter table lead add column claimed_at timestamptz;
-- unclaimed past this moment, the lead escalates; null once claimed or owned by the manager
alter table lead add column claim_due_at timestamptz;
alter table lead add column escalations int not null default 0;
create index lead_claim_due on lead (claim_due_at) where claim_due_at is not null;

-- an alert goes to this rep (an escalation's next rep, the manager); null means the assigned rep
alter table touch add column recipient_rep_id uuid references rep (id);

-- per-source cadence settings, keyed by the sourceId on leads.received
create table source_settings (
    source_id         text primary key,
    claim_sla_ms      bigint      not null,
    -- reps tried in order when nobody claims; empty means the team's rotation picks them
    escalation_chain  uuid[]      not null default '{}',
    max_fallbacks     int         not null,
    updated_at        timestamptz not null
);
