package io.leadflow.notifier.pacing;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.notifier.NotifierConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Paces each sending number at the rate and burst of its pool. The buckets are rows shared by every
 * instance ({@link SenderPaces}); a text that must wait is never held here but in its delivery row
 * ({@code retrying}, reason {@code paced}, due at its slot), so nothing is lost on a crash.
 */
@ApplicationScoped
public class SenderPacer {

    private final NotifierConfig.Pacing config;
    private final Map<String, Pace> paceOf = new HashMap<>();
    private final Pace defaultPace;
    private final SenderPaces paces;
    private final Counter pacedPriority;
    private final Counter pacedNurture;

    public SenderPacer(NotifierConfig config, MeterRegistry registry, Clock clock, SenderPaces paces) {
        this.config = config.sms().pacing();
        this.paces = paces;
        this.defaultPace = new Pace(this.config.segmentsPerSecond(), this.config.burst(), this.config.priorityReserve());
        this.pacedPriority = pacedCounter(registry, "priority");
        this.pacedNurture = pacedCounter(registry, "nurture");
        config.sms().sources().values().forEach(pool -> {
            Pace pace = new Pace(pool.segmentsPerSecond().orElse(this.config.segmentsPerSecond()),
                    pool.burst().orElse(this.config.burst()), this.config.priorityReserve());
            pool.fromNumbers().forEach(number -> paceOf.put(number, pace));
        });
        Gauge.builder("leadflow.sms.pacing.backlog", this,
                        pacer -> pacer.config.enabled() ? paces.longestBacklog(clock.instant()).toMillis() / 1000.0 : 0)
                .description("How far ahead nurture texts are booked on the busiest sending number")
                .baseUnit("seconds")
                .register(registry);
    }

    /** When the text should be handed to a sender: now, or for a nurture text, its slot behind the others. */
    public Instant slotFor(String fromNumber, int segments, boolean priority, Instant now) {
        if (!config.enabled() || priority) {
            return now;
        }
        Instant slot = paces.book(fromNumber, paceOf(fromNumber), segments, now);
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
        Pace pace = paceOf(fromNumber);
        SenderPaces.Take take = paces.take(fromNumber, pace, segments, priority, now);
        if (take.taken()) {
            return Optional.empty();
        }
        (priority ? pacedPriority : pacedNurture).increment();
        return Optional.of(pace.enoughAt(segments, priority, take.tokensLeft(), now));
    }

    private Pace paceOf(String fromNumber) {
        return paceOf.getOrDefault(fromNumber, defaultPace);
    }

    private static Counter pacedCounter(MeterRegistry registry, String lane) {
        return Counter.builder("leadflow.sms.paced")
                .description("Texts that had to wait for their sending number's pace, by lane")
                .tag("lane", lane)
                .register(registry);
    }
}
