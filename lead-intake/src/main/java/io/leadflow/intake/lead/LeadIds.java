package io.leadflow.intake.lead;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

/**
 * Lead ids. With an {@code Idempotency-Key} the id is derived from source and key, so a retried request
 * carries the same lead id and the engine, which dedupes on it, creates no second lead.
 */
public final class LeadIds {

    private LeadIds() {
    }

    public static UUID forSubmission(String sourceId, String idempotencyKey) {
        if (idempotencyKey == null) {
            return UUID.randomUUID();
        }
        return UUID.nameUUIDFromBytes((sourceId + "\n" + idempotencyKey).getBytes(StandardCharsets.UTF_8));
    }
}
