package io.leadflow.cadence.activity;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.auth.Role;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.problem.LeadPendingException;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.LeadActivity;

/** Rep actions through the API: applied like any activity, then published to leads.activity. */
@ApplicationScoped
public class RepActions {

    private static final Logger LOG = Logger.getLogger(RepActions.class);

    private final LeadActivityService activities;
    private final OutboxPublisher outbox;
    private final Clock clock;

    RepActions(LeadActivityService activities, OutboxPublisher outbox, Clock clock) {
        this.activities = activities;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Refused as if the lead did not exist unless the caller may see it; a rep covering one of its tasks
     * (its owner went off) may log outcomes only.
     */
    public ActionResult act(UUID leadId, Caller caller, ActivityKind kind, Map<String, String> detail) {
        Lead lead = Lead.findById(leadId);
        if (lead == null || !(caller.maySee(lead.assignedRepId) || kind == ActivityKind.OUTCOME && covers(caller, lead))) {
            throw new LeadPendingException(leadId);
        }
        return record(lead, caller.actor(), kind, detail);
    }

    private static boolean covers(Caller caller, Lead lead) {
        return caller.role() == Role.rep && Touch.heldBy(lead.id, caller.repId());
    }

    /**
     * A claim by a rep who was already authenticated another way: the signed link in their alert
     * ({@code via} {@code link}) or their inbox session ({@code inbox}).
     */
    public ActionResult claim(Lead lead, UUID repId, String via) {
        return record(lead, Caller.actorOf(repId), ActivityKind.CLAIM_REQUESTED, Map.of("via", via));
    }

    private ActionResult record(Lead lead, String actor, ActivityKind kind, Map<String, String> detail) {
        UUID leadId = lead.id;
        LeadActivity activity = new LeadActivity(UUID.randomUUID(), leadId, kind, null, actor, clock.instant(), detail);
        String effect = activities.perform(lead, activity);
        try {
            outbox.publishPending();
        } catch (RuntimeException e) {
            LOG.warnf(e, "Publishing activity %s of lead %s failed; the scheduler's tick publishes it", activity.activityId(),
                    leadId);
        }
        return new ActionResult(activity.activityId(), LeadActivityService.wireName(kind), effect);
    }

    /** @param effect what the engine did, e.g. {@code stopped every cadence (outcome closed): 9 scheduled steps skipped} */
    public record ActionResult(UUID activityId, String kind, String effect) {
    }
}
