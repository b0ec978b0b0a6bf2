package io.leadflow.intake.lead;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Replaces the system clock in tests, so {@code receivedAt} is known exactly. It stands at {@link #NOW}; a test
 * that needs time to pass moves it and puts it back ({@link #reset()}).
 */
@Singleton
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-11-23T17:04:05.123Z");

    private static final AtomicReference<Instant> CURRENT = new AtomicReference<>(NOW);

    public static void advance(Duration duration) {
        CURRENT.updateAndGet(now -> now.plus(duration));
    }

    public static void reset() {
        CURRENT.set(NOW);
    }

    @Produces
    @Singleton
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return CURRENT.get();
            }
        };
    }
}
