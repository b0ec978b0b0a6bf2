package io.leadflow.bench.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class DeliveryCheckerTest {

    @Test
    void shouldNameThePlantedDuplicateLostLeadAndNightSms() {
        List<Invariant> found = CheckerSelfTest.checkPlanted();

        assertThat(CheckerSelfTest.missedPlants(found)).isEmpty();
    }

    @Test
    void shouldPassTheCleanLeadOfThePlantedRecording() {
        Recording planted = CheckerSelfTest.planted();
        String leadA = planted.accepted().get(0).leadId();
        Recording clean = new Recording(List.of(planted.accepted().get(0)), 0, Set.of(leadA),
                planted.touches().stream().filter(touch -> touch.leadId().equals(leadA)).toList(),
                planted.messages().subList(0, 4), List.of(), 0, 12, planted.checkedAt(), Map.of());

        List<Invariant> found = new DeliveryChecker(LocalTime.of(8, 0), LocalTime.of(21, 0)).check(clean);

        assertThat(found).allSatisfy(invariant -> assertThat(invariant.violations()).as(invariant.name()).isEmpty());
        assertThat(found).filteredOn(invariant -> invariant.name().startsWith("every immediate touch"))
                .singleElement().extracting(Invariant::checked).isEqualTo(4);
    }
}
