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

import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.lead.LeadReceivedConsumer;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
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
        String source = TestTeams.source(Map.of("routing", "availability", "teamId", team, "maxFallbacks", 1));

        LeadReceived lead = TestLeads.inDaytime(true, source);
        assertThat(route(lead).getString("assignedRep.name")).isEqualTo("Ann Awake");

        assertThat(escalate(lead.leadId(), 1).getString("assignedRep.why"))
                .startsWith("escalation: Ann Awake did not claim it within 3600 s; availability: ")
                .endsWith("→ on-call Otto On-Call").contains("Carl Asleep outside hours");
    }

    @Test
    void shouldNotEscalateALeadBackToTheRepWhoWentOffWithItWhenTheyAreBack() {
        String team = TestTeams.teamManagedBy("Comeback", "Meg Comeback");
        TestTeams.rep(team, "Ada Comeback", Map.of());
        TestTeams.rep(team, "Bea Comeback", Map.of());
        LeadReceived lead = TestLeads.inDaytime(true, TestTeams.source(Map.of("teamId", team, "maxFallbacks", 2)));
        String first = route(lead).getString("assignedRep.id");
        switchOn(first, false);
        assertThat(TestTeams.timeline(lead.leadId()).getString("assignedRep.id")).isNotEqualTo(first);
        switchOn(first, true);

        JsonPath escalated = escalate(lead.leadId(), 1);

        // both reps had it (one went off with it, the other let it pass): the manager owns it, fallbacks or not
        assertThat(escalated.getString("assignedRep.name")).isEqualTo("Meg Comeback");
        assertThat(escalated.getString("timeline.find { it.kind == 'escalated' }.effect"))
                .isEqualTo("no fallbacks left: manager Meg Comeback owns it");
    }

    @Test
    void shouldEscalateAWeightedSourcesLeadByWeightPastEveryRepWhoHadItAndEndWithTheManager() {
        String team = TestTeams.teamManagedBy("Weighted Escalation", "Mia Manager");
        TestTeams.rep(team, "Ann Heavy", Map.of("weight", 3));
        TestTeams.rep(team, "Ben Light", Map.of("weight", 1));
        TestTeams.rep(team, "Cal Light", Map.of("weight", 1));
        String source = TestTeams.source(Map.of("routing", "weighted", "teamId", team, "maxFallbacks", 2));
        LeadReceived lead = TestLeads.inDaytime(true, source);
        assertThat(route(lead).getString("assignedRep.name")).isEqualTo("Ann Heavy");

        JsonPath first = escalate(lead.leadId(), 1);
        JsonPath second = escalate(lead.leadId(), 2);
        JsonPath last = escalate(lead.leadId(), 3);

        assertThat(first.getString("assignedRep.why"))
                .matches("escalation: Ann Heavy did not claim it within 3600 s; weighted: (Ben|Cal) Light weight 1 of 2");
        assertThat(second.getString("assignedRep.why"))
                .matches("escalation: (Ben|Cal) Light did not claim it within 3600 s; weighted: (Ben|Cal) Light weight 1 of 1");
        assertThat(List.of("Ann Heavy", first.getString("assignedRep.name"), second.getString("assignedRep.name")))
                .doesNotHaveDuplicates();
        assertThat(last.getString("assignedRep.name")).isEqualTo("Mia Manager");
        assertThat(last.getString("timeline.findAll { it.kind == 'escalated' }[2].effect"))
                .isEqualTo("no fallbacks left: manager Mia Manager owns it");
    }

    @Test
    void shouldEscalateARulesSourcesLeadInTheRulesTeamNeverBackToARepWhoHadItElseInTheSourcesTeam() {
        String south = TestTeams.teamManagedBy("South Escalation", "Max South");
        TestTeams.rep(south, "Sam South", Map.of());
        TestTeams.rep(south, "Sue South", Map.of());
        String home = TestTeams.team("Home");
        TestTeams.rep(home, "Hal Home", Map.of());
        String rita = TestTeams.rep(TestTeams.team("Pines"), "Rita Pines", Map.of());
        String source = TestTeams.source(Map.of("routing", "rules", "teamId", home, "maxFallbacks", 2, "routingRules",
                List.of(Map.of("postalPrefix", "331", "teamId", south), Map.of("interest", "Pine Hill", "repId", rita))));
        LeadReceived postal = withInterest(TestLeads.inDaytime(true, source),
                new LeadReceived.Interest("Oak Ridge", null, null, null, null, null, Map.of("zip", "33101")));
        LeadReceived pines = withInterest(TestLeads.inDaytime(true, source),
                new LeadReceived.Interest("Pine Hill", null, null, null, null, null, Map.of()));
        String firstRep = route(postal).getString("assignedRep.name");
        assertThat(route(pines).getString("assignedRep.why")).isEqualTo("rules: interest pine hill → Rita Pines");

        JsonPath offered = escalate(postal.leadId(), 1);
        JsonPath managed = escalate(postal.leadId(), 2);
        JsonPath pinesOffered = escalate(pines.leadId(), 1);

        String secondRep = firstRep.equals("Sam South") ? "Sue South" : "Sam South";
        assertThat(offered.getString("assignedRep.why")).isEqualTo("escalation: " + firstRep
                + " did not claim it within 3600 s; rules: postal 331* → team South Escalation; round-robin: " + secondRep
                + " next in South Escalation");
        // both of South's reps had it: the manager of the rule's team owns it, not the source's team's
        assertThat(managed.getString("assignedRep.name")).isEqualTo("Max South");
        assertThat(pinesOffered.getString("assignedRep.why")).isEqualTo("escalation: Rita Pines did not claim it within"
                + " 3600 s; rules: interest pine hill named a rep; round-robin: Hal Home next in Home");
    }

    @Test
    void shouldSendALeadWhosePostalCodeMatchesARuleToThatTeam() {
        String south = TestTeams.team("South");
        TestTeams.rep(south, "Sam South", Map.of());
        String source = TestTeams.source(Map.of("routing", "rules",
                "routingRules", List.of(Map.of("postalPrefix", "331", "teamId", south))));
        LeadReceived lead = withInterest(TestLeads.inDaytime(true, source),
                new LeadReceived.Interest("Oak Ridge", null, null, null, null, null, Map.of("zip", "33101")));

        JsonPath routed = route(lead);

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

    /** The lead's claim deadline passes by the engine's clock; @return its timeline once it escalated that many times. */
    private JsonPath escalate(UUID leadId, int times) {
        QuarkusTransaction.requiringNew().run(() -> Lead.<Lead>findById(leadId).claimDueAt = clock.instant());
        await().atMost(Duration.ofSeconds(30)).until(() -> TestTeams.timeline(leadId)
                .getList("timeline.findAll { it.kind == 'escalated' }").size() == times);
        return TestTeams.timeline(leadId);
    }

    private static void switchOn(String repId, boolean on) {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("on", on))
                .when().patch("/api/reps/{id}", repId).then().statusCode(200);
    }

    private static LeadReceived withInterest(LeadReceived lead, LeadReceived.Interest interest) {
        return new LeadReceived(lead.leadId(), lead.sourceId(), lead.receivedAt(), false, lead.contact(), lead.timeZone(),
                lead.message(), interest, lead.utm(), lead.consent());
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
