package io.leadflow.intake.ratelimit;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Fixed-window counters in memory, per instance: good enough to stop a flood or an SMS-pumping run at one
 * door; limits are per source, so a deployment with N instances allows up to N times the setting.
 */
@ApplicationScoped
public class RateLimiter {

    private static final int PURGE_EVERY = 10_000;

    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();
    private final AtomicLong checks = new AtomicLong();

    @Inject
    public RateLimiter(Clock clock) {
        this.clock = clock;
    }

    /**
     * Counts one more event for {@code key} in the current window of {@code length}, or throws when that would
     * go over {@code limit} (then nothing is counted).
     *
     * @param rule names the limit in the 429 problem, e.g. {@code leadsPerMinutePerIp}
     */
    public void acquire(String rule, String key, int limit, Duration length) {
        long now = clock.millis();
        long size = length.toMillis();
        long start = now - Math.floorMod(now, size);
        Window window = windows.compute(rule + '\u0000' + key,
                (unused, current) -> current == null || current.start != start ? new Window(start, size) : current);
        if (window.count.incrementAndGet() > limit) {
            window.count.decrementAndGet();
            long retryAfterMs = start + size - now;
            throw new RateLimitedException(rule, Math.max(1, (retryAfterMs + 999) / 1000));
        }
        if (checks.incrementAndGet() % PURGE_EVERY == 0) {
            windows.values().removeIf(w -> w.start + w.size <= now);
        }
    }

    /** Takes back one event counted by {@link #acquire} in the current window (a later limit refused the lead). */
    public void release(String rule, String key, Duration length) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, length.toMillis());
        Window window = windows.get(rule + '\u0000' + key);
        if (window != null && window.start == start) {
            window.count.decrementAndGet();
        }
    }

    private static final class Window {
        final long start;
        final long size;
        final AtomicInteger count = new AtomicInteger();

        Window(long start, long size) {
            this.start = start;
            this.size = size;
        }
    }
}
