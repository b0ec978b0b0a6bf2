package io.leadflow.cadence.scheduling;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

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

    private final ObjectMapper objectMapper;
    private final ClaimLinks claimLinks;

    TouchDueAssembler(ObjectMapper objectMapper, ClaimLinks claimLinks) {
        this.objectMapper = objectMapper;
        this.claimLinks = claimLinks;
    }

    List<TouchDue> assemble(List<Touch> touches) {
        Map<UUID, Lead> leads = new HashMap<>();
        Map<UUID, Rep> reps = new HashMap<>();
        return touches.stream().map(touch -> {
            Lead lead = leads.computeIfAbsent(touch.leadId, id -> Lead.findById(id));
            // an alert names its recipient; a touch to the lead is sent in the name of the assigned rep
            UUID repId = touch.recipientRepId != null ? touch.recipientRepId : lead.assignedRepId;
            Rep rep = repId == null ? null : reps.computeIfAbsent(repId, id -> Rep.findById(id));
            return toEvent(touch, lead, rep);
        }).toList();
    }

    private TouchDue toEvent(Touch touch, Lead lead, Rep rep) {
        TouchDue.ContactWindow window = touch.windowNotBefore == null && touch.windowNotAfter == null
                ? null
                : new TouchDue.ContactWindow(touch.windowNotBefore, touch.windowNotAfter);
        // a "came back" alert shows what the lead asked this time, and where
        Lead inquiry = touch.inquiryLeadId == null ? lead : Lead.findById(touch.inquiryLeadId);
        var leadSnapshot = new TouchDue.LeadSnapshot(inquiry.sourceId, lead.firstName, lead.fullName, lead.email,
                lead.phoneE164, lead.timeZone, inquiry.message, interest(inquiry), lead.test);
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
