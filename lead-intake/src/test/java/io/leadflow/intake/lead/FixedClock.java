package io.leadflow.intake.lead;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Replaces the system clock in tests, so {@code receivedAt} is known exactly. */
@Singleton
public class FixedClock {

    public static final Instant NOW = Instant.parse("2026-11-23T17:04:05.123Z");

    @Produces
    @Singleton
    Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
