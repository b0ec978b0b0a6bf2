-- The rep whose name a lead's touches carry, so that the lead's reply can be forwarded to that
-- rep's phone. A rep's number is a work number and is stored; the lead's never is.
CREATE TABLE lead_rep (
    lead_id    uuid        PRIMARY KEY,
    rep_id     uuid        NOT NULL,
    rep_phone  text,
    lead_name  text,
    updated_at timestamptz NOT NULL
);

-- A claimable alert texted to a phone: a "1" or "YES" from that phone claims the lead.
CREATE TABLE rep_alert (
    phone_hash text        NOT NULL,
    lead_id    uuid        NOT NULL,
    rep_id     uuid        NOT NULL,
    sent_at    timestamptz NOT NULL,
    PRIMARY KEY (phone_hash, lead_id)
);
CREATE INDEX rep_alert_latest_idx ON rep_alert (phone_hash, sent_at DESC);

-- What the SMS provider's status callbacks said last; the rank keeps it from moving backwards
-- when callbacks arrive out of order (queued 1, sending 2, sent 3, delivered/undelivered/failed 4).
ALTER TABLE delivery ADD COLUMN provider_status text;
ALTER TABLE delivery ADD COLUMN provider_status_rank integer NOT NULL DEFAULT 0;
