package io.leadflow.bench.records;

import java.time.Instant;

/**
 * A touch as cadence-engine stored it, with the notifier's delivery status for it (null when the
 * notifier has no row).
 *
 * @param immediate a step planned at 0 s (first touches and rep alerts)
 */
public record RecordedTouch(String touchId, String leadId, String audience, String channel, String status,
                            String statusReason, Instant dueAt, boolean immediate, String deliveryStatus) {
}
