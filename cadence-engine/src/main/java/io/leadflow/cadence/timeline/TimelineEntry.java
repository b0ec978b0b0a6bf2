package io.leadflow.cadence.timeline;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a lead's timeline.
 *
 * @param kind   {@code received}, {@code assigned}, {@code touch} (to the lead) or {@code alert} (to the rep)
 * @param reason why the touch exists (the playbook step's reason)
 * @param detail what happened to it: the status reason, the provider's code or message id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, UUID touchId, String channel, String status, String reason,
        String detail) {
}
