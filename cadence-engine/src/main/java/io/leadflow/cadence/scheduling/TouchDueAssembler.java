package io.leadflow.cadence.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.claim.ClaimLinks;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.TouchDue;

/** Builds the touch.due events, with the lead and rep details the notifier needs to write them. */
@ApplicationScoped
public class TouchDueAssembler {

    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final ClaimLinks claimLinks;

    TouchDueAssembler(EntityManager entityManager, ObjectMapper objectMapper, ClaimLinks claimLinks) {
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.claimLinks = claimLinks;
    }

    /** One query for the batch's leads and one for its reps: a batch is hundreds of touches. */
    List<TouchDue> assemble(List<Touch> touches) {
        Map<UUID, Lead> leads = byId(Lead.class, "lead", touches.stream()
                .flatMap(touch -> Stream.of(touch.leadId, touch.inquiryLeadId)).filter(Objects::nonNull), lead -> lead.id);
        // an alert names its recipient; a touch to the lead is sent in the name of the assigned rep
        Map<UUID, UUID> repOfTouch = new HashMap<>();
        touches.forEach(touch -> {
            UUID repId = touch.recipientRepId != null ? touch.recipientRepId : leads.get(touch.leadId).assignedRepId;
            if (repId != null) {
                repOfTouch.put(touch.id, repId);
            }
        });
        Map<UUID, Rep> reps = byId(Rep.class, "rep", repOfTouch.values().stream(), rep -> rep.id);
        Map<UUID, LeadReceived.Interest> interests = new HashMap<>();
        return touches.stream().map(touch -> {
            Lead lead = leads.get(touch.leadId);
            // a "came back" alert shows what the lead asked this time, and where
            Lead inquiry = touch.inquiryLeadId == null ? lead : leads.get(touch.inquiryLeadId);
            UUID repId = repOfTouch.get(touch.id);
            return toEvent(touch, lead, inquiry, interests.computeIfAbsent(inquiry.id, id -> interest(inquiry)),
                    repId == null ? null : reps.get(repId));
        }).toList();
    }

    private <T> Map<UUID, T> byId(Class<T> type, String table, Stream<UUID> ids, Function<T, UUID> idOf) {
        UUID[] distinct = ids.distinct().toArray(UUID[]::new);
        if (distinct.length == 0) {
            return Map.of();
        }
        // one array parameter, not an IN list: every list length would be a new query plan to cache
        List<T> rows = entityManager.createNativeQuery("select * from " + table + " where id = any(:ids)", type)
                .setParameter("ids", distinct).getResultList();
        return rows.stream().collect(Collectors.toMap(idOf, Function.identity()));
    }

    private TouchDue toEvent(Touch touch, Lead lead, Lead inquiry, LeadReceived.Interest interest, Rep rep) {
        TouchDue.ContactWindow window = touch.windowNotBefore == null && touch.windowNotAfter == null
                ? null
                : new TouchDue.ContactWindow(touch.windowNotBefore, touch.windowNotAfter);
        var leadSnapshot = new TouchDue.LeadSnapshot(inquiry.sourceId, lead.firstName, lead.fullName, lead.email,
                lead.phoneE164, lead.timeZone, inquiry.message, interest, lead.test);
        var repSnapshot = rep == null ? null : new TouchDue.RepSnapshot(rep.id, rep.name, rep.email, rep.phoneE164);
        return new TouchDue(touch.id, touch.leadId, touch.cadenceId, touch.step, touch.channel, touch.template,
                touch.reason, touch.dueAt, window, touch.firstTouch, touch.audience, leadSnapshot, repSnapshot,
                links(touch, lead, rep));
    }

    /** A rep's alert about a lead still waiting for a claim carries that rep's claim link. */
    private Map<String, String> links(Touch touch, Lead lead, Rep rep) {
        if (touch.audience != Audience.REP || rep == null || lead.claimDueAt == null || lead.claimedByRepId != null) {
            return null;
        }
        return Map.of(TouchDue.CLAIM_LINK, claimLinks.linkFor(lead, rep.id));
    }

    private LeadReceived.Interest interest(Lead lead) {
        if (lead.interestJson == null) {
            return null;
        }
        try {
            return objectMapper.readValue(lead.interestJson, LeadReceived.Interest.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored interest of lead " + lead.id + " is not valid JSON", e);
        }
    }
}
