package io.leadflow.intake.lead;

import java.time.Instant;

/**
 * Who sent a lead and how: what intake knows about a request apart from its body.
 *
 * @param idempotencyKey the {@code Idempotency-Key} header, or null
 * @param remoteIp       the client address, kept as consent evidence
 */
public record Submission(String sourceId, Instant receivedAt, String idempotencyKey, String remoteIp) {
}
