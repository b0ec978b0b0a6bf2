-- One row per due touch: the notifier's record that it sent (or decided not to send) it.
-- The row is committed as 'sending' BEFORE the provider is called, so a redelivered
-- touches.due record never texts or emails a person twice.
CREATE TABLE delivery (
    touch_id            uuid         PRIMARY KEY,
    lead_id             uuid         NOT NULL,
    channel             text         NOT NULL CHECK (channel IN ('sms', 'email', 'call_task', 'voicemail_task')),
    audience            text         NOT NULL CHECK (audience IN ('lead', 'rep')),
    -- how it actually went out: a call task is an SMS (or email) reminder to the rep
    transport           text                  CHECK (transport IN ('sms', 'email')),
    template            text         NOT NULL,
    status              text         NOT NULL CHECK (status IN ('sending', 'accepted', 'failed', 'skipped', 'deferred')),
    reason              text,
    provider_code       text,
    provider_message_id text,
    attempts            integer      NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    -- when the status happened; for 'accepted', when the provider answered
    result_at           timestamptz,
    -- the CloudEvents id of the published result, reused when the result is published again
    result_event_id     uuid
);

CREATE INDEX delivery_lead_idx ON delivery (lead_id);
CREATE INDEX delivery_sending_idx ON delivery (updated_at) WHERE status = 'sending';
