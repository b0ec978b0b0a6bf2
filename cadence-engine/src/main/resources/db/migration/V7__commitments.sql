-- "I'll call you at 6 pm": a touch at that time, a reminder to the rep 5 minutes before, and a
-- breach alert to the manager if the time passes with no outcome logged.
create table commitment (
    id           uuid primary key,
    lead_id      uuid        not null references lead (id),
    rep_id       uuid references rep (id),
    at           timestamptz not null,
    channel      text        not null,
    note         text,
    -- open, kept (an outcome was logged after it was made), breached (the manager was alerted)
    status       text        not null check (status in ('OPEN', 'KEPT', 'BREACHED')),
    created_at   timestamptz not null,
    breach_at    timestamptz not null
);
create index commitment_open_breach on commitment (breach_at) where status = 'OPEN';
