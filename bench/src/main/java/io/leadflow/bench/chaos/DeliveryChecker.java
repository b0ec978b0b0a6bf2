package io.leadflow.bench.chaos;

import io.leadflow.bench.load.LoadGenerator;
import io.leadflow.bench.records.RecordedTouch;
import io.leadflow.bench.sinks.SinkMessage;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Checks a chaos {@link Recording} against the delivery promises: no accepted lead lost, each
 * immediate touch at a sink exactly once (or a failure with its reason, or listed as in doubt),
 * no message twice, no message the engine does not know, no SMS or call outside the lead's
 * contact window, no text to a number after its STOP took effect (apart from one confirmation),
 * and a lead posted twice keeps its id.
 */
public final class DeliveryChecker {

    private static final Set<String> WINDOWED_CHANNELS = Set.of("call_task", "voicemail_task");

    private final LocalTime windowOpens;
    private final LocalTime windowCloses;

    /** The contact window the engine runs with (its default is 08:00–21:00). */
    public DeliveryChecker(LocalTime windowOpens, LocalTime windowCloses) {
        this.windowOpens = windowOpens;
        this.windowCloses = windowCloses;
    }

    public List<Invariant> check(Recording recording) {
        Map<String, RecordedTouch> touchesById = recording.touches().stream()
                .collect(Collectors.toMap(RecordedTouch::touchId, Function.identity()));
        Map<String, List<SinkMessage>> messagesByTouch = new HashMap<>();
        Set<String> stoppedPhones = recording.optOuts().stream().map(Recording.OptOut::phoneE164).collect(Collectors.toSet());
        List<SinkMessage> unattributed = new ArrayList<>();
        for (SinkMessage message : recording.messages()) {
            if (isOptOutConfirmation(message, stoppedPhones, touchesById)) {
                continue; // checked with the opt-outs
            }
            if (message.touchId() == null || !touchesById.containsKey(message.touchId())) {
                unattributed.add(message);
            } else {
                messagesByTouch.computeIfAbsent(message.touchId(), unused -> new ArrayList<>()).add(message);
            }
        }
        List<Invariant> invariants = new ArrayList<>();
        invariants.add(noLeadLost(recording));
        invariants.add(immediateTouchesDelivered(recording, messagesByTouch));
        invariants.add(noDuplicateMessages(messagesByTouch, touchesById));
        invariants.add(noUnknownMessages(unattributed, recording.messages().size()));
        invariants.add(contactWindowKept(recording, messagesByTouch, touchesById));
        invariants.add(noTextsAfterOptOut(recording, touchesById));
        invariants.add(failuresHaveReasons(recording));
        invariants.add(duplicatePostsKeepTheirId(recording.duplicatePosts()));
        return invariants;
    }

    private static Invariant noLeadLost(Recording recording) {
        List<String> lost = recording.accepted().stream()
                .filter(lead -> !recording.recordedLeadIds().contains(lead.leadId()))
                .map(lead -> "lead " + lead.leadId() + " was accepted (202) but cadence-engine has no record of it")
                .toList();
        long unconsumed = recording.queues().getOrDefault("consumerLag", Map.of()).entrySet().stream()
                .filter(lag -> lag.getKey().endsWith("/ leads.received")).mapToLong(Map.Entry::getValue).sum();
        List<String> late = unconsumed > 0 && !lost.isEmpty()
                ? List.of(unconsumed + " records were still unconsumed on leads.received when checked: leads above may be late rather than lost")
                : List.of();
        return new Invariant("every accepted lead is recorded (zero lost)", recording.accepted().size(), lost, late);
    }

