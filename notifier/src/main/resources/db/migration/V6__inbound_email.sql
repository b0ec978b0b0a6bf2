-- Email replies handled (read over IMAP or posted to the inbound-mail webhook), keyed by a SHA-256
-- of the email's Message-ID: a reply read again after a crash, or posted twice, is acted on once.
CREATE TABLE inbound_email (
    message_key text        PRIMARY KEY,
    lead_id     uuid,
    outcome     text        NOT NULL CHECK (outcome IN ('reply', 'ignored')),
    received_at timestamptz NOT NULL
);
