package io.leadflow.cadence.claim;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;

import org.jboss.logging.Logger;

import io.leadflow.cadence.EngineConfig;
import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.LeadRouted;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.routing.RepPicks;
import io.leadflow.cadence.routing.RepWentOff;
import io.leadflow.cadence.routing.TeamRouter;
import io.leadflow.cadence.scheduling.RepAlerts;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.cadence.settings.CadenceSettingsService;

/**
 * A rep going off does not freeze their leads: each unclaimed lead goes to the team's next available
 * rep (else on-call, else manager) with a fresh alert and claim deadline, and the call and voicemail
 * tasks of the leads they claimed that fall due soon go to such a rep too. Each is a {@code rerouted}
 * line on the lead's timeline.
 */
@ApplicationScoped
public class RepHandover {

    private static final Logger LOG = Logger.getLogger(RepHandover.class);

    private final EntityManager entityManager;
    private final TeamRouter router;
    private final CadenceSettingsService settings;
    private final RepAlerts alerts;
    private final Event<LeadRouted> routed;
    private final PassedReps passedReps;
    private final EngineConfig.Routing config;
    private final Clock clock;

    RepHandover(EntityManager entityManager, TeamRouter router, CadenceSettingsService settings, RepAlerts alerts,
            Event<LeadRouted> routed, PassedReps passedReps, EngineConfig config, Clock clock) {
        this.entityManager = entityManager;
        this.router = router;
        this.settings = settings;
        this.alerts = alerts;
        this.routed = routed;
        this.passedReps = passedReps;
        this.config = config.routing();
        this.clock = clock;
    }

    /**
     * In the transaction that switched the rep off, which holds their team's lock. Leads and tasks
     * another transaction holds (a claim, an escalation, a dispatch under way) are skipped, not
     * waited for: those transactions may be waiting for the team's lock.
     */
    void onRepWentOff(@Observes RepWentOff off) {
        Rep rep = Rep.findById(off.repId());
        Instant now = clock.instant();
        @SuppressWarnings("unchecked")
        List<Lead> unclaimed = entityManager.createNativeQuery("""
                select * from lead where assigned_rep_id = :rep and claimed_by_rep_id is null and cadence_state = 'ACTIVE'
                order by received_at for update skip locked""", Lead.class)
                .setParameter("rep", rep.id)
                .getResultList();
        unclaimed.forEach(lead -> reroute(lead, rep, off.actor(), now));
        @SuppressWarnings("unchecked")
        List<Touch> tasks = entityManager.createNativeQuery("""
                select t.* from touch t join lead l on l.id = t.lead_id
                where coalesce(t.recipient_rep_id, l.assigned_rep_id) = :rep and l.claimed_by_rep_id is not null
                  and l.cadence_state = 'ACTIVE' and t.status = 'SCHEDULED' and t.audience = 'LEAD'
                  and t.channel in ('CALL_TASK', 'VOICEMAIL_TASK') and t.due_at <= :horizon
                order by t.due_at for update of t skip locked""", Touch.class)
                .setParameter("rep", rep.id)
                .setParameter("horizon", now.plus(config.handoverHorizon()))
                .getResultList();
        tasks.forEach(task -> handOver(task, rep, off.actor(), now));
        LOG.infof("Rep %s went off: %d unclaimed leads and %d call tasks handed over", rep.id, unclaimed.size(), tasks.size());
    }

    private void reroute(Lead lead, Rep off, String actor, Instant now) {
        Optional<RepPicks.Pick> pick = router.nextAvailableRep(off.teamId, now, off.id);
        LeadEvent event = LeadEvent.of(lead.id, now, "rerouted", actor, off.name + " went off before claiming it");
        if (pick.isEmpty()) {
            event.effect = "nobody else in the team to take it: it stays with " + off.name;
        } else {
            Rep next = pick.get().rep();
            lead.assignedRepId = next.id;
            lead.assignedAt = now;
            lead.claimDueAt = now.plus(settings.forSource(lead.sourceId).claimSla());
            lead.routingReason = "re-routed: " + off.name + " went off; " + pick.get().reason();
            passedReps.record(lead.id, off.id, now);
            alerts.alert(lead, next, EscalationSweep.NEXT_REP_TEMPLATE, "Passed to you: " + off.name + " went off", now);
            routed.fire(new LeadRouted(lead.id, next.id));
            event.effect = "offered to " + next.name + " (" + pick.get().reason() + ")";
        }
        event.persist();
    }

    private void handOver(Touch task, Rep off, String actor, Instant now) {
        Optional<RepPicks.Pick> pick = router.nextAvailableRep(off.teamId, now, off.id);
        String what = task.channel.name().toLowerCase(Locale.ROOT) + " due " + task.dueAt;
        LeadEvent event = LeadEvent.of(task.leadId, now, "rerouted", actor, off.name + " went off; their " + what);
        if (pick.isEmpty()) {
            event.effect = "nobody else in the team to take it: it stays with " + off.name;
        } else {
            task.recipientRepId = pick.get().rep().id;
            event.effect = "goes to " + pick.get().rep().name + " (" + pick.get().reason() + ")";
        }
        event.persist();
    }
}
