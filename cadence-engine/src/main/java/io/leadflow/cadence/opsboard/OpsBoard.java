package io.leadflow.cadence.opsboard;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What ops watch live. Windowed figures come from the engine's own tables, so they can be
 * checked lead by lead; Kafka figures come from the broker.
 *
 * @param leadsReceived      every lead the engine has registered, ever (moves by one per lead)
 * @param leadsPerMinute     by source, averaged over the last 5 minutes
 * @param speedToFirstTouch  by window ({@code 5m}, {@code 1h}, {@code 1d}), of every source or of the one asked for
 * @param touchesLastHour    touches whose status changed in the last hour, by channel, status and reason
 */
public record OpsBoard(
        Instant generatedAt,
        long leadsReceived,
        Map<String, Double> leadsPerMinute,
        Map<String, Percentiles> speedToFirstTouch,
        List<TouchCount> touchesLastHour,
        Scheduler scheduler,
        Kafka kafka,
        List<RepRow> reps) {

    /** Milliseconds; null when the window holds no lead. */
    public record Percentiles(long count, Long p50, Long p90, Long p99) {
    }

    public record TouchCount(String channel, String status, String reason, long count) {
    }

    /**
     * @param backlog          touches due now or earlier that are still waiting to be dispatched
     * @param oldestOverdueAt  due time of the oldest of them
     * @param lateness         dispatch time minus due time over the last 5 minutes
     */
    public record Scheduler(long backlog, Instant oldestOverdueAt, Percentiles lateness) {
    }

    /** Lag per consumer group and topic, and the number of records waiting in each dead-letter topic. */
    public record Kafka(List<ConsumerLag> consumerLag, Map<String, Long> deadLetters, String unavailable) {
    }

    public record ConsumerLag(String group, String topic, long lag) {
    }

    /**
     * Over the last day: leads assigned, leads the rep claimed and how many of those within the
     * claim SLA, median time from a lead's arrival to the rep's claim and to the rep's first call
     * outcome.
     */
    public record RepRow(String repId, String name, long leads, Long medianSpeedToRepAlertMs, long claimed,
            long claimedWithinSla, Long medianTimeToClaimMs, Long medianTimeToFirstOutcomeMs) {
    }
}
