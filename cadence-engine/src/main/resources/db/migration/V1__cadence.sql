-- The cadence engine's own schema: reps, leads, cadences, touches and API tokens.

create table rep (
    id               uuid primary key,
    name             text        not null,
    email            text,
    phone_e164       text,
    active           boolean     not null default true,
    -- round robin picks the active rep who was assigned least recently
    last_assigned_at timestamptz,
    created_at       timestamptz not null default now()
);

create table lead (
    id                      uuid primary key,
    source_id               text        not null,
    received_at             timestamptz not null,
    ingested_at             timestamptz not null,
    is_test                 boolean     not null,
    first_name              text,
    full_name               text,
    email                   text,
    phone_e164              text,
    time_zone               text        not null,
    time_zone_basis         text        not null,
    message                 text,
    interest_json           text,
    sms_consent             boolean     not null,
    email_consent           boolean     not null,
    assigned_rep_id         uuid references rep (id),
    assigned_at             timestamptz,
    first_touch_at          timestamptz,
    speed_to_first_touch_ms bigint,
    rep_alert_at            timestamptz,
    speed_to_rep_alert_ms   bigint
);

create table cadence (
    id               uuid primary key,
    lead_id          uuid        not null references lead (id),
    playbook_id      text        not null,
    playbook_version int         not null,
    started_at       timestamptz not null
);

create table touch (
    id                  uuid primary key,
    lead_id             uuid        not null references lead (id),
    cadence_id          uuid        not null references cadence (id),
    step                int         not null,
    audience            text        not null,
    channel             text        not null,
    template            text        not null,
    reason              text        not null,
    due_at              timestamptz not null,
    window_not_before   timestamptz,
    window_not_after    timestamptz,
    first_touch         boolean     not null,
    status              text        not null,
    status_reason       text,
    status_at           timestamptz not null,
    dispatched_at       timestamptz,
    provider_code       text,
    provider_message_id text
);

-- the scheduler's claim query reads only scheduled touches, oldest due first
create index touch_scheduled_due on touch (due_at) where status = 'SCHEDULED';
create index touch_lead on touch (lead_id);

create table api_token (
    id           uuid primary key,
    token_sha256 text        not null unique,
    role         text        not null check (role in ('rep', 'manager', 'ops')),
    rep_id       uuid references rep (id),
    created_at   timestamptz not null default now()
);
