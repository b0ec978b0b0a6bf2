package io.leadflow.cadence.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.window.ContactWindowPolicy;
import io.leadflow.cadence.window.LeadWindows;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;

/**
 * Changes a lead's not-yet-sent touches when its cadence stops, pauses or resumes. A touch the
 * scheduler has already claimed is on its way: these updates wait for that claim's commit and then
 * leave the dispatched touch alone.
 */
@ApplicationScoped
public class CadenceControl {

    /** A deferred touch is not here: it was re-planned as a new touch, which is. */
    private static final List<TouchState> NOT_SENT = List.of(TouchState.SCHEDULED, TouchState.PAUSED);

    private final ContactWindowPolicy contactWindow;
    private final LeadWindows windows;

    CadenceControl(ContactWindowPolicy contactWindow, LeadWindows windows) {
        this.contactWindow = contactWindow;
        this.windows = windows;
    }

    /** @return how many steps were skipped */
    public int skipAll(Lead lead, String reason, Instant now) {
        return (int) Touch.update("status = ?1, statusReason = ?2, statusAt = ?3 where leadId = ?4 and status in ?5",
                TouchState.SKIPPED, reason, now, lead.id, NOT_SENT);
    }

    /** Skips the steps to the lead on one channel (an opt-out); the rep's alerts are not the lead's channel. */
    public int skipChannel(Lead lead, Channel channel, String reason, Instant now) {
        return (int) Touch.update("""
                status = ?1, statusReason = ?2, statusAt = ?3
                where leadId = ?4 and status in ?5 and audience = ?6 and channel = ?7""",
                TouchState.SKIPPED, reason, now, lead.id, NOT_SENT, Audience.LEAD, channel);
    }

    public int pause(Lead lead, Instant now) {
        return (int) Touch.update("status = ?1, statusReason = 'paused', statusAt = ?2 where leadId = ?3 and status = ?4",
                TouchState.PAUSED, now, lead.id, TouchState.SCHEDULED);
    }

    /**
     * Every held step moves later by as long as the pause lasted, so the spacing between steps is
     * kept and nothing that fell due during the pause fires at once; SMS and calls are placed in the
     * contact window again.
     */
    public int resume(Lead lead, Duration pausedFor, Instant now) {
        List<Touch> held = Touch.list("leadId = ?1 and status = ?2", lead.id, TouchState.PAUSED);
        ContactWindowPolicy.Where where = windows.whereFor(lead);
        for (Touch touch : held) {
            Instant wanted = touch.dueAt.plus(pausedFor);
            if (wanted.isBefore(now)) {
                wanted = now;
            }
            touch.status = TouchState.SCHEDULED;
            touch.statusReason = "resumed";
            touch.placeAt(wanted, where, contactWindow);
            touch.statusAt = now;
        }
        return held.size();
    }
}
