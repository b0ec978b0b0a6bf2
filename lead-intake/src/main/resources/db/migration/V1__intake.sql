-- lead-intake's own schema: what the edge needs to know about lead sources, and what it must remember
-- about requests (idempotency) and consent. Playbooks, routing and claim SLAs belong to the engine.

CREATE TABLE source (
    id                  text        PRIMARY KEY,
    name                text        NOT NULL,
    form_key            text        NOT NULL UNIQUE,
    default_country     text        NOT NULL,
    default_time_zone   text        NOT NULL,
    consent_text        text,
    allowed_origins     text        NOT NULL DEFAULT '',   -- space-separated origins, e.g. https://oak.example
    thank_you_url       text,
    leads_per_minute    integer     NOT NULL,              -- per source key
    leads_per_minute_ip integer     NOT NULL,              -- per client address
    leads_per_hour_phone integer    NOT NULL,              -- per destination phone (SMS pumping)
    sms_leads_per_day   integer     NOT NULL,              -- leads that would trigger SMS
    form_min_age_ms     bigint      NOT NULL,
    form_max_age_ms     bigint      NOT NULL,
    meta_app_secret     text,                              -- Meta signs with it: kept usable, never returned
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL
);

-- SHA-256 of each key a source may present; a rotated-out key keeps working until expires_at
CREATE TABLE source_secret (
    key_hash    text        PRIMARY KEY,
    source_id   text        NOT NULL REFERENCES source (id) ON DELETE CASCADE,
    origin      text        NOT NULL CHECK (origin IN ('config', 'admin')),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz
);
CREATE INDEX source_secret_source ON source_secret (source_id);

-- the first answer to a request with an Idempotency-Key (or a platform's own lead id), for 24 hours
CREATE TABLE idempotency_record (
    source_id   text        NOT NULL,
    key         text        NOT NULL,
    body_hash   text        NOT NULL,
    lead_id     uuid        NOT NULL,
    received_at timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    PRIMARY KEY (source_id, key)
);
CREATE INDEX idempotency_record_expiry ON idempotency_record (expires_at);

-- append-only evidence of what each lead agreed to; rows are never updated or deleted
CREATE TABLE consent_record (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    lead_id     uuid        NOT NULL,
    source_id   text        NOT NULL,
    sms         boolean     NOT NULL,
    email       boolean     NOT NULL,
    consent_text text,
    given_at    timestamptz,
    ip          text,
    page_url    text,
    recorded_at timestamptz NOT NULL
);
CREATE INDEX consent_record_lead ON consent_record (lead_id);
