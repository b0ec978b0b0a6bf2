package io.leadflow.cadence.activity;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.leadflow.cadence.MessagingChannels;
import io.leadflow.cadence.messaging.ContractViolationException;
import io.leadflow.cadence.messaging.TransientRetry;
import io.leadflow.contracts.LeadActivity;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Replies, opt-outs, claims and outcomes from leads.activity. Processed in order (a pause and its
 * resume must not swap); the engine's own published actions come back here and change nothing.
 */
@ApplicationScoped
public class LeadActivityConsumer {

    private final LeadActivityService activities;
    private final TransientRetry retry;

    LeadActivityConsumer(LeadActivityService activities, TransientRetry retry) {
        this.activities = activities;
        this.retry = retry;
    }

    @Incoming(MessagingChannels.LEADS_ACTIVITY)
    @Blocking
    public void onActivity(LeadActivity activity) {
        if (activity.activityId() == null || activity.leadId() == null || activity.kind() == null) {
            throw new ContractViolationException("lead.activity record needs activityId, leadId and kind");
        }
        retry.run("Activity " + activity.activityId(), activity.leadId(), () -> activities.apply(activity));
    }
}
