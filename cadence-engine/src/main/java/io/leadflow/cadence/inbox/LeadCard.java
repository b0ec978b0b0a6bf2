package io.leadflow.cadence.inbox;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * A lead as a line of the inbox.
 *
 * @param mine        assigned to the signed-in rep
 * @param claimedBy   who claimed it, null while unclaimed
 * @param claimDueAt  unclaimed past this moment, the lead goes to the next rep; null once claimed
 */
public record LeadCard(UUID leadId, String name, String sourceId, Instant receivedAt, String message, String assignedTo,
        boolean mine, String claimedBy, Instant claimDueAt, String cadenceState) {

    public boolean claimable() {
        return claimedBy == null && !"stopped".equals(cadenceState);
    }

    /** Seconds left to claim, for the page as first drawn (the page's script counts down from there). */
    public long claimSecondsLeft(Instant now) {
        return claimDueAt == null ? 0 : Math.max(0, Duration.between(now, claimDueAt).toSeconds());
    }
}
