-- The pace of each sending number, shared by every notifier instance (a token bucket, in segments):
-- `tokens` as of `refilled_at`, refilled at the number's rate up to its burst, and the slot the next
-- nurture text on the number is given. Each text takes its tokens with one statement
-- (take_sender_pace), so two instances together keep the number's rate instead of doubling it.
CREATE TABLE sender_pace (
    from_number  text             PRIMARY KEY,
    tokens       double precision NOT NULL,
    refilled_at  timestamptz      NOT NULL,
    nurture_slot timestamptz      NOT NULL,
    -- whether the last take got its tokens (read by the same statement's RETURNING only)
    taken        boolean          NOT NULL
);

-- The tokens a number has at `at_time`: refilled since refilled_at, never above the burst; a clock
-- behind refilled_at (another instance's) refills nothing.
CREATE FUNCTION sender_pace_refilled(tokens double precision, refilled_at timestamptz, at_time timestamptz,
                                     rate double precision, burst double precision)
    RETURNS double precision LANGUAGE sql IMMUTABLE AS $$
    SELECT LEAST(burst, tokens + GREATEST(0, EXTRACT(EPOCH FROM (at_time - refilled_at))::double precision) * rate)
$$;

-- Takes `needed` segments if that leaves at least `keep` (the priority reserve for a nurture text, 0
-- for a priority one). Returns whether it did, and the tokens left (before the take when refused).
-- A number seen for the first time starts with a full bucket.
CREATE FUNCTION take_sender_pace(sender text, at_time timestamptz, rate double precision, burst double precision,
                                 needed double precision, keep double precision)
    RETURNS TABLE (got boolean, tokens_left double precision) LANGUAGE sql AS $$
    INSERT INTO notifier.sender_pace AS p (from_number, tokens, refilled_at, nurture_slot, taken)
    VALUES (sender, burst - needed, at_time, at_time, true)
    ON CONFLICT (from_number) DO UPDATE
       SET taken = notifier.sender_pace_refilled(p.tokens, p.refilled_at, at_time, rate, burst) - needed >= keep - 1e-9,
           tokens = notifier.sender_pace_refilled(p.tokens, p.refilled_at, at_time, rate, burst)
                    - CASE WHEN notifier.sender_pace_refilled(p.tokens, p.refilled_at, at_time, rate, burst) - needed
                                >= keep - 1e-9 THEN needed ELSE 0 END,
           refilled_at = GREATEST(p.refilled_at, at_time)
    RETURNING p.taken, p.tokens
$$;

-- Gives a nurture text of `needed` segments (`step` seconds of the pace for the whole text) its slot: when the bucket
-- will hold its needed above the reserve, and never before the slot of the text booked before it.
CREATE FUNCTION book_sender_pace(sender text, at_time timestamptz, rate double precision, burst double precision,
                                 needed double precision, reserve double precision, step double precision)
    RETURNS timestamptz LANGUAGE sql AS $$
    INSERT INTO notifier.sender_pace AS p (from_number, tokens, refilled_at, nurture_slot, taken)
    VALUES (sender, burst, at_time,
            at_time + make_interval(secs => GREATEST(0, needed + reserve - burst) / rate) + make_interval(secs => step),
            false)
    ON CONFLICT (from_number) DO UPDATE
       SET tokens = notifier.sender_pace_refilled(p.tokens, p.refilled_at, at_time, rate, burst),
           refilled_at = GREATEST(p.refilled_at, at_time),
           nurture_slot = GREATEST(at_time + make_interval(secs => GREATEST(0, needed + reserve
                                       - notifier.sender_pace_refilled(p.tokens, p.refilled_at, at_time, rate, burst)) / rate),
                                   p.nurture_slot)
                          + make_interval(secs => step)
    RETURNING p.nurture_slot - make_interval(secs => step)
$$;
