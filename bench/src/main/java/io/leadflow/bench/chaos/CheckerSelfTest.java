package io.leadflow.bench.chaos;

import io.leadflow.bench.records.RecordedTouch;
import io.leadflow.bench.sinks.SinkMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./leadflow chaos --self-test}: the checker must fail on a recording with one planted
 * duplicate, one lost lead, one SMS outside the contact window and one text after a STOP, and name
 * each (and take the STOP's one confirmation, which names no touch, for what it is).
 */
public final class CheckerSelfTest {

    static final String DUPLICATED_TOUCH = "00000000-0000-0000-0000-0000000000a3";
    static final String LOST_LEAD = "00000000-0000-0000-0000-00000000000b";
    static final String NIGHT_SMS_TOUCH = "00000000-0000-0000-0000-0000000000c2";
    static final String TEXT_AFTER_STOP_TOUCH = "00000000-0000-0000-0000-0000000000d2";

    private CheckerSelfTest() {
    }

    /** What the checker found in the planted recording. */
    public static List<Invariant> checkPlanted() {
        return new DeliveryChecker(LocalTime.of(8, 0), LocalTime.of(21, 0)).check(planted());
    }

    /** The planted faults the checker did not name; empty when the self-test passes. */
    public static List<String> missedPlants(List<Invariant> found) {
        List<String> missed = new ArrayList<>();
        expect(found, DUPLICATED_TOUCH, "zero duplicate messages per touch", "the duplicate message", missed);
        expect(found, LOST_LEAD, "every accepted lead is recorded (zero lost)", "the lost lead", missed);
        expect(found, NIGHT_SMS_TOUCH, "zero SMS or calls outside the lead's contact window", "the SMS at 23:00", missed);
        expect(found, TEXT_AFTER_STOP_TOUCH, "zero texts to a number after its STOP took effect (one confirmation each)",
                "the text after a STOP", missed);
        long broken = found.stream().filter(invariant -> !invariant.holds()).count();
        if (broken != 4) {
            missed.add("expected exactly 4 broken invariants, found " + broken);
        }
        return missed;
    }

    private static void expect(List<Invariant> found, String id, String invariant, String plant, List<String> missed) {
        boolean named = found.stream().filter(candidate -> candidate.name().equals(invariant))
                .flatMap(candidate -> candidate.violations().stream()).anyMatch(violation -> violation.contains(id));
        if (!named) {
            missed.add(plant + " (" + id + ") was not reported under \"" + invariant + "\"");
        }
    }

    /**
     * Lead A is clean apart from its first email, which reached the mail catcher twice; lead B got a
     * 202 but the engine never recorded it; lead C's first SMS arrived at 23:00 its local time; lead D
     * texted STOP, was confirmed once (allowed), and its first text came 60 ms after the STOP took effect.
     */
    static Recording planted() {
        Instant noon = Instant.parse("2026-01-15T12:00:00Z");
        Instant elevenPm = Instant.parse("2026-01-15T23:00:00Z");
        String leadA = "00000000-0000-0000-0000-00000000000a";
        String leadC = "00000000-0000-0000-0000-00000000000c";
        String leadD = "00000000-0000-0000-0000-00000000000d";
        List<RecordedTouch> touches = new ArrayList<>();
        List<SinkMessage> messages = new ArrayList<>();
        plan(leadA, "a", "+447911000001", noon, touches, messages);
        plan(leadC, "c", "+447911000003", elevenPm.minusMillis(40), touches, messages);
        plan(leadD, "d", "+447911000004", noon, touches, messages);
        messages.add(new SinkMessage(DUPLICATED_TOUCH, "email", List.of("a@example.com"), noon.plusMillis(900)));
        // the STOP's confirmation: the notifier's status callback names an id of its own, no planned touch
        messages.add(new SinkMessage("00000000-0000-0000-0000-0000000000f1", "sms", List.of("+447911000004"), noon.minusMillis(30)));
        return new Recording(
                List.of(new Recording.AcceptedLead(leadA, "+447911000001", "a@example.com", "Europe/London", false),
                        new Recording.AcceptedLead(LOST_LEAD, "+447911000002", "b@example.com", "Europe/London", false),
                        new Recording.AcceptedLead(leadC, "+447911000003", "c@example.com", "Europe/London", false),
                        new Recording.AcceptedLead(leadD, "+447911000004", "d@example.com", "Europe/London", false)),
                0, Set.of(leadA, leadC, leadD), touches, messages, List.of(),
                List.of(new Recording.OptOut(leadD, "+447911000004", noon.minusMillis(20), 200, 200)),
                0, 12, elevenPm.plusSeconds(60), Map.of());
    }

    /** The four immediate touches of the default playbook, each received once, 40 ms after receipt. */
    private static void plan(String leadId, String letter, String phone, Instant receivedAt, List<RecordedTouch> touches,
                             List<SinkMessage> messages) {
        String[][] steps = {{"1", "rep", "sms"}, {"2", "lead", "sms"}, {"3", "lead", "email"}, {"4", "rep", "email"}};
        for (String[] step : steps) {
            String touchId = "00000000-0000-0000-0000-0000000000" + letter + step[0];
            String to = step[1].equals("rep") ? "+15005550001" : step[2].equals("sms") ? phone : letter + "@example.com";
            touches.add(new RecordedTouch(touchId, leadId, step[1], step[2], "ACCEPTED", null, receivedAt, true, "accepted"));
            messages.add(new SinkMessage(touchId, step[2], List.of(to), receivedAt.plusMillis(40)));
        }
    }
}
