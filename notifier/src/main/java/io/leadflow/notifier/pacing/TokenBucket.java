package io.leadflow.notifier.pacing;

import java.time.Duration;
import java.time.Instant;

/**
 * A token bucket held in this process's memory, at a {@link Pace}: for limits that may be per
 * instance (the webhooks' per-client limit). Sending numbers are paced in the shared table instead
 * ({@link SenderPaces}).
 */
public final class TokenBucket {

    private static final double EPSILON = 1e-9;

    private final Pace pace;
    private double tokens;
    private Instant refilledAt;

    public TokenBucket(Pace pace, Instant now) {
        this.pace = pace;
        this.tokens = pace.burst();
        this.refilledAt = now;
    }

    /** Takes the segments when the bucket allows it now. */
    public synchronized boolean tryTake(int segments, boolean priority, Instant now) {
        refill(now);
        double cost = pace.cost(segments, priority);
        if (tokens - cost < pace.floor(priority) - EPSILON) {
            return false;
        }
        tokens -= cost;
        return true;
    }

    /** When a take refused now will succeed. */
    public synchronized Instant enoughAt(int segments, boolean priority, Instant now) {
        refill(now);
        return pace.enoughAt(segments, priority, tokens, now);
    }

    private void refill(Instant now) {
        if (now.isAfter(refilledAt)) {
            double elapsed = Duration.between(refilledAt, now).toNanos() / 1e9;
            tokens = Math.min(pace.burst(), tokens + elapsed * pace.rate());
            refilledAt = now;
        }
    }
}
