package io.leadflow.cadence.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;

class RepPicksTest {

    // a Monday: 14:00 UTC is 09:00 in New York (EST) and 06:00 in Los Angeles
    private static final Instant MONDAY_14_UTC = Instant.parse("2026-12-07T14:00:00Z");
    private static final WorkingHours NINE_TO_FIVE_MONDAYS = new WorkingHours(
            Map.of(DayOfWeek.MONDAY, new WorkingHours.Shift(LocalTime.of(9, 0), LocalTime.of(17, 0))));

    @Test
    void shouldSplitTenThousandWeightedAssignmentsWithinOnePercentOfTheWeights() {
        List<Rep> reps = List.of(rep("Alice", 1), rep("Bob", 2), rep("Carol", 3), rep("Dave", 7), rep("Erin", 37));
        int total = reps.stream().mapToInt(rep -> rep.weight).sum();

        Map<String, Long> picks = IntStream.range(0, 10_000)
                .mapToObj(i -> RepPicks.weighted(reps).orElseThrow().rep().name)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));

        for (Rep rep : reps) {
            double expected = 10_000.0 * rep.weight / total;
            assertThat((double) picks.get(rep.name)).as(rep.name).isCloseTo(expected, within(expected * 0.01));
        }
    }

    @Test
    void shouldSpreadAHeavyRepsPicksInsteadOfGivingThemAllAtOnce() {
        List<Rep> reps = List.of(rep("Alice", 1), rep("Bob", 1), rep("Carol", 3));
        List<String> order = IntStream.range(0, 5).mapToObj(i -> RepPicks.weighted(reps).orElseThrow().rep().name).toList();

        assertThat(order).containsOnlyOnce("Alice", "Bob").filteredOn("Carol"::equals).hasSize(3);
        assertThat(String.join(",", order)).doesNotContain("Carol,Carol,Carol");
    }

    @Test
    void shouldSayWhichWeightOfWhatTotalAndLeaveOutRepsWhoAreOff() {
        Rep off = rep("Bob", 50);
        off.onDuty = false;
        List<Rep> reps = List.of(rep("Alice", 3), off, rep("Carol", 3));

        assertThat(IntStream.range(0, 10).mapToObj(i -> RepPicks.weighted(reps).orElseThrow()))
                .allSatisfy(pick -> assertThat(pick.reason()).matches("weighted: (Alice|Carol) weight 3 of 6"))
                .extracting(pick -> pick.rep().name).doesNotContain("Bob");
        assertThat(RepPicks.weighted(List.of(off))).isEmpty();
    }

    @Test
    void shouldGiveTheLeadToTheFirstRepOfTheRotationWhoIsOn() {
        Rep off = rep("Bob", 1);
        off.onDuty = false;

        assertThat(RepPicks.roundRobin(List.of(off, rep("Carol", 1)), "South").orElseThrow().reason())
                .isEqualTo("round-robin: Carol next in South");
    }

    @Test
    void shouldSkipRepsWhoAreOffOrOutsideTheirHoursInTheirOwnTimeZone() {
        Rep bob = rep("Bob", 1);
        bob.onDuty = false;
        Rep carol = inHours(rep("Carol", 1), "America/Los_Angeles");
        Rep dave = inHours(rep("Dave", 1), "America/New_York");

        RepPicks.Pick pick = RepPicks.available(List.of(bob, carol, dave), MONDAY_14_UTC, null, null).orElseThrow();

        assertThat(pick.rep()).isSameAs(dave);
        assertThat(pick.reason()).isEqualTo("availability: Bob off, Carol outside hours → Dave");
        assertThat(RepPicks.whyUnavailable(dave, MONDAY_14_UTC.minusSeconds(1))).contains("outside hours");
        assertThat(RepPicks.whyUnavailable(dave, MONDAY_14_UTC.plusSeconds(8 * 3600 - 1))).isEmpty();
    }

    @Test
    void shouldFallBackToTheOnCallRepThenTheManagerWhenNobodyIsAvailable() {
        Rep carol = inHours(rep("Carol", 1), "America/Los_Angeles");
        Rep onCall = rep("Olive", 1);
        Rep manager = rep("Morgan", 1);

        assertThat(RepPicks.available(List.of(carol), MONDAY_14_UTC, onCall, manager).orElseThrow().reason())
                .isEqualTo("availability: Carol outside hours → on-call Olive");
        assertThat(RepPicks.available(List.of(carol), MONDAY_14_UTC, null, manager).orElseThrow().reason())
                .isEqualTo("availability: Carol outside hours → manager Morgan");
        assertThat(RepPicks.available(List.of(carol), MONDAY_14_UTC, null, null)).isEmpty();
    }

    @Test
    void shouldMatchTheFirstRuleByPostalPrefixSourceAndInterest() {
        var interest = new LeadReceived.Interest("Oak Ridge", null, null, null, null, null, Map.of("ZIP code", "33101"));
        LeadFacts lead = LeadFacts.of("web", interest);
        RoutingRule otherSource = new RoutingRule("331", "facebook", null, null, "south");
        RoutingRule south = new RoutingRule("331", null, "oak ridge", null, "south");

        assertThat(lead.postalCode()).isEqualTo("33101");
        assertThat(otherSource.matches(lead)).isFalse();
        assertThat(south.matches(lead)).isTrue();
        assertThat(south.describe()).isEqualTo("postal 331*, interest oak ridge");
        assertThat(new RoutingRule("100", null, null, UUID.randomUUID(), null).matches(lead)).isFalse();
        assertThat(new RoutingRule(null, null, null, null, "any").matches(LeadFacts.of("web", null))).isTrue();
    }

    @Test
    void shouldRouteOnThePostalCodeFieldElseOnTheCustomAnswerOfAnOlderLead() {
        LeadReceived older = TestLeads.inDaytime(true);
        var zipAnswer = new LeadReceived.Interest("Oak Ridge", null, null, null, null, null, Map.of("zip", "10001"));
        older = new LeadReceived(older.leadId(), older.sourceId(), older.receivedAt(), false, older.contact(),
                older.timeZone(), null, zipAnswer, Map.of(), older.consent());
        LeadReceived withField = TestLeads.at(older, "+13055550123", "33101-1234");
        RoutingRule south = new RoutingRule("331", null, null, null, "south");

        assertThat(LeadFacts.of(older).postalCode()).isEqualTo("10001");
        assertThat(south.matches(LeadFacts.of(older))).isFalse();
        assertThat(LeadFacts.of(withField).postalCode()).isEqualTo("33101-1234");
        assertThat(south.matches(LeadFacts.of(withField))).isTrue();
    }

    private static Rep rep(String name, int weight) {
        Rep rep = Rep.create(name, null, null, Instant.EPOCH);
        rep.weight = weight;
        return rep;
    }

    private static Rep inHours(Rep rep, String zone) {
        rep.timeZone = zone;
        rep.workingHours = NINE_TO_FIVE_MONDAYS;
        return rep;
    }
}
