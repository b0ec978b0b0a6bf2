package io.leadflow.cadence.scheduling;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.leadflow.cadence.lead.CadenceState;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.window.ContactWindowPolicy;
import io.leadflow.cadence.window.LeadWindows;

/**
 * The notifier deferred a touch (its window had closed by the time it came to send it): the engine,
 * which owns the window rules, plans it again as a new touch at the next allowed moment. A new id,
 * because the notifier keeps one delivery per touch id.
 */
@ApplicationScoped
public class DeferredTouches {

    /** Never straight back: a notifier and an engine that disagree by a moment must not ping-pong. */
    private static final Duration SETTLE = Duration.ofMinutes(1);

    private final ContactWindowPolicy contactWindow;
    private final LeadWindows windows;
    private final Clock clock;

    DeferredTouches(ContactWindowPolicy contactWindow, LeadWindows windows, Clock clock) {
        this.contactWindow = contactWindow;
        this.windows = windows;
        this.clock = clock;
    }

    /** Must run in the transaction that records the deferral. */
    void replan(Touch deferred, Instant deferredAt) {
        Lead lead = Lead.lockById(deferred.leadId);
        if (lead.cadenceState == CadenceState.STOPPED || !lead.reachableOn(deferred.channel)) {
            deferred.statusReason = deferred.statusReason + "; not re-planned: " + (lead.cadenceState == CadenceState.STOPPED
                    ? "the cadence stopped (" + lead.stateReason + ")" : "opted out");
            return;
        }
        Instant now = clock.instant();
        Touch next = new Touch();
        next.id = UUID.randomUUID();
        next.leadId = deferred.leadId;
        next.cadenceId = deferred.cadenceId;
        next.step = deferred.step;
        next.audience = deferred.audience;
        next.recipientRepId = deferred.recipientRepId;
        next.channel = deferred.channel;
        next.template = deferred.template;
        next.reason = deferred.reason;
        next.firstTouch = false;
        next.status = lead.cadenceState == CadenceState.PAUSED ? TouchState.PAUSED : TouchState.SCHEDULED;
        next.statusAt = now;
        next.statusReason = "re-planned after the notifier deferred touch " + deferred.id;
        Instant from = deferredAt.isAfter(now) ? deferredAt : now;
        next.placeAt(from.plus(SETTLE), windows.whereFor(lead), contactWindow);
        next.persist();
        deferred.statusReason = deferred.statusReason + "; re-planned as touch " + next.id + " due " + next.dueAt;
    }
}
