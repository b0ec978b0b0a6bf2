package io.leadflow.cadence.claim;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import io.leadflow.cadence.auth.Caller;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.LeadRouted;
import io.leadflow.cadence.routing.Rep;

/** The first claim wins; a later one is told who has the lead. Runs under the lead's row lock. */
@ApplicationScoped
public class ClaimService {

    private final Event<LeadRouted> routed;

    ClaimService(Event<LeadRouted> routed) {
        this.routed = routed;
    }

    /**
     * @param actor {@code rep:<id>} of the claiming rep; anything else claims for the assigned rep
     * @return what happened, for the timeline
     */
    public String claim(Lead lead, String actor, Instant now) {
        UUID repId = Caller.repOf(actor).orElse(lead.assignedRepId);
        if (lead.claimedByRepId != null) {
            return lead.claimedByRepId.equals(repId) ? "already claimed by this rep"
                    : "already claimed by " + nameOf(lead.claimedByRepId);
        }
        if (repId == null) {
            return "not claimed: no rep to claim it for";
        }
        lead.claimedByRepId = repId;
        lead.claimedAt = now;
        lead.claimDueAt = null;
        routed.fire(new LeadRouted(lead.id, repId));
        String effect = "claimed by " + nameOf(repId);
        if (!repId.equals(lead.assignedRepId)) {
            lead.assignedRepId = repId;
            lead.assignedAt = now;
            effect += ", who now owns the lead";
        }
        return effect;
    }

    /** The lead as committed now (a request's own session may hold an older copy). */
    @Transactional
    public Lead current(UUID leadId) {
        return Lead.findById(leadId);
    }

    /** The name of the rep who claimed the lead, if anyone has. */
    public static Optional<String> holder(Lead lead) {
        return Optional.ofNullable(lead.claimedByRepId).map(ClaimService::nameOf);
    }

    static String nameOf(UUID repId) {
        Rep rep = Rep.findById(repId);
        return rep == null ? "an unknown rep" : rep.name;
    }
}
