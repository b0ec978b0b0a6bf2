package io.leadflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.bench.sinks.SinkMessage;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryCheckerTest {

    @Test
    void shouldNameThePlantedDuplicateLostLeadNightSmsAndTextAfterStop() {
        List<Invariant> found = CheckerSelfTest.checkPlanted();

        assertThat(CheckerSelfTest.missedPlants(found)).isEmpty();
    }

    @Test
    void shouldPassTheCleanLeadOfThePlantedRecording() {
        Recording planted = CheckerSelfTest.planted();
        String leadA = planted.accepted().get(0).leadId();
        Recording clean = new Recording(List.of(planted.accepted().get(0)), 0, Set.of(leadA),
                planted.touches().stream().filter(touch -> touch.leadId().equals(leadA)).toList(),
                planted.messages().subList(0, 4), List.of(), List.of(), 0, 12, planted.checkedAt(), Map.of());

        List<Invariant> found = new DeliveryChecker(LocalTime.of(8, 0), LocalTime.of(21, 0)).check(clean);

        assertThat(found).allSatisfy(invariant -> assertThat(invariant.violations()).as(invariant.name()).isEmpty());
        assertThat(found).filteredOn(invariant -> invariant.name().startsWith("every immediate touch"))
                .singleElement().extracting(Invariant::checked).isEqualTo(4);
    }

    @Test
    void shouldTakeOneConfirmationOfAStopDeliveredTwiceButNotTwo() {
        Recording planted = CheckerSelfTest.planted();
        String leadA = planted.accepted().get(0).leadId();
        String phoneA = planted.accepted().get(0).phoneE164();
        Instant afterItsTexts = planted.messages().get(3).receivedAt().plusSeconds(5);
        List<SinkMessage> messages = new ArrayList<>(planted.messages().subList(0, 4));
        messages.add(new SinkMessage(null, "sms", List.of(phoneA), afterItsTexts.plusMillis(100)));
        Recording.OptOut stop = new Recording.OptOut(leadA, phoneA, afterItsTexts, 200, 200);
        Recording confirmedOnce = new Recording(List.of(planted.accepted().get(0)), 0, Set.of(leadA),
                planted.touches().stream().filter(touch -> touch.leadId().equals(leadA)).toList(),
                List.copyOf(messages), List.of(), List.of(stop), 0, 12, planted.checkedAt(), Map.of());
        messages.add(new SinkMessage(null, "sms", List.of(phoneA), afterItsTexts.plusMillis(300)));
        Recording confirmedTwice = new Recording(confirmedOnce.accepted(), 0, confirmedOnce.recordedLeadIds(),
                confirmedOnce.touches(), messages, List.of(), List.of(stop), 0, 12, planted.checkedAt(), Map.of());
        DeliveryChecker checker = new DeliveryChecker(LocalTime.of(8, 0), LocalTime.of(21, 0));

        assertThat(checker.check(confirmedOnce)).allSatisfy(invariant -> assertThat(invariant.violations()).as(invariant.name()).isEmpty());
        assertThat(checker.check(confirmedTwice)).filteredOn(invariant -> !invariant.holds()).singleElement()
                .satisfies(invariant -> assertThat(invariant.violations()).singleElement().asString()
                        .contains("STOP of lead " + leadA + " was confirmed 2 times"));
    }
}
