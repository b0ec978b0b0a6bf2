package io.leadflow.cadence.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.auth.ApiToken;
import io.leadflow.cadence.auth.Role;
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
        ClaimedLead lead = claimedLeadOfTeam("Covering");
        InboxBrowser coveringRep = signIn(lead.covering());
        coveringRep.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(404);

        switchOff(lead.owner());

        JsonPath after = TestTeams.timeline(lead.leadId());
        assertThat(after.getString("assignedRep.id")).isEqualTo(lead.owner().toString());
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.detail")).contains("their call_task due");
        assertThat(after.getString("timeline.find { it.kind == 'rerouted' }.effect")).matches("goes to (Kim|Lou) Covering .*")
                .doesNotContain(after.getString("assignedRep.name"));
        assertThat(coveringRep.request().when().get("/inbox/today").then().statusCode(200).extract().asString())
                .contains("Maria Lopez", "Call while the inquiry is fresh");
        coveringRep.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(200);
    }

    @Test
    void shouldLetTheCoveringRepLogOutcomesOnTheLeadAndNothingElseWhileAnotherRepStillGetsNotFound() {
        ClaimedLead lead = claimedLeadOfTeam("Outcomes");
        String covering = lead.covering();
        String stranger = TestTeams.rep(TestTeams.team("Elsewhere"), "Sid Elsewhere", Map.of());
        String coveringToken = apiToken(covering);
        given().auth().oauth2(coveringToken).contentType("application/json").body(Map.of("outcome", "contacted"))
                .when().post("/api/leads/{id}/outcomes", lead.leadId()).then().statusCode(404);

        switchOff(lead.owner());

        given().auth().oauth2(coveringToken).contentType("application/json").body(Map.of("outcome", "no_answer", "note", "rang twice"))
                .when().post("/api/leads/{id}/outcomes", lead.leadId()).then().statusCode(200);
        given().auth().oauth2(coveringToken).contentType("application/json").body(Map.of())
                .when().post("/api/leads/{id}/pause", lead.leadId()).then().statusCode(404);
        given().auth().oauth2(apiToken(stranger)).contentType("application/json").body(Map.of("outcome", "contacted"))
                .when().post("/api/leads/{id}/outcomes", lead.leadId()).then().statusCode(404);

        InboxBrowser coveringRep = signIn(covering);
        String page = "/inbox/leads/" + lead.leadId();
        assertThat(coveringRep.request().when().get(page).then().statusCode(200).extract().asString())
                .contains("Log what happened", "value=\"contacted\"").doesNotContain("Promise it", "Pause the cadence");
        String csrf = coveringRep.csrf(page);
        coveringRep.form(csrf).formParam("outcome", "contacted").when().post(page + "/outcome").then().statusCode(303);
        coveringRep.form(csrf).when().post(page + "/pause").then().statusCode(404);
        InboxBrowser strangerRep = signIn(stranger);
        strangerRep.form(strangerRep.csrf("/inbox")).formParam("outcome", "closed").when().post(page + "/outcome")
                .then().statusCode(404);

        JsonPath timeline = TestTeams.timeline(lead.leadId());
        assertThat(timeline.getList("timeline.findAll { it.kind == 'outcome' }.actor", String.class))
                .containsExactly("rep:" + covering, "rep:" + covering);
        assertThat(timeline.getString("cadenceState")).isEqualTo("active");
        assertThat(timeline.getString("assignedRep.id")).isEqualTo(lead.owner().toString());
    }

    /** @param covering the team's other rep, who gets the lead's call task when its owner goes off */
    private record ClaimedLead(UUID leadId, UUID owner, String covering) {
    }

    /** A lead of a new team of two reps (Kim and Lou), claimed by the rep it was routed to. */
    private ClaimedLead claimedLeadOfTeam(String name) {
        String team = TestTeams.team(name);
        String kim = TestTeams.rep(team, "Kim " + name, Map.of());
        String lou = TestTeams.rep(team, "Lou " + name, Map.of());
        LeadReceived lead = TestLeads.inDaytime(true,
                TestTeams.source(Map.of("routing", "availability", "teamId", team, "playbookId", "default")));
        consumer.onLeadReceived(lead);
        UUID owner = UUID.fromString(TestTeams.timeline(lead.leadId()).getString("assignedRep.id"));
        QuarkusTransaction.requiringNew().run(() -> claims.claim(Lead.lockById(lead.leadId()), "rep:" + owner, clock.instant()));
        return new ClaimedLead(lead.leadId(), owner, owner.toString().equals(kim) ? lou : kim);
    }

    private static void switchOff(UUID repId) {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("on", false))
                .when().patch("/api/reps/{id}", repId).then().statusCode(200);
    }

    private static String apiToken(String repId) {
        String token = "rep-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> ApiToken.issue(token, Role.rep, UUID.fromString(repId), Instant.now()).persist());
        return token;
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
