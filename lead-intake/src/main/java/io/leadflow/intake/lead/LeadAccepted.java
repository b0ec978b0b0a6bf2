package io.leadflow.intake.lead;

import java.time.Instant;
import java.util.UUID;

/** The 202 body: the lead's id, when intake received it, and where its timeline will be. */
public record LeadAccepted(UUID leadId, Instant receivedAt, Links links) {

    public record Links(String timeline) {
    }
}
