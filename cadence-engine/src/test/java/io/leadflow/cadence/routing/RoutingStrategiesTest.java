package io.leadflow.cadence.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.lead.LeadReceivedConsumer;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class RoutingStrategiesTest {

    private static final Map<String, Object> NINE_TO_FIVE_EVERY_DAY = Map.of("workingHours",
            Map.of("monday", nineToFive(), "tuesday", nineToFive(), "wednesday", nineToFive(), "thursday", nineToFive(),
                    "friday", nineToFive(), "saturday", nineToFive(), "sunday", nineToFive()));

    @Inject
    LeadReceivedConsumer consumer;

    @Inject
    Clock clock;

    @Test
    void shouldSplitASourcesLeadsByWeightAndSayWhy() {
        String team = TestTeams.team("Weighted");
        TestTeams.rep(team, "Alice Weighted", Map.of("weight", 3));
        TestTeams.rep(team, "Bob Weighted", Map.of("weight", 1));
        String source = TestTeams.source(Map.of("routing", "weighted", "teamId", team));

        List<JsonPath> routed = IntStream.range(0, 8).mapToObj(i -> route(TestLeads.inDaytime(true, source))).toList();

        assertThat(routed).extracting(lead -> lead.getString("assignedRep.name"))
                .filteredOn("Alice Weighted"::equals).hasSize(6);
        assertThat(routed).extracting(lead -> lead.getString("assignedRep.why"))
                .containsOnly("weighted: Alice Weighted weight 3 of 4", "weighted: Bob Weighted weight 1 of 4");
        assertThat(routed.get(0).getString("timeline.find { it.kind == 'assigned' }.reason"))
                .startsWith("weighted: ");
    }

    @Test
    void shouldSkipRepsWhoAreOffOrOutsideTheirHoursAndFallBackToOnCall() {
        String team = TestTeams.team("Available");
        TestTeams.rep(team, "Bob Off", Map.of("on", false));
        TestTeams.rep(team, "Carol Asleep", hoursWhereItIs(0));
        TestTeams.rep(team, "Dave Awake", hoursWhereItIs(12));
        String source = TestTeams.source(Map.of("routing", "availability", "teamId", team));

        JsonPath first = route(TestLeads.inDaytime(true, source));
        // Dave was assigned last now, so the rotation asks Bob and Carol first
        JsonPath second = route(TestLeads.inDaytime(true, source));

        assertThat(first.getString("assignedRep.name")).isEqualTo("Dave Awake");
        assertThat(second.getString("assignedRep.name")).isEqualTo("Dave Awake");
        assertThat(second.getString("assignedRep.why")).startsWith("availability: ").endsWith(" → Dave Awake")
                .contains("Bob Off off", "Carol Asleep outside hours");

        String nightTeam = TestTeams.team("Night");
        TestTeams.rep(nightTeam, "Erin Asleep", hoursWhereItIs(0));
        String onCall = TestTeams.rep(nightTeam, "Olive On-Call", hoursWhereItIs(0));
        TestTeams.putTeam(nightTeam, Map.of("name", "Night", "onCallRepId", onCall));
        String nightSource = TestTeams.source(Map.of("routing", "availability", "teamId", nightTeam));

        JsonPath nightLead = route(TestLeads.inDaytime(true, nightSource));

        assertThat(nightLead.getString("assignedRep.name")).isEqualTo("Olive On-Call");
        assertThat(nightLead.getString("assignedRep.why")).endsWith("→ on-call Olive On-Call");
    }

    @Test
    void shouldEscalateAnAvailabilitySourcesLeadPastRepsOutsideTheirHoursToTheOnCallRep() {
        String team = TestTeams.team("Escalating");
        TestTeams.rep(team, "Ann Awake", hoursWhereItIs(12));
        TestTeams.rep(team, "Carl Asleep", hoursWhereItIs(0));
        String onCall = TestTeams.rep(team, "Otto On-Call", hoursWhereItIs(0));
        TestTeams.putTeam(team, Map.of("name", "Escalating", "onCallRepId", onCall));
        String source = TestTeams.source(Map.of("routing", "availability", "teamId", team, "claimSla", "PT1S",
                "maxFallbacks", 1));

        LeadReceived lead = TestLeads.inDaytime(true, source);
        assertThat(route(lead).getString("assignedRep.name")).isEqualTo("Ann Awake");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(TestTeams.timeline(lead.leadId())
                .getString("assignedRep.why")).startsWith("escalation: Ann Awake did not claim it within 1 s; availability: ")
                .endsWith("→ on-call Otto On-Call").contains("Carl Asleep outside hours"));
    }

    @Test
    void shouldSendALeadWhosePostalCodeMatchesARuleToThatTeam() {
        String south = TestTeams.team("South");
        TestTeams.rep(south, "Sam South", Map.of());
        String source = TestTeams.source(Map.of("routing", "rules",
                "routingRules", List.of(Map.of("postalPrefix", "331", "teamId", south))));
        LeadReceived lead = TestLeads.inDaytime(true, source);
        var interest = new LeadReceived.Interest("Oak Ridge", null, null, null, null, null, Map.of("zip", "33101"));

        JsonPath routed = route(new LeadReceived(lead.leadId(), source, lead.receivedAt(), false, lead.contact(),
                lead.timeZone(), lead.message(), interest, lead.utm(), lead.consent()));

        assertThat(routed.getString("assignedRep.why"))
                .isEqualTo("rules: postal 331* → team South; round-robin: Sam South next in South");
    }

    @Test
    void shouldRefuseRoutingSettingsNamingEveryBadField() {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("claimSla", "PT1H", "routing", "random", "teamId", "no-such-team",
                        "routingRules", List.of(Map.of("postalPrefix", "331", "teamId", "no-such-team", "repId", UUID.randomUUID()))))
                .when().put("/api/sources/{id}/cadence-settings", "bad-routing")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", containsInAnyOrder("routing", "teamId", "routingRules[0]",
                        "routingRules[0].repId", "routingRules[0].teamId"));
    }

    /** Working hours 09:00-17:00 every day, in a zone where it is about {@code hour}:00 by the engine's clock. */
    private Map<String, Object> hoursWhereItIs(int hour) {
        int utcHour = clock.instant().atZone(ZoneOffset.UTC).getHour();
        int offset = Math.floorMod(hour - utcHour + 12, 24) - 12;
        Map<String, Object> rep = new HashMap<>(NINE_TO_FIVE_EVERY_DAY);
        rep.put("timeZone", ZoneOffset.ofHours(offset).getId());
        return rep;
    }

    private static Map<String, String> nineToFive() {
        return Map.of("from", "09:00", "to", "17:00");
    }

    /** Registers the lead as leads.received would and answers its timeline. */
    private JsonPath route(LeadReceived lead) {
        consumer.onLeadReceived(lead);
        return TestTeams.timeline(lead.leadId());
    }
}
