package io.leadflow.cadence.routing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

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
class RepGoingOffTest {

    @Inject
    LeadReceivedConsumer consumer;

    @Test
    void shouldHandAnUnclaimedLeadToAnotherRepWhenItsRepGoesOff() {
        String team = TestTeams.team("Handover");
        TestTeams.rep(team, "Gina Handover", Map.of());
        TestTeams.rep(team, "Hank Handover", Map.of());
        LeadReceived lead = TestLeads.inDaytime(true, TestTeams.source(Map.of("routing", "availability", "teamId", team)));
        consumer.onLeadReceived(lead);
        JsonPath before = TestTeams.timeline(lead.leadId());
        String first = before.getString("assignedRep.name");

        off(before.getString("assignedRep.id"));

        JsonPath after = TestTeams.timeline(lead.leadId());
        String other = first.equals("Gina Handover") ? "Hank Handover" : "Gina Handover";
        assertThat(after.getString("assignedRep.name")).isEqualTo(other);
        assertThat(after.getString("assignedRep.why")).startsWith("re-routed: " + first + " went off; availability: ");
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.detail")).isEqualTo(first + " went off before claiming it");
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.effect")).startsWith("offered to " + other);
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.actor")).isEqualTo("ops");
        // a fresh alert (SMS and email) with a claim link goes to the rep who has it now
        assertThat(after.getList("timeline.findAll { it.kind == 'alert' }")).hasSize(4);
    }

    private static void off(String repId) {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("on", false))
                .when().patch("/api/reps/{id}", repId).then().statusCode(200);
    }
}
