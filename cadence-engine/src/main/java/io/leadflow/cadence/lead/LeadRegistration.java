package io.leadflow.cadence.lead;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.playbook.Playbook;
import io.leadflow.cadence.playbook.PlaybookCatalog;
import io.leadflow.cadence.returning.ReturningLeads;
import io.leadflow.cadence.routing.LeadRouted;
import io.leadflow.cadence.routing.LeadFacts;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.routing.RepPicks;
import io.leadflow.cadence.routing.TeamRouter;
import io.leadflow.cadence.scheduling.CadencePlanner;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.cadence.scheduling.TouchState;
import io.leadflow.cadence.settings.CadenceSettings;
import io.leadflow.cadence.settings.CadenceSettingsService;
import io.leadflow.cadence.window.LeadWindows;
import io.leadflow.contracts.LeadReceived;

/** Stores a new lead, its rep and its whole cadence in one transaction. */
@ApplicationScoped
public class LeadRegistration {

    private static final Logger LOG = Logger.getLogger(LeadRegistration.class);

    private final LeadInserts inserts;
    private final CadenceSettingsService settings;
    private final PlaybookCatalog playbooks;
    private final TeamRouter router;
    private final ReturningLeads returningLeads;
    private final CadencePlanner planner;
    private final ObjectMapper objectMapper;
    private final Event<LeadRouted> routed;
    private final LeadWindows windows;
    private final Clock clock;

    LeadRegistration(LeadInserts inserts, CadenceSettingsService settings, PlaybookCatalog playbooks,
            TeamRouter router, ReturningLeads returningLeads, CadencePlanner planner, ObjectMapper objectMapper, Event<LeadRouted> routed,
            LeadWindows windows, Clock clock) {
        this.inserts = inserts;
        this.settings = settings;
        this.playbooks = playbooks;
        this.router = router;
        this.returningLeads = returningLeads;
        this.planner = planner;
        this.objectMapper = objectMapper;
        this.routed = routed;
        this.windows = windows;
        this.clock = clock;
    }

    /**
     * @return the ids of the touches due now, for the fast path (a returning lead's: its rep's alert);
     *         empty for a lead seen before
     */
    @Transactional
    public List<UUID> register(LeadReceived event) {
        Instant now = clock.instant();
        if (!inserts.insertIfNew(toLead(event, now))) {
            LOG.infof("Lead %s was received before; nothing to do", event.leadId());
            return List.of();
        }
        Lead lead = Lead.findById(event.leadId());
        Optional<List<Touch>> cameBackAlert = returningLeads.mergeIfReturning(lead, now);
        if (cameBackAlert.isPresent()) {
            return dueNow(cameBackAlert.get(), now);
        }
        windows.locate(lead);
        CadenceSettings source = settings.forSource(lead.sourceId);
        Playbook playbook = Optional.ofNullable(source.playbookId()).flatMap(playbooks::latest)
                .orElseGet(playbooks::defaultPlaybook);
        LeadEvent.of(lead.id, now, "settings", "engine",
                source.describe() + "; playbook " + playbook.id() + " version " + playbook.version()).persist();
        Optional<RepPicks.Pick> pick = router.route(source, LeadFacts.of(event), now);
        Optional<Rep> rep = pick.map(RepPicks.Pick::rep);
        lead.routingReason = pick.map(RepPicks.Pick::reason)
                .orElse(source.routing().wireName() + ": nobody in team " + source.teamId() + " to take it");
        rep.ifPresent(assigned -> {
            lead.assignedRepId = assigned.id;
            lead.assignedAt = now;
            lead.claimDueAt = now.plus(source.claimSla());
            routed.fire(new LeadRouted(lead.id, assigned.id));
        });
        List<Touch> touches = planner.start(lead, rep, playbook, now);
        LOG.infof("Lead %s from %s assigned to rep %s with %d touches planned", lead.id, lead.sourceId,
                rep.map(r -> r.id.toString()).orElse("none"), touches.size());
        return dueNow(touches, now);
    }

    private static List<UUID> dueNow(List<Touch> touches, Instant now) {
        return touches.stream()
                .filter(touch -> touch.status == TouchState.SCHEDULED && !touch.dueAt.isAfter(now))
                .map(touch -> touch.id)
                .toList();
    }

    private Lead toLead(LeadReceived event, Instant now) {
        Lead lead = new Lead();
        lead.id = event.leadId();
        lead.sourceId = event.sourceId();
        lead.receivedAt = event.receivedAt();
        lead.ingestedAt = now;
        lead.test = event.test();
        LeadReceived.Contact contact = event.contact();
        lead.firstName = contact.firstName();
        lead.fullName = contact.fullName();
        lead.email = contact.email();
        lead.phoneE164 = contact.phoneValid() ? contact.phoneE164() : null;
        lead.timeZone = event.timeZone().id();
        lead.timeZoneBasis = event.timeZone().basis();
        lead.message = event.message();
        lead.interestJson = interestJson(event.interest());
        lead.smsConsent = event.consent() != null && event.consent().sms();
        lead.emailConsent = event.consent() != null && event.consent().email();
        if (event.postalCode() != null) {
            lead.postalCode = event.postalCode().code();
            lead.postalCountry = event.postalCode().country();
        }
        return lead;
    }

    private String interestJson(LeadReceived.Interest interest) {
        if (interest == null) {
            return null;
        }
        try {
            return objectMapper.writeValueAsString(interest);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Interest cannot be written as JSON", e);
        }
    }
}
