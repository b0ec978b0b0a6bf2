package io.leadflow.cadence.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import io.leadflow.cadence.lead.TestLeads;
import io.restassured.path.json.JsonPath;

/**
 * Teams, reps and sources of their own for a test, through the API, so the shared demo team's
 * rotation is left alone; and what routing made of a lead.
 */
public final class TestTeams {

    private TestTeams() {
    }

    /** @return the new team's id */
    public static String team(String name) {
        String teamId = "t-" + UUID.randomUUID();
        putTeam(teamId, Map.of("name", name));
        return teamId;
    }

    /** A team with a new manager of that name; @return the team's id */
    public static String teamManagedBy(String name, String managerName) {
        String teamId = team(name);
        String manager = rep(teamId, managerName, Map.of("role", "manager"));
        putTeam(teamId, Map.of("name", name, "managerRepId", manager));
        return teamId;
    }

    public static void putTeam(String teamId, Map<String, Object> team) {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(team)
                .when().put("/api/teams/{id}", teamId).then().statusCode(200);
    }

    /** A rep with the fields given on top of valid defaults (in UTC, no working hours); @return their id */
    public static String rep(String teamId, String name, Map<String, Object> fields) {
        Map<String, Object> rep = new HashMap<>(Map.of("name", name, "phoneE164", "+1415555" + (1000 + (int) (Math.random() * 8999)),
                "email", UUID.randomUUID() + "@reps.test", "timeZone", "UTC", "teamId", teamId));
        rep.putAll(fields);
        return given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(rep)
                .when().post("/api/reps").then().statusCode(201).extract().path("id");
    }

    /** A source with these cadence settings on top of a one-hour claim SLA; @return its id */
    public static String source(Map<String, Object> fields) {
        String source = "routing-test-" + UUID.randomUUID();
        Map<String, Object> settings = new HashMap<>(fields);
        settings.putIfAbsent("claimSla", "PT1H");
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(settings)
                .when().put("/api/sources/{id}/cadence-settings", source)
                .then().statusCode(200).body("routing", equalTo(settings.getOrDefault("routing", "round-robin")));
        return source;
    }

    public static JsonPath timeline(UUID leadId) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/leads/{id}/timeline", leadId)
                .then().statusCode(200).extract().jsonPath();
    }
}
