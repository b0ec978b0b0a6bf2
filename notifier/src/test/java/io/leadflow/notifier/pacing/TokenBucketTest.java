package io.leadflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

/** A long code's bucket: 1 segment/s, a burst of 6, 4 of them kept for first texts and rep alerts. */
class TokenBucketTest {

    static final Instant T0 = Instant.parse("2026-12-03T15:00:00Z");

    final TokenBucket bucket = new TokenBucket(1, 6, 4, T0);

    @Test
    void shouldKeepTheReserveFromNurtureTextsForAFirstTextAndItsRepAlert() {
        assertThat(bucket.tryTake(2, false, T0)).isTrue();
        assertThat(bucket.tryTake(2, false, T0)).as("a nurture text may not dip into the reserve").isFalse();
        assertThat(bucket.tryTake(2, true, T0)).as("first text").isTrue();
        assertThat(bucket.tryTake(2, true, T0)).as("rep alert").isTrue();
        assertThat(bucket.tryTake(1, true, T0)).isFalse();
        assertThat(bucket.enoughAt(2, true, T0)).isEqualTo(T0.plusSeconds(2));
        assertThat(bucket.enoughAt(2, false, T0)).as("a nurture text also waits for the reserve").isEqualTo(T0.plusSeconds(6));
        assertThat(bucket.tryTake(2, true, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void shouldGiveNurtureTextsSlotsOneBehindAnotherAtThePace() {
        assertThat(bucket.nurtureSlot(2, T0)).isEqualTo(T0);
        assertThat(bucket.nurtureSlot(2, T0)).isEqualTo(T0.plusSeconds(2));
        assertThat(bucket.nurtureSlot(1, T0)).isEqualTo(T0.plusSeconds(4));
        assertThat(bucket.nurtureSlot(2, T0)).isEqualTo(T0.plusSeconds(5));
        assertThat(bucket.nurtureBacklog(T0)).isEqualTo(Duration.ofSeconds(7));
        assertThat(bucket.nurtureBacklog(T0.plusSeconds(10))).isEqualTo(Duration.ZERO);
    }

    @Test
    void shouldRefillAtThePaceButNeverAboveTheBurst() {
        assertThat(bucket.tryTake(2, true, T0)).isTrue();
        assertThat(bucket.tryTake(4, true, T0)).isTrue();
        assertThat(bucket.tryTake(1, true, T0.plusMillis(999))).isFalse();
        assertThat(bucket.tryTake(1, true, T0.plusSeconds(1))).isTrue();

        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(bucket.tryTake(6, true, later)).isTrue();
        assertThat(bucket.tryTake(1, true, later)).isFalse();
    }

    @Test
    void shouldMakeANurtureTextWaitForTheReserveToRefillBeforeItsSlot() {
        assertThat(bucket.tryTake(6, true, T0)).isTrue();

        // 2 segments above a reserve of 4: 6 seconds to refill
        assertThat(bucket.nurtureSlot(2, T0)).isEqualTo(T0.plusSeconds(6));
    }
}
