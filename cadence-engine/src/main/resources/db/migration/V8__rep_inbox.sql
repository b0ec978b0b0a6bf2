-- The rep inbox: reps sign in with a password (salted PBKDF2, never stored in clear) and get a
-- session that expires; the cookie's value is stored only as its SHA-256, next to the session's
-- CSRF token that every form of the inbox carries.
create table rep_credential (
    rep_id        uuid primary key references rep (id),
    -- pbkdf2-sha512$<iterations>$<salt, base64>$<hash, base64>
    password_hash text        not null,
    updated_at    timestamptz not null
);

create table rep_session (
    id           uuid primary key,
    token_sha256 text        not null unique,
    rep_id       uuid        not null references rep (id),
    csrf_token   text        not null,
    created_at   timestamptz not null,
    expires_at   timestamptz not null
);
create index rep_session_expires on rep_session (expires_at);

-- the inbox lists a rep's own leads and the team's unclaimed ones, newest first
create index lead_assigned_received on lead (assigned_rep_id, received_at desc);
create index lead_unclaimed_received on lead (received_at desc) where claimed_by_rep_id is null;
-- "Today": a rep's due call tasks and open commitments
create index touch_call_tasks_due on touch (due_at) where channel = 'CALL_TASK';
create index commitment_rep_open on commitment (rep_id, at) where status = 'OPEN';
