-- Transient provider failures are retried from the row, not from Kafka: 'retrying' rows wait for
-- next_attempt_at and are claimed by the retry poller (FOR UPDATE SKIP LOCKED).
ALTER TABLE delivery DROP CONSTRAINT delivery_status_check;
ALTER TABLE delivery ADD CONSTRAINT delivery_status_check
    CHECK (status IN ('sending', 'retrying', 'accepted', 'failed', 'skipped', 'deferred'));

ALTER TABLE delivery ADD COLUMN next_attempt_at timestamptz;
-- The due touch as received (it holds the recipient's address), kept only while the touch may
-- still be sent (sending, retrying) so the poller can send it without Kafka; cleared when final.
ALTER TABLE delivery ADD COLUMN payload text;

CREATE INDEX delivery_retry_idx ON delivery (next_attempt_at) WHERE status = 'retrying';
