package io.leadflow.notifier.delivery;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.DoubleSupplier;

import io.leadflow.notifier.NotifierConfig;

/**
 * When to try a transiently failed send again: exponential backoff with "equal jitter" (half the
 * delay fixed, half random, so retries of many touches spread out), never sooner than the
 * provider's {@code Retry-After}, bounded by attempts and by how long the touch has met its provider
 * failing (never by a wait for its sending number's pace).
 */
final class RetryPolicy {

    private final NotifierConfig.Retry config;
    private final DoubleSupplier random;

    RetryPolicy(NotifierConfig.Retry config, DoubleSupplier random) {
        this.config = config;
        this.random = random;
    }

    /**
     * @param attemptsMade provider calls so far, the one that just failed included
     * @param failingSince when the touch first met its provider failing: the age of its failure bounds the retries
     * @return when to try again, or empty to give up
     */
    Optional<Instant> nextAttempt(int attemptsMade, Instant failingSince, Duration retryAfter, Instant now) {
        if (attemptsMade >= config.maxAttempts()) {
            return Optional.empty();
        }
        long exponent = Math.min(Math.max(attemptsMade - 1, 0), 30);
        long backoff = Math.min(config.maxBackoff().toMillis(), config.initialBackoff().toMillis() << exponent);
        long jittered = backoff / 2 + (long) (random.getAsDouble() * (backoff / 2.0));
        long delay = retryAfter == null ? jittered : Math.max(jittered, retryAfter.toMillis());
        Instant next = now.plusMillis(delay);
        return next.isAfter(failingSince.plus(config.maxAge())) ? Optional.empty() : Optional.of(next);
    }
}
