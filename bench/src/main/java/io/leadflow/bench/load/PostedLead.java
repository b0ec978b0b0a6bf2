package io.leadflow.bench.load;

import java.time.Instant;

/**
 * What happened to one lead at intake, as the client saw it.
 *
 * @param sentAt       when the (last) request went out
 * @param answeredAt   when its answer arrived
 * @param intakeMicros the last request's response time
 * @param status       the last HTTP status, 0 when there was no answer at all
 * @param attempts     requests made (more than one only when retrying, in chaos runs)
 * @param leadId       from the 202, or null
 */
public record PostedLead(GeneratedLead lead, String idempotencyKey, Instant sentAt, Instant answeredAt,
                         long intakeMicros, int status, int attempts, String leadId, String error) {

    public boolean accepted() {
        return status == 202 && leadId != null;
    }
}
