-- Stop, pause and opt-outs: one state per lead that every cadence of the lead obeys.
alter table lead add column cadence_state text not null default 'ACTIVE'
    check (cadence_state in ('ACTIVE', 'PAUSED', 'STOPPED'));
alter table lead add column state_reason text;
alter table lead add column state_at timestamptz;
alter table lead add column sms_opted_out boolean not null default false;
alter table lead add column email_opted_out boolean not null default false;

-- What happened to a lead besides its touches: activities from leads.activity (id = the event's
-- activityId, so a redelivered event is applied once) and the engine's own decisions.
create table lead_event (
    id      uuid primary key,
    lead_id uuid        not null references lead (id),
    at      timestamptz not null,
    kind    text        not null,
    channel text,
    actor   text,
    detail  text,
    -- what the engine did about it, e.g. "stopped the cadence: 9 scheduled steps skipped"
    effect  text
);
create index lead_event_lead on lead_event (lead_id, at);

-- Rep actions taken through the engine's API, written in the action's own transaction and
-- published to leads.activity afterwards, so a crash between the two loses nothing.
create table outbox (
    id           uuid primary key,
    lead_id      uuid        not null,
    payload_json text        not null,
    created_at   timestamptz not null
);
create index outbox_created on outbox (created_at);
