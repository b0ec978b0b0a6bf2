-- Which of the pool's sending numbers texts each lead: assigned on the lead's first text and kept
-- for its whole cadence (replies and STOPs come back to the number the lead knows).
CREATE TABLE lead_sender (
    lead_id     uuid        PRIMARY KEY,
    from_number text        NOT NULL,
    assigned_at timestamptz NOT NULL
);

-- Which contacts a sending number has introduced itself to (business name and "Reply STOP to opt
-- out" in the text): the first text from a number to a contact carries them, whatever its template.
-- address_hash is the same HMAC as in the suppression list: no raw phone number is stored.
CREATE TABLE sender_contact (
    from_number   text        NOT NULL,
    address_hash  text        NOT NULL,
    first_sent_at timestamptz NOT NULL,
    PRIMARY KEY (from_number, address_hash)
);

-- First touches and rep alerts: the retry poller takes them before nurture touches that are due
-- at the same time (a text waiting for its number's pace, reason 'paced', is a 'retrying' row).
ALTER TABLE delivery ADD COLUMN priority boolean NOT NULL DEFAULT false;
