package io.leadflow.notifier.pacing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A long code's bucket in the shared table: 1 segment/s, a burst of 6, 4 of them kept for first
 * texts and rep alerts. Each test uses its own number, at times of its own choosing.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class SenderPacesTest {

    static final Instant T0 = Instant.parse("2026-12-03T15:00:00Z");
    static final Pace LONG_CODE = new Pace(1, 6, 4);

    @Inject
    SenderPaces paces;

    @Inject
    DataSource dataSource;

    final String number = "+1555" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 10_000_000);

    @Test
    void shouldKeepTheReserveFromNurtureTextsForAFirstTextAndItsRepAlert() {
        assertThat(take(2, false, T0)).isTrue();
        assertThat(take(2, false, T0)).as("a nurture text may not dip into the reserve").isFalse();
        assertThat(take(2, true, T0)).as("first text").isTrue();
        assertThat(take(2, true, T0)).as("rep alert").isTrue();
        SenderPaces.Take refused = paces.take(number, LONG_CODE, 2, true, T0);
        assertThat(refused.taken()).isFalse();
        assertThat(LONG_CODE.enoughAt(2, true, refused.tokensLeft(), T0)).isEqualTo(T0.plusSeconds(2));
        assertThat(LONG_CODE.enoughAt(2, false, refused.tokensLeft(), T0))
                .as("a nurture text also waits for the reserve").isEqualTo(T0.plusSeconds(6));
        assertThat(take(2, true, T0.plusSeconds(2))).isTrue();
    }

    @Test
    void shouldGiveNurtureTextsSlotsOneBehindAnotherAtThePace() {
        assertThat(paces.book(number, LONG_CODE, 2, T0)).isEqualTo(T0);
        assertThat(paces.book(number, LONG_CODE, 2, T0)).isEqualTo(T0.plusSeconds(2));
        assertThat(paces.book(number, LONG_CODE, 1, T0)).isEqualTo(T0.plusSeconds(4));
        assertThat(paces.book(number, LONG_CODE, 2, T0)).isEqualTo(T0.plusSeconds(5));
    }

    @Test
    void shouldRefillAtThePaceButNeverAboveTheBurst() {
        assertThat(take(2, true, T0)).isTrue();
        assertThat(take(4, true, T0)).isTrue();
        assertThat(take(1, true, T0.plusMillis(999))).isFalse();
        assertThat(take(1, true, T0.plusSeconds(1))).isTrue();

        Instant later = T0.plus(Duration.ofHours(1));
        assertThat(take(6, true, later)).isTrue();
        assertThat(take(1, true, later)).isFalse();
    }

    @Test
    void shouldMakeANurtureTextWaitForTheReserveToRefillBeforeItsSlot() {
        assertThat(take(6, true, T0)).isTrue();

        // 2 segments above a reserve of 4: 6 seconds to refill
        assertThat(paces.book(number, LONG_CODE, 2, T0)).isEqualTo(T0.plusSeconds(6));
    }

    /**
     * Two instances (two pacers over the same database, each on its own thread) texting from one
     * number as fast as they can for 10 s: together they get the burst and 1 segment/s, not twice that.
     */
    @Test
    void shouldHoldTheNumbersRateAcrossTwoInstances() throws Exception {
        SenderPaces other = new SenderPaces(dataSource);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Integer>> instances = new ArrayList<>();
        for (SenderPaces instance : List.of(paces, other)) {
            instances.add(CompletableFuture.supplyAsync(() -> {
                awaitQuietly(start);
                int sent = 0;
                // every 50 ms of the number's time, each instance asks for one segment
                for (int tick = 0; tick <= 200; tick++) {
                    sent += instance.take(number, LONG_CODE, 1, true, T0.plusMillis(50L * tick)).taken() ? 1 : 0;
                }
                return sent;
            }));
        }
        start.countDown();
        int first = instances.get(0).get(30, TimeUnit.SECONDS);
        int second = instances.get(1).get(30, TimeUnit.SECONDS);

        // a burst of 6 and 10 s at 1 segment/s; buckets per instance would have let 32 through
        assertThat(first + second).isBetween(15, 16);
    }

    private boolean take(int segments, boolean priority, Instant now) {
        return paces.take(number, LONG_CODE, segments, priority, now).taken();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