    private static Invariant immediateTouchesDelivered(Recording recording, Map<String, List<SinkMessage>> messagesByTouch) {
        Map<String, List<RecordedTouch>> immediateByLead = recording.touches().stream().filter(RecordedTouch::immediate)
                .collect(Collectors.groupingBy(RecordedTouch::leadId));
        List<String> violations = new ArrayList<>();
        List<String> inDoubt = new ArrayList<>();
        int checked = 0;
        for (Recording.AcceptedLead lead : recording.accepted()) {
            if (!recording.recordedLeadIds().contains(lead.leadId())) {
                continue; // reported as lost
            }
            List<RecordedTouch> immediate = immediateByLead.getOrDefault(lead.leadId(), List.of());
            if (immediate.isEmpty()) {
                violations.add("lead " + lead.leadId() + " has no immediate touches planned");
            }
            for (RecordedTouch touch : immediate) {
                if (touch.status().equals("SKIPPED") || touch.dueAt().isAfter(recording.checkedAt())) {
                    continue; // skipped with its reason, or waiting for the contact window
                }
                checked++;
                if (messagesByTouch.containsKey(touch.touchId()) || touch.status().equals("FAILED")) {
                    continue;
                }
                String what = describe(touch);
                if ("sending".equals(touch.deliveryStatus())) {
                    inDoubt.add(what + " is in doubt (the notifier died during the send)");
                } else {
                    violations.add(what + " never reached a sink (engine status " + touch.status()
                            + ", delivery " + touch.deliveryStatus() + ")");
                }
            }
        }
        int bound = recording.notifierKills() * recording.sendsInFlightPerNotifier();
        if (inDoubt.size() > bound) {
            violations.add(inDoubt.size() + " sends in doubt, more than notifier kills × sends in flight = " + bound);
        }
        long unconsumed = recording.queues().getOrDefault("consumerLag", Map.of()).entrySet().stream()
                .filter(lag -> lag.getKey().endsWith("/ touches.due.priority")).mapToLong(Map.Entry::getValue).sum();
        if (unconsumed > 0 && !violations.isEmpty()) {
            inDoubt.add(0, unconsumed + " records were still unconsumed on touches.due.priority when checked: "
                    + "touches among those above may be late rather than lost");
        }
        return new Invariant("every immediate touch of an accepted lead reached a sink, failed with a reason, or is listed in doubt",
                checked, violations, inDoubt);
    }

    private static Invariant noDuplicateMessages(Map<String, List<SinkMessage>> messagesByTouch, Map<String, RecordedTouch> touches) {
        List<String> duplicates = messagesByTouch.entrySet().stream().filter(sent -> sent.getValue().size() > 1)
                .map(sent -> describe(touches.get(sent.getKey())) + " reached the " + sent.getValue().get(0).transport()
                        + " sink " + sent.getValue().size() + " times")
                .toList();
        return new Invariant("zero duplicate messages per touch", messagesByTouch.size(), duplicates, List.of());
    }

    private static Invariant noUnknownMessages(List<SinkMessage> unattributed, int messages) {
        List<String> unknown = unattributed.stream()
                .map(message -> message.transport() + " at " + message.receivedAt() + " for "
                        + (message.touchId() == null ? "no touch id" : "unknown touch " + message.touchId()))
                .toList();
        return new Invariant("every message at a sink belongs to a touch the engine planned", messages, unknown, List.of());
    }

    private Invariant contactWindowKept(Recording recording, Map<String, List<SinkMessage>> messagesByTouch,
                                        Map<String, RecordedTouch> touches) {
        Map<String, Recording.AcceptedLead> leads = recording.accepted().stream()
                .collect(Collectors.toMap(Recording.AcceptedLead::leadId, Function.identity(), (a, b) -> a));
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (var sent : messagesByTouch.entrySet()) {
            RecordedTouch touch = touches.get(sent.getKey());
            boolean smsToLead = touch.audience().equals("lead") && touch.channel().equals("sms");
            Recording.AcceptedLead lead = leads.get(touch.leadId());
            if (lead == null || !(smsToLead || WINDOWED_CHANNELS.contains(touch.channel()))) {
                continue;
            }
            for (SinkMessage message : sent.getValue()) {
                checked++;
                LocalTime local = message.receivedAt().atZone(ZoneId.of(lead.timeZone())).toLocalTime();
                if (local.isBefore(windowOpens) || !local.isBefore(windowCloses)) {
                    violations.add(describe(touch) + " reached the " + message.transport() + " sink at " + local
                            + " in " + lead.timeZone() + (lead.night() ? " (a night lead)" : "")
                            + ", outside " + windowOpens + "–" + windowCloses);
                }
            }
        }
        return new Invariant("zero SMS or calls outside the lead's contact window", checked, violations, List.of());
    }

