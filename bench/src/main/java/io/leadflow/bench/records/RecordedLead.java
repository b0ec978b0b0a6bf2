package io.leadflow.bench.records;

import java.time.Instant;

/** A lead as cadence-engine stored it, with the speed figures it recorded (null until recorded). */
public record RecordedLead(String leadId, Instant receivedAt, Long speedToFirstTouchMs, Long speedToRepAlertMs) {
}
