package io.leadflow.notifier.pacing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * One {@link TokenBucket} per sending number, at the pace and burst of its pool. The buckets live in this
 * process: a text that must wait is never held here but in its delivery row ({@code retrying},
 * reason {@code paced}, due at its slot), so nothing is lost on a crash; after a restart the
 * buckets start full. Several notifier instances each pace on their own (see the README).
 */
@ApplicationScoped
public class SenderPacer {

    private final NotifierConfig.Pacing config;
    private final Map<String, NotifierConfig.SourcePool> poolOf = new HashMap<>();
    private final Map<String, TokenBucket> buckets = new ConcurrentHashMap<>();
    private final Counter pacedPriority;
    private final Counter pacedNurture;
    private final Clock clock;

    public SenderPacer(NotifierConfig config, MeterRegistry registry, Clock clock) {
        this.config = config.sms().pacing();
        this.clock = clock;
        this.pacedPriority = pacedCounter(registry, "priority");
        this.pacedNurture = pacedCounter(registry, "nurture");
        config.sms().sources().values().forEach(pool -> pool.fromNumbers().forEach(number -> poolOf.put(number, pool)));
        Gauge.builder("leadflow.sms.pacing.backlog", this, pacer -> pacer.longestBacklog().toMillis() / 1000.0)
                .description("How far ahead nurture texts are booked on the busiest sending number")
                .baseUnit("seconds")
                .register(registry);
    }

    /** When the text should be handed to a sender: now, or for a nurture text, its slot behind the others. */
    public Instant slotFor(String fromNumber, int segments, boolean priority, Instant now) {
        if (!config.enabled() || priority) {
            return now;
        }
        Instant slot = bucket(fromNumber, now).nurtureSlot(segments, now);
        if (slot.isAfter(now)) {
            pacedNurture.increment();
        }
        return slot;
    }

    /**
     * Takes the text's tokens right before the provider call.
     *
     * @return empty when it may be sent now, otherwise when its tokens will be there
     */
    public Optional<Instant> take(String fromNumber, int segments, boolean priority, Instant now) {
        if (!config.enabled()) {
            return Optional.empty();
        }
        TokenBucket bucket = bucket(fromNumber, now);
        if (bucket.tryTake(segments, priority, now)) {
            return Optional.empty();
        }
        (priority ? pacedPriority : pacedNurture).increment();
        return Optional.of(bucket.enoughAt(segments, priority, now));
    }

    private Duration longestBacklog() {
        Instant now = clock.instant();
        return buckets.values().stream().map(bucket -> bucket.nurtureBacklog(now)).max(Duration::compareTo)
                .orElse(Duration.ZERO);
    }

    private static Counter pacedCounter(MeterRegistry registry, String lane) {
        return Counter.builder("leadflow.sms.paced")
                .description("Texts that had to wait for their sending number's pace, by lane")
                .tag("lane", lane)
                .register(registry);
    }

    private TokenBucket bucket(String fromNumber, Instant now) {
        return buckets.computeIfAbsent(fromNumber, number -> {
            Optional<NotifierConfig.SourcePool> pool = Optional.ofNullable(poolOf.get(number));
            return new TokenBucket(pool.flatMap(NotifierConfig.SourcePool::segmentsPerSecond)
                    .orElse(config.segmentsPerSecond()),
                    pool.flatMap(NotifierConfig.SourcePool::burst).orElse(config.burst()), config.priorityReserve(), now);
        });
    }
}
