package io.leadflow.cadence.returning;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import org.jboss.logging.Logger;

import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.lead.CadenceState;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.LeadRouted;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.scheduling.RepAlerts;
import io.leadflow.cadence.scheduling.Touch;

/**
 * A person who asks again within the returning-lead window is not a new lead: the inquiry is merged
 * into the earlier lead, whose rep is told they came back, and no second cadence starts.
 */
@ApplicationScoped
public class ReturningLeads {

    public static final String CAME_BACK_TEMPLATE = "came-back-alert";

    private static final Logger LOG = Logger.getLogger(ReturningLeads.class);

    private final ContactIdentities identities;
    private final RepAlerts alerts;
    private final Event<LeadRouted> routed;

    ReturningLeads(ContactIdentities identities, RepAlerts alerts, Event<LeadRouted> routed) {
        this.identities = identities;
        this.alerts = alerts;
        this.routed = routed;
    }

    /**
     * Merges a just-stored lead into the earlier lead of the same person, if there is one; call it in
     * the transaction that stored the lead, before any cadence is planned.
     *
     * @return the alert touches due now when the lead was merged; empty when it is a new person
     */
    public Optional<List<Touch>> mergeIfReturning(Lead inquiry, Instant now) {
        return identities.claim(inquiry).map(match -> merge(inquiry, match, now));
    }

    private List<Touch> merge(Lead inquiry, ContactIdentities.Match match, Instant now) {
        identities.handOver(inquiry, match.earlierLeadId());
        Lead lead = Lead.lockById(match.earlierLeadId());
        inquiry.mergedIntoLeadId = lead.id;
        inquiry.cadenceState = CadenceState.STOPPED;
        inquiry.stateReason = "merged into lead " + lead.id + " (same " + match.identity() + ")";
        inquiry.stateAt = now;
        LeadEvent.of(inquiry.id, now, "merged", "engine", inquiry.stateReason).persist();

        UUID ownerId = lead.claimedByRepId != null ? lead.claimedByRepId : lead.assignedRepId;
        Rep owner = ownerId == null ? null : Rep.findById(ownerId);
        String cameBack = "came back through " + inquiry.sourceId + " (inquiry " + inquiry.id + ", same "
                + match.identity() + ")";
        LeadEvent event = LeadEvent.of(lead.id, now, "came_back", "lead", cameBack);
        event.effect = owner == null ? "no rep to alert; no second cadence" : "alerted " + owner.name + "; no second cadence";
        event.persist();
        LOG.infof("Lead %s came back as inquiry %s (same %s); no second cadence", lead.id, inquiry.id, match.identity());
        if (owner == null) {
            return List.of();
        }
        List<Touch> alert = alerts.alert(lead, owner, CAME_BACK_TEMPLATE,
                "they came back with a new inquiry: answer it now, the clock restarted", now);
        alert.forEach(touch -> touch.inquiryLeadId = inquiry.id);
        routed.fire(new LeadRouted(lead.id, owner.id));
        return alert;
    }
}
