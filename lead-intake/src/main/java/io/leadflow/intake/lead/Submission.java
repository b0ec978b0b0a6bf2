package io.leadflow.intake.lead;

import java.time.Instant;

import io.leadflow.intake.source.SourceSettings;

/**
 * Who sent a lead and how: what intake knows about a request apart from its body.
 *
 * @param idempotencyKey the {@code Idempotency-Key} header, or a platform's own lead id ({@code google:<lead_id>}),
 *                       or null
 * @param fingerprint    what "the same request" means for this key: a hash of the body, or a constant where the
 *                       platform's lead id alone identifies the lead
 * @param remoteIp       the client address, kept as consent evidence and rate-limited; null for a platform's
 *                       webhook, whose address says nothing about the lead
 */
public record Submission(SourceSettings source, Instant receivedAt, String idempotencyKey, String fingerprint,
        String remoteIp) {
}
