package io.leadflow.cadence.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.claim.ClaimService;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.lead.LeadReceivedConsumer;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.cadence.routing.TestTeams;
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
class CoveringRepTest {

    @Inject
    LeadReceivedConsumer consumer;

    @Inject
    ClaimService claims;

    @Inject
    Clock clock;

    @Test
    void shouldHandTheCallTaskOfAClaimedLeadToAnotherRepWhenItsRepGoesOffAndShowItInTheirTodayList() {
        String team = TestTeams.team("Covering");
        String kim = TestTeams.rep(team, "Kim Covering", Map.of());
        String lou = TestTeams.rep(team, "Lou Covering", Map.of());
        LeadReceived lead = TestLeads.inDaytime(true,
                TestTeams.source(Map.of("routing", "availability", "teamId", team, "playbookId", "default")));
        consumer.onLeadReceived(lead);
        UUID owner = UUID.fromString(TestTeams.timeline(lead.leadId()).getString("assignedRep.id"));
        QuarkusTransaction.requiringNew().run(() -> claims.claim(Lead.lockById(lead.leadId()), "rep:" + owner, clock.instant()));
        String covering = owner.toString().equals(kim) ? lou : kim;
        InboxBrowser coveringRep = signIn(covering);
        coveringRep.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(404);

        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("on", false))
                .when().patch("/api/reps/{id}", owner).then().statusCode(200);

        JsonPath after = TestTeams.timeline(lead.leadId());
        assertThat(after.getString("assignedRep.id")).isEqualTo(owner.toString());
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.detail")).contains("their call_task due");
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.effect")).matches("goes to (Kim|Lou) Covering .*")
                .doesNotContain(after.getString("assignedRep.name"));
        assertThat(coveringRep.request().when().get("/inbox/today").then().statusCode(200).extract().asString())
                .contains("Maria Lopez", "Call while the inquiry is fresh");
        coveringRep.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(200);
    }

    private static InboxBrowser signIn(String repId) {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("password", InboxBrowser.DEMO_PASSWORD))
                .when().put("/api/reps/{id}/inbox-password", repId).then().statusCode(204);
        String email = given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/reps/{id}", repId)
                .then().statusCode(200).extract().path("email");
        return InboxBrowser.signIn(email);
    }
}
