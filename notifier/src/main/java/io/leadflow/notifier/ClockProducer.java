package io.leadflow.notifier;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one source of "now", so that tests and window checks agree on the time. */
public class ClockProducer {

    /**
     * Ticks in microseconds, the precision PostgreSQL keeps: a result published again from its row
     * is then identical to the first one.
     */
    @Produces
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
