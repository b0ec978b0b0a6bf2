package io.leadflow.cadence.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.LeadFacts;
import io.leadflow.cadence.routing.LeadRouted;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.routing.RepPicks;
import io.leadflow.cadence.routing.TeamRouter;
import io.leadflow.cadence.routing.Team;
import io.leadflow.cadence.scheduling.RepAlerts;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.cadence.settings.CadenceSettings;
import io.leadflow.cadence.settings.CadenceSettingsService;
import io.leadflow.contracts.LeadReceived;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Leads nobody claimed within their source's SLA go to the next rep (the source's escalation chain,
 * else a pick by the source's routing strategy), never back to a rep they passed from, and the manager
 * is alerted; after the bounded number of fallbacks the manager owns the lead. Leads are locked with
 * SKIP LOCKED, so several engines share the sweep.
 */
@ApplicationScoped
public class EscalationSweep {

    private static final Logger LOG = Logger.getLogger(EscalationSweep.class);
    private static final int BATCH = 100;
    static final String NEXT_REP_TEMPLATE = "new-lead-alert";
    static final String MANAGER_TEMPLATE = "escalation-alert";

    private final EntityManager entityManager;
    private final CadenceSettingsService settings;
    private final TeamRouter router;
    private final RepAlerts alerts;
    private final Event<LeadRouted> routed;
    private final PassedReps passedReps;
    private final ObjectMapper json;
    private final Clock clock;

    EscalationSweep(EntityManager entityManager, CadenceSettingsService settings, TeamRouter router,
            RepAlerts alerts, Event<LeadRouted> routed, PassedReps passedReps, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.settings = settings;
        this.router = router;
        this.alerts = alerts;
        this.routed = routed;
        this.passedReps = passedReps;
        this.json = json;
        this.clock = clock;
    }

    /** @return the alert touches it created, due now, for the fast path */
    public List<UUID> escalateDue() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = clock.instant();
            @SuppressWarnings("unchecked")
            List<Lead> due = entityManager.createNativeQuery("""
                    select * from lead where claim_due_at <= :now and cadence_state = 'ACTIVE'
                    order by claim_due_at limit :limit for update skip locked""", Lead.class)
                    .setParameter("now", now)
                    .setParameter("limit", BATCH)
                    .getResultList();
            List<UUID> alertIds = new ArrayList<>();
            for (Lead lead : due) {
                escalate(lead, now).forEach(touch -> alertIds.add(touch.id));
            }
            return alertIds;
        });
    }

    /** When the earliest unclaimed lead escalates, so the scheduler can wake up for it. */
    public Optional<Instant> nextDueAt() {
        return QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("select min(claim_due_at) from lead where cadence_state = 'ACTIVE'", Instant.class)
                .getResultStream().filter(Objects::nonNull).findFirst());
    }

    private List<Touch> escalate(Lead lead, Instant now) {
        CadenceSettings source = settings.forSource(lead.sourceId);
        LeadFacts facts = facts(lead);
        UUID previousRepId = lead.assignedRepId;
        Rep previous = previousRepId == null ? null : Rep.findById(previousRepId);
        Rep manager = Team.managerOf(router.escalationTeam(source, facts));
        String unclaimed = (previous == null ? "nobody" : previous.name) + " did not claim it within "
                + source.claimSla().toSeconds() + " s";
        List<Touch> created = new ArrayList<>();
        if (previousRepId != null) {
            passedReps.record(lead.id, previousRepId, now);
        }
        Set<UUID> hadIt = passedReps.of(lead.id);

        Optional<RepPicks.Pick> next = lead.escalations < source.maxFallbacks()
                ? nextRep(source, lead.escalations, facts, hadIt, now)
                : Optional.empty();
        String effect;
        if (next.isPresent()) {
            Rep nextRep = next.get().rep();
            lead.assignedRepId = nextRep.id;
            lead.assignedAt = now;
            lead.escalations++;
            lead.claimDueAt = now.plus(source.claimSla());
            created.addAll(alerts.alert(lead, nextRep, NEXT_REP_TEMPLATE, "Passed to you: " + unclaimed, now));
            effect = "offered to " + nextRep.name + " (fallback " + lead.escalations + " of " + source.maxFallbacks() + ")";
            lead.routingReason = "escalation: " + unclaimed + "; " + next.get().reason();
            if (manager != null) {
                created.addAll(alerts.alert(lead, manager, MANAGER_TEMPLATE,
                        "Unclaimed lead: " + unclaimed + "; now offered to " + nextRep.name, now));
                effect += "; manager " + manager.name + " alerted";
            }
        } else {
            lead.claimDueAt = null;
            if (manager != null) {
                lead.assignedRepId = manager.id;
                lead.assignedAt = now;
                created.addAll(alerts.alert(lead, manager, MANAGER_TEMPLATE,
                        "Nobody claimed this lead (" + unclaimed + "); it is yours now", now));
                effect = "no fallbacks left: manager " + manager.name + " owns it";
                lead.routingReason = "escalation: " + effect;
            } else {
                effect = "no fallbacks left and the team has no manager: it stays with "
                        + (previous == null ? "nobody" : previous.name);
            }
        }
        if (lead.assignedRepId != null && !lead.assignedRepId.equals(previousRepId)) {
            routed.fire(new LeadRouted(lead.id, lead.assignedRepId));
        }
        LeadEvent event = LeadEvent.of(lead.id, now, "escalated", "engine", unclaimed);
        event.effect = effect;
        event.persist();
        LOG.infof("Lead %s escalated: %s", lead.id, effect);
        return created;
    }

    private Optional<RepPicks.Pick> nextRep(CadenceSettings source, int escalations, LeadFacts lead, Set<UUID> hadIt,
            Instant now) {
        if (escalations < source.escalationChain().size()) {
            Rep chained = Rep.findById(source.escalationChain().get(escalations));
            if (chained != null && chained.active && chained.onDuty && !hadIt.contains(chained.id)) {
                return Optional.of(new RepPicks.Pick(chained, "escalation chain: " + chained.name));
            }
        }
        return router.nextRep(source, lead, hadIt, now);
    }

    /** What the source's routing rules look at, as the lead told it. */
    private LeadFacts facts(Lead lead) {
        try {
            LeadReceived.Interest interest = lead.interestJson == null ? null
                    : json.readValue(lead.interestJson, LeadReceived.Interest.class);
            return LeadFacts.of(lead.sourceId, lead.postalCode, interest);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored interest of lead " + lead.id + " is not JSON", e);
        }
    }
}
