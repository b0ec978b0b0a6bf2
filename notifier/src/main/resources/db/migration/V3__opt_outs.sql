-- Who must not be contacted, and what the notifier knows about leads and their addresses.
-- Addresses are never stored raw here: address_hash is an HMAC-SHA256 (keyed by
-- leadflow.notifier.address-hash-key) of the normalized phone number or email address.

-- An address that opted out of a channel, whatever lead or cadence it belongs to.
CREATE TABLE suppression (
    channel      text        NOT NULL CHECK (channel IN ('sms', 'email')),
    address_hash text        NOT NULL,
    reason       text        NOT NULL,
    created_at   timestamptz NOT NULL,
    PRIMARY KEY (channel, address_hash)
);

-- Every change to the suppression list: who, what, when.
CREATE TABLE suppression_audit (
    id           bigserial   PRIMARY KEY,
    channel      text        NOT NULL,
    address_hash text        NOT NULL,
    action       text        NOT NULL CHECK (action IN ('add', 'remove')),
    reason       text,
    actor        text        NOT NULL,
    at           timestamptz NOT NULL
);

-- Which leads an address belongs to, so an inbound text or email can be tied to its lead.
CREATE TABLE lead_contact (
    channel       text        NOT NULL CHECK (channel IN ('sms', 'email')),
    address_hash  text        NOT NULL,
    lead_id       uuid        NOT NULL,
    last_touch_at timestamptz NOT NULL,
    PRIMARY KEY (channel, address_hash, lead_id)
);

-- A lead's stop state from leads.activity: 'all' after a reply, or one channel after an opt-out.
CREATE TABLE lead_stop (
    lead_id     uuid        NOT NULL,
    channel     text        NOT NULL CHECK (channel IN ('all', 'sms', 'email')),
    reason      text        NOT NULL,
    activity_id uuid,
    at          timestamptz NOT NULL,
    PRIMARY KEY (lead_id, channel)
);
