package io.leadflow.bench.records;

import io.leadflow.bench.load.PostedLead;
import io.leadflow.bench.sinks.SinkMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Joins what the client posted, what the engine recorded and what the sinks received, per lead. */
public final class LeadOutcomes {

    /** An immediate touch placed later than this after receipt waits for the lead's contact window. */
    private static final Duration IMMEDIATE = Duration.ofSeconds(5);

    private final List<LeadOutcome> outcomes;
    private final int duplicateMessages;

    private LeadOutcomes(List<LeadOutcome> outcomes, int duplicateMessages) {
        this.outcomes = outcomes;
        this.duplicateMessages = duplicateMessages;
    }

    public static LeadOutcomes of(List<PostedLead> accepted, List<RecordedLead> leads, List<RecordedTouch> touches,
                                  List<SinkMessage> messages) {
        Map<String, RecordedLead> leadsById = leads.stream().collect(Collectors.toMap(RecordedLead::leadId, Function.identity()));
        Map<String, List<RecordedTouch>> touchesByLead = touches.stream().filter(RecordedTouch::immediate)
                .collect(Collectors.groupingBy(RecordedTouch::leadId));
        Map<String, List<SinkMessage>> messagesByTouch = new HashMap<>();
        for (SinkMessage message : messages) {
            if (message.touchId() != null) {
                messagesByTouch.computeIfAbsent(message.touchId(), unused -> new ArrayList<>()).add(message);
            }
        }
        int duplicates = messagesByTouch.values().stream().mapToInt(sent -> sent.size() - 1).sum();
        List<LeadOutcome> outcomes = new ArrayList<>();
        for (PostedLead posted : accepted) {
            RecordedLead recorded = leadsById.get(posted.leadId());
            List<RecordedTouch> immediate = touchesByLead.getOrDefault(posted.leadId(), List.of());
            Instant firstLeadMessage = null;
            Instant lastExpected = null;
            int expected = 0;
            int delivered = 0;
            int failed = 0;
            for (RecordedTouch touch : immediate) {
                if (touch.status().equals("SKIPPED") || recorded == null
                        || touch.dueAt().isAfter(recorded.receivedAt().plus(IMMEDIATE))) {
                    continue;
                }
                expected++;
                if (touch.status().equals("FAILED")) {
                    failed++;
                }
                List<SinkMessage> sent = messagesByTouch.get(touch.touchId());
                if (sent == null) {
                    continue;
                }
                delivered++;
                Instant at = sent.get(0).receivedAt();
                lastExpected = lastExpected == null || at.isAfter(lastExpected) ? at : lastExpected;
                if (touch.audience().equals("lead") && (firstLeadMessage == null || at.isBefore(firstLeadMessage))) {
                    firstLeadMessage = at;
                }
            }
            boolean complete = recorded != null && expected > 0 && delivered == expected;
            outcomes.add(new LeadOutcome(posted, recorded, firstLeadMessage, complete ? lastExpected : null,
                    expected, delivered, failed));
        }
        return new LeadOutcomes(outcomes, duplicates);
    }

    public List<LeadOutcome> all() {
        return outcomes;
    }

    public long complete() {
        return outcomes.stream().filter(LeadOutcome::complete).count();
    }

    /** Leads for which cadence-engine has stored both speed figures (it records them from the notifier's results). */
    public long speedsRecorded() {
        return outcomes.stream().filter(outcome -> outcome.recorded() != null && outcome.recorded().speedToFirstTouchMs() != null
                && outcome.recorded().speedToRepAlertMs() != null).count();
    }

    public int failedTouches() {
        return outcomes.stream().mapToInt(LeadOutcome::failedTouches).sum();
    }

    /** Messages beyond the first for the same touch, across all sinks. */
    public int duplicateMessages() {
        return duplicateMessages;
    }
}
