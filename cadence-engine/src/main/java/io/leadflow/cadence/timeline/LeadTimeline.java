package io.leadflow.cadence.timeline;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What happened with one lead, with its speed-to-lead figures in milliseconds.
 *
 * @param cadenceState {@code active}, {@code paused} or {@code stopped}, with the reason when not active
 */
public record LeadTimeline(
        UUID leadId,
        String sourceId,
        Instant receivedAt,
        AssignedRep assignedRep,
        Long speedToFirstTouchMs,
        Long speedToRepAlertMs,
        String cadenceState,
        String cadenceStateReason,
        List<TimelineEntry> timeline) {

    /** @param why how routing chose them, e.g. {@code availability: Bob off → Carol} */
    public record AssignedRep(UUID id, String name, String why) {
    }
}
