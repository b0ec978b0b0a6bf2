-- When a touch first met its provider failing (a transient failure, its circuit open, or a send in
-- doubt): retry.max-age counts from then. Waiting for the sending number's pace is not a failure,
-- so a text paced for hours still has its whole retry budget. NULL: no failure yet.
ALTER TABLE delivery ADD COLUMN failing_since timestamptz;
