package io.leadflow.cadence.playbook;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class PlaybookApiTest {

    @Test
    void shouldListTheYamlPlaybooksLoadedAtStart() {
        given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/playbooks")
                .then().statusCode(200).body("id", hasItems("default", "test-fast"));
        given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/playbooks/default")
                .then().statusCode(200)
                .body("version", equalTo(1))
                .body("steps[4].after", equalTo("PT4H"))
                .body("noAnswer.channel", equalTo(List.of("voicemail_task", "sms")));
    }

    @Test
    void shouldListEveryProblemOfASubmittedPlaybook() {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("id", "broken", "name", "Broken", "steps", List.of(
                        step("-PT5S", "sms", "first-text", "why"),
                        step("PT0S", "email", "no-such-template", "why"),
                        step("PT0S", "email", "first-email", ""))))
                .when().post("/api/playbooks/validation")
                .then().statusCode(200)
                .body("valid", equalTo(false))
                .body("problems.field", containsInAnyOrder("steps[0].after", "steps[1].template", "steps[2].reason"));
    }

    @Test
    void shouldRunANewVersionForNewLeadsOfASourceThatChoseIt() {
        String id = "short-" + UUID.randomUUID();
        Map<String, Object> playbook = Map.of("id", id, "name", "Short", "steps", List.of(
                step("PT0S", "rep_alert", "new-lead-alert", "New lead"),
                step("PT0S", "email", "first-email", "Answer their question")));
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(playbook)
                .when().post("/api/playbooks").then().statusCode(201).body("version", equalTo(1));
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(playbook)
                .when().post("/api/playbooks").then().statusCode(201).body("version", equalTo(2));
        String source = "pb-source-" + UUID.randomUUID();
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("playbookId", id, "claimSla", "PT1H", "maxFallbacks", 1, "holidays", List.of("2026-12-25")))
                .when().put("/api/sources/{id}/cadence-settings", source).then().statusCode(200)
                .body("holidays", equalTo(List.of("2026-12-25")));

        LeadReceived lead = TestLeads.inDaytime(true, source);
        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().auth().oauth2(TestLeads.OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().statusCode(200)
                .body("timeline.find { it.kind == 'settings' }.detail", containsString("playbook " + id + " version 2"))
                .body("timeline.findAll { it.kind == 'touch' }.channel", equalTo(List.of("email"))));
    }

    @Test
    void shouldRefuseToStoreAnInvalidPlaybookNamingTheFields() {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("id", "bad", "steps", List.of(step("PT0S", "sms", "first-text", ""))))
                .when().post("/api/playbooks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", equalTo(List.of("steps[0].reason")));
    }

    private static Map<String, String> step(String after, String channel, String template, String reason) {
        return Map.of("after", after, "channel", channel, "template", template, "reason", reason);
    }
}
