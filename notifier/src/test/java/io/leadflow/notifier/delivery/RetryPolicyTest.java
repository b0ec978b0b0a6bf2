package io.leadflow.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.leadflow.notifier.NotifierConfig;

class RetryPolicyTest {

    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");

    @Test
    void shouldDoubleTheBackoffWithEachAttemptUpToTheMaximum() {
        RetryPolicy noJitter = new RetryPolicy(config(8, Duration.ofHours(2)), () -> 1.0);

        assertThat(noJitter.nextAttempt(1, NOW, null, NOW)).contains(NOW.plusSeconds(2));
        assertThat(noJitter.nextAttempt(2, NOW, null, NOW)).contains(NOW.plusSeconds(4));
        assertThat(noJitter.nextAttempt(3, NOW, null, NOW)).contains(NOW.plusSeconds(8));
        assertThat(noJitter.nextAttempt(7, NOW, null, NOW)).contains(NOW.plusSeconds(60));
    }

    @Test
    void shouldSpreadRetriesOverTheUpperHalfOfTheBackoff() {
        assertThat(new RetryPolicy(config(8, Duration.ofHours(2)), () -> 0.0).nextAttempt(3, NOW, null, NOW))
                .contains(NOW.plusSeconds(4));
        assertThat(new RetryPolicy(config(8, Duration.ofHours(2)), () -> 0.5).nextAttempt(3, NOW, null, NOW))
                .contains(NOW.plusSeconds(6));
    }

    @Test
    void shouldNeverRetrySoonerThanTheProvidersRetryAfter() {
        RetryPolicy policy = new RetryPolicy(config(8, Duration.ofHours(2)), () -> 1.0);

        assertThat(policy.nextAttempt(1, NOW, Duration.ofSeconds(30), NOW)).contains(NOW.plusSeconds(30));
        assertThat(policy.nextAttempt(3, NOW, Duration.ofSeconds(1), NOW)).contains(NOW.plusSeconds(8));
    }

    @Test
    void shouldGiveUpAfterTheLastAttemptOrWhenTheTouchIsTooOld() {
        RetryPolicy policy = new RetryPolicy(config(3, Duration.ofMinutes(10)), () -> 1.0);

        assertThat(policy.nextAttempt(3, NOW, null, NOW)).isEmpty();
        assertThat(policy.nextAttempt(1, NOW.minusSeconds(599), null, NOW)).isEmpty();
        assertThat(policy.nextAttempt(1, NOW.minusSeconds(590), null, NOW)).isPresent();
    }

    static NotifierConfig.Retry config(int maxAttempts, Duration maxAge) {
        return new NotifierConfig.Retry() {
            public Duration initialBackoff() {
                return Duration.ofSeconds(2);
            }

            public Duration maxBackoff() {
                return Duration.ofMinutes(1);
            }

            public int maxAttempts() {
                return maxAttempts;
            }

            public Duration maxAge() {
                return maxAge;
            }

            public Duration pollInterval() {
                return Duration.ofMillis(500);
            }

            public int batchSize() {
                return 50;
            }
        };
    }
}
