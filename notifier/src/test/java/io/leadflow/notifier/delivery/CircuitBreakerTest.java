package io.leadflow.notifier.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    static final Instant NOW = Instant.parse("2026-03-02T17:00:00Z");

    final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10));

    @Test
    void shouldOpenAfterConsecutiveTransientFailuresAndRefuseCallsWhileOpen() {
        failTimes(3, NOW);

        assertThat(breaker.tryAcquire(NOW.plusSeconds(1))).isFalse();
        assertThat(breaker.mayCall(NOW.plusSeconds(9))).isFalse();
        assertThat(breaker.retryAt(NOW.plusSeconds(1))).isEqualTo(NOW.plusSeconds(10));
    }

    @Test
    void shouldStayClosedWhenAnAnswerComesBetweenFailures() {
        failTimes(2, NOW);
        breaker.onAnswer();
        failTimes(2, NOW);

        assertThat(breaker.tryAcquire(NOW)).isTrue();
    }

    @Test
    void shouldLetOneTrialThroughAfterTheOpenTimeAndCloseWhenItSucceeds() {
        failTimes(3, NOW);
        Instant later = NOW.plusSeconds(10);

        assertThat(breaker.tryAcquire(later)).isTrue();
        assertThat(breaker.tryAcquire(later)).as("only one trial at a time").isFalse();
        breaker.onAnswer();
        assertThat(breaker.tryAcquire(later)).isTrue();
        assertThat(breaker.isOpen(later)).isFalse();
    }

    @Test
    void shouldOpenAgainWhenTheTrialFails() {
        failTimes(3, NOW);
        Instant later = NOW.plusSeconds(10);
        assertThat(breaker.tryAcquire(later)).isTrue();

        breaker.onTransientFailure(later);

        assertThat(breaker.isOpen(later.plusSeconds(9))).isTrue();
        assertThat(breaker.tryAcquire(later.plusSeconds(10))).isTrue();
    }

    private void failTimes(int times, Instant at) {
        for (int i = 0; i < times; i++) {
            breaker.onTransientFailure(at);
        }
    }
}
