package io.leadflow.notifier.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * The pace of one sending number, in segments. Tokens refill at {@code rate} per second up to
 * {@code capacity}. A priority text (first touch, rep alert) may take every token; a nurture text
 * only takes tokens above {@code reserve}, so that a first text finds the bucket ready. Nurture
 * texts are also given slots one after the other ({@link #nurtureSlot}), so that a backlog waits
 * in order in the delivery table instead of all of them asking again and again.
 */
public final class TokenBucket {

    private static final double EPSILON = 1e-9;

    private final double rate;
    private final double capacity;
    private final double reserve;
    private double tokens;
    private Instant refilledAt;
    private Instant nextNurtureSlot;

    public TokenBucket(double rate, int capacity, int reserve, Instant now) {
        if (rate <= 0) {
            throw new IllegalArgumentException("a sending number's pace must be above 0 segments per second");
        }
        this.rate = rate;
        this.capacity = Math.max(capacity, 1);
        this.reserve = Math.min(Math.max(reserve, 0), this.capacity);
        this.tokens = this.capacity;
        this.refilledAt = now;
        this.nextNurtureSlot = now;
    }

    /** Takes the text's segments when the bucket allows it now. */
    public synchronized boolean tryTake(int segments, boolean priority, Instant now) {
        refill(now);
        double floor = priority ? 0 : reserve;
        // a text longer than the whole bucket goes out once the bucket is full
        double cost = Math.min(segments, capacity - floor);
        if (tokens - cost < floor - EPSILON) {
            return false;
        }
        tokens -= cost;
        return true;
    }

    /**
     * When a nurture text should ask for its tokens: at once when the bucket has them and no
     * nurture text is waiting, otherwise after the last one given a slot.
     */
    synchronized Instant nurtureSlot(int segments, Instant now) {
        refill(now);
        double needed = Math.min(segments, capacity - reserve) + reserve - tokens;
        Instant enough = now.plus(secondsOf(needed));
        Instant slot = enough.isAfter(nextNurtureSlot) ? enough : nextNurtureSlot;
        nextNurtureSlot = slot.plus(secondsOf(segments));
        return slot;
    }

    /**
     * When a text that found too few tokens will find enough. A nurture text asks again then too,
     * not at the end of the line: it was only a little early, and its slot must not go to waste.
     */
    public synchronized Instant enoughAt(int segments, boolean priority, Instant now) {
        refill(now);
        double floor = priority ? 0 : reserve;
        return now.plus(secondsOf(Math.min(segments, capacity - floor) + floor - tokens));
    }

    /** How far ahead nurture texts are booked (0 when none waits). */
    synchronized Duration nurtureBacklog(Instant now) {
        return nextNurtureSlot.isAfter(now) ? Duration.between(now, nextNurtureSlot) : Duration.ZERO;
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(capacity, tokens + elapsed * rate);
            refilledAt = now;
        }
    }

    private Duration secondsOf(double segments) {
        return segments <= 0 ? Duration.ZERO : Duration.ofNanos((long) Math.ceil(segments / rate * 1e9));
    }
}
