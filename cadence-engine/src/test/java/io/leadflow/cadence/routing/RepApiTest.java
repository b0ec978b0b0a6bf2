package io.leadflow.cadence.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class RepApiTest {

    @Test
    void shouldCreateListAndUpdateARepAndATeamWithAnOnCallRep() {
        String team = TestTeams.team("North");
        String alice = TestTeams.rep(team, "Alice North", Map.of("timeZone", "America/Chicago", "weight", 3,
                "workingHours", Map.of("monday", Map.of("from", "09:00", "to", "17:00"))));

        given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/reps/{id}", alice)
                .then().statusCode(200)
                .body("name", equalTo("Alice North"))
                .body("timeZone", equalTo("America/Chicago"))
                .body("workingHours.monday.from", equalTo("09:00"))
                .body("on", equalTo(true))
                .body("weight", equalTo(3))
                .body("role", equalTo("rep"))
                .body("teamId", equalTo(team));

        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("on", false, "weight", 5))
                .when().patch("/api/reps/{id}", alice)
                .then().statusCode(200).body("on", equalTo(false)).body("weight", equalTo(5))
                .body("workingHours.monday.to", equalTo("17:00"));

        TestTeams.putTeam(team, Map.of("name", "North", "onCallRepId", alice));
        given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/teams")
                .then().statusCode(200)
                .body("find { it.id == '" + team + "' }.onCallRepId", equalTo(alice));
        given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/reps")
                .then().statusCode(200).body("id", hasItem(alice));
    }

    @Test
    void shouldRefuseABadRepNamingEveryBadFieldAsProblemJson() {
        String team = TestTeams.team("Refusals");
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("name", "", "phoneE164", "415-555-0101", "email", "not-an-email", "timeZone", "Mars/Olympus",
                        "weight", 0, "role", "boss", "teamId", team,
                        "workingHours", Map.of("monday", Map.of("from", "17:00", "to", "09:00"), "funday", Map.of())))
                .when().post("/api/reps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:invalid-request"))
                .body("invalidParams.name", containsInAnyOrder("name", "phoneE164", "email", "timeZone", "weight", "role",
                        "workingHours.monday", "workingHours.funday"))
                // the answer names the field, never echoes the bad phone number or address
                .body(not(org.hamcrest.Matchers.containsString("415-555-0101")));

        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("teamId", "no-such-team"))
                .when().post("/api/reps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", containsInAnyOrder("name", "phoneE164", "email", "timeZone", "teamId"));

        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("weight", "three", "teamId", team))
                .when().post("/api/reps")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", equalTo(List.of("weight")));

        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of("name", "Nobody"))
                .when().put("/api/teams/{id}", "Not A Slug")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", equalTo(List.of("teamId")));
    }

    @Test
    void shouldKeepRepsAndTeamsFromCallersWhoMayNotManageThem() {
        given().when().get("/api/reps").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").contentType("application/json").body(Map.of("name", "Nobody"))
                .when().put("/api/teams/{id}", "intruders").then().statusCode(401);
    }
}