    /**
     * The confirmation of a STOP belongs to no planned touch: the notifier sends it outside the touch
     * flow (with an id of its own in the status callback, or none).
     */
    private static boolean isOptOutConfirmation(SinkMessage message, Set<String> stoppedPhones, Map<String, RecordedTouch> touches) {
        return !isPlanned(message, touches) && message.transport().equals("sms") && message.to().stream().anyMatch(stoppedPhones::contains);
    }

    private static boolean isPlanned(SinkMessage message, Map<String, RecordedTouch> touches) {
        return message.touchId() != null && touches.containsKey(message.touchId());
    }

    private static Invariant noTextsAfterOptOut(Recording recording, Map<String, RecordedTouch> touches) {
        List<String> violations = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        int checked = 0;
        for (Recording.OptOut optOut : recording.optOuts()) {
            if (!optOut.tookEffect()) {
                listed.add("the STOP of lead " + optOut.leadId() + " was never answered 200 (last answer " + optOut.status()
                        + "): not opted out");
                continue;
            }
            checked++;
            List<SinkMessage> texts = recording.messages().stream()
                    .filter(message -> message.transport().equals("sms") && message.to().contains(optOut.phoneE164())).toList();
            for (SinkMessage text : texts) {
                if (isPlanned(text, touches) && !text.receivedAt().isBefore(optOut.answeredAt())) {
                    RecordedTouch touch = touches.get(text.touchId());
                    violations.add((touch == null ? "touch " + text.touchId() : describe(touch)) + " reached the SMS sink "
                            + Duration.between(optOut.answeredAt(), text.receivedAt()).toMillis()
                            + " ms after the STOP of lead " + optOut.leadId() + " took effect");
                }
            }
            long confirmations = texts.stream().filter(text -> !isPlanned(text, touches)).count();
            if (confirmations > 1) {
                violations.add("the STOP of lead " + optOut.leadId() + " was confirmed " + confirmations + " times");
            } else if (confirmations == 0) {
                listed.add("the STOP of lead " + optOut.leadId() + " took effect but no confirmation reached the SMS sink");
            }
            if (optOut.repeatStatus() != 200) {
                listed.add("the same STOP of lead " + optOut.leadId() + " delivered again was answered " + optOut.repeatStatus());
            }
        }
        return new Invariant("zero texts to a number after its STOP took effect (one confirmation each)", checked, violations, listed);
    }

    private static Invariant failuresHaveReasons(Recording recording) {
        List<RecordedTouch> failed = recording.touches().stream().filter(touch -> touch.status().equals("FAILED")).toList();
        List<String> withoutReason = failed.stream().filter(touch -> touch.statusReason() == null || touch.statusReason().isBlank())
                .map(touch -> describe(touch) + " failed without a reason on the timeline").toList();
        List<String> listed = failed.stream().filter(touch -> touch.statusReason() != null && !touch.statusReason().isBlank())
                .map(touch -> describe(touch) + " failed: " + touch.statusReason()).toList();
        return new Invariant("every failed touch has its reason on the timeline", failed.size(), withoutReason, listed);
    }

    private static Invariant duplicatePostsKeepTheirId(List<LoadGenerator.Duplicate> duplicates) {
        List<String> violations = duplicates.stream().filter(duplicate -> duplicate.status() == 202 && !duplicate.keptItsId())
                .map(duplicate -> "lead " + duplicate.leadId() + " posted again with its Idempotency-Key got lead id "
                        + duplicate.secondLeadId())
                .toList();
        List<String> unanswered = duplicates.stream().filter(duplicate -> duplicate.status() != 202)
                .map(duplicate -> "second post of lead " + duplicate.leadId() + " answered " + duplicate.status()
                        + " (during a fault; not a duplicate)")
                .toList();
        return new Invariant("a lead posted twice with its Idempotency-Key keeps its lead id", duplicates.size(), violations, unanswered);
    }

    private static String describe(RecordedTouch touch) {
        return touch.channel() + " touch " + touch.touchId() + " to the " + touch.audience() + " of lead " + touch.leadId();
    }
}
