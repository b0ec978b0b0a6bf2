package io.leadflow.cadence.timeline;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One line of a lead's timeline.
 *
 * @param kind   {@code received}, {@code assigned}, {@code touch} (to the lead), {@code alert} (to the rep), or
 *               an activity or decision: {@code reply}, {@code opt_out}, {@code outcome}, {@code pause}, {@code resume}…
 * @param reason why the touch exists (the playbook step's reason)
 * @param detail what happened to it: the status reason, the provider's code or message id; an activity's details
 * @param actor  who did it, for activities: {@code lead}, {@code rep:<id>}, {@code ops}, {@code engine}
 * @param effect what the engine did about an activity, e.g. the steps a stop skipped
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TimelineEntry(Instant at, String kind, UUID touchId, String channel, String status, String reason,
        String detail, String actor, String effect) {

    static TimelineEntry of(Instant at, String kind, String reason, String detail) {
        return new TimelineEntry(at, kind, null, null, null, reason, detail, null, null);
    }
}
