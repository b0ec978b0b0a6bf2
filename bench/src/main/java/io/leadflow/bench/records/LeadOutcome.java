package io.leadflow.bench.records;

import io.leadflow.bench.load.PostedLead;
import java.time.Duration;
import java.time.Instant;

/**
 * One accepted lead, end to end.
 *
 * @param firstLeadMessageAt when the first message to the lead reached a sink, or null
 * @param completedAt        when the last of its expected immediate touches reached a sink, or null while one is missing
 * @param expectedTouches    immediate touches that should reach a sink now (not skipped, not waiting for the contact window)
 * @param failedTouches      immediate touches the engine recorded as failed
 */
public record LeadOutcome(PostedLead posted, RecordedLead recorded, Instant firstLeadMessageAt, Instant completedAt,
                          int expectedTouches, int deliveredTouches, int failedTouches) {

    public boolean complete() {
        return completedAt != null;
    }

    /** 202 received → first message at a sink, in ms (negative if the message beat the 202 back). */
    public Double clientToFirstMessageMs() {
        return firstLeadMessageAt == null ? null
                : Duration.between(posted.answeredAt(), firstLeadMessageAt).toNanos() / 1e6;
    }
}
