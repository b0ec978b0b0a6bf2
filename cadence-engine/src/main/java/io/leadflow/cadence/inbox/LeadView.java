package io.leadflow.cadence.inbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.timeline.LeadTimeline;

/**
 * A lead's page: who they are and how to reach them, what they said and agreed to, and everything
 * that happened.
 *
 * @param smsReachable they agreed to texts and did not opt out, so the page offers an sms: link
 * @param canAct       the rep owns the lead (or is a manager): outcomes, pause, commitments
 * @param canLogOutcome the rep may act, or covers one of the lead's tasks (its rep went off): outcomes only
 * @param promiseEarliest  now, in the lead's local time, as the commitment picker's minimum
 * @param promiseSuggested the top of the next hour but one, in the lead's local time, as the picker's first value
 */
public record LeadView(LeadCard card, String phone, String email, boolean smsReachable, boolean smsConsent,
        boolean emailConsent, boolean smsOptedOut, boolean emailOptedOut, String timeZone, List<Fact> interest,
        boolean canAct, boolean canLogOutcome, LeadTimeline timeline, Map<String, String> actorNames, String promiseEarliest,
        String promiseSuggested) {

    public record Fact(String label, String value) {
    }

    private static final Map<String, String> LABELS = Map.of("community", "Community", "product", "Product", "homeSize",
            "Home size", "budget", "Budget", "timeline", "Timeline", "heardAbout", "Heard about us");
    private static final List<String> ORDER = List.of("community", "product", "homeSize", "budget", "timeline", "heardAbout");

    /** @param actorNames the names of the reps on the timeline, by actor ({@code rep:<id>}) */
    static LeadView of(Lead lead, LeadCard card, boolean canAct, boolean covering, LeadTimeline timeline, Map<String, String> actorNames,
            Instant now, ObjectMapper json) {
        LocalDateTime leadsNow = now.atZone(ZoneId.of(lead.timeZone)).toLocalDateTime().truncatedTo(ChronoUnit.MINUTES);
        return new LeadView(card, lead.phoneE164, lead.email, lead.smsConsent && !lead.smsOptedOut, lead.smsConsent,
                lead.emailConsent, lead.smsOptedOut, lead.emailOptedOut, lead.timeZone, interest(lead.interestJson, json),
                canAct, canAct || covering, timeline, actorNames, leadsNow.toString(), leadsNow.truncatedTo(ChronoUnit.HOURS).plusHours(2).toString());
    }

    /** Who did it, by name where the actor is a rep. */
    public String actor(String actor) {
        return actorNames.getOrDefault(actor, actor);
    }

    public boolean paused() {
        return "paused".equals(timeline.cadenceState());
    }

    public boolean stopped() {
        return "stopped".equals(timeline.cadenceState());
    }

    private static List<Fact> interest(String interestJson, ObjectMapper json) {
        if (interestJson == null) {
            return List.of();
        }
        Map<String, Object> fields;
        try {
            fields = json.readValue(interestJson, new TypeReference<Map<String, Object>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored interest is not JSON", e);
        }
        List<Fact> facts = new ArrayList<>();
        ORDER.stream().filter(key -> fields.get(key) != null)
                .forEach(key -> facts.add(new Fact(LABELS.get(key), String.valueOf(fields.get(key)))));
        if (fields.get("custom") instanceof Map<?, ?> custom) {
            custom.forEach((key, value) -> facts.add(new Fact(String.valueOf(key), String.valueOf(value))));
        }
        return facts;
    }
}
