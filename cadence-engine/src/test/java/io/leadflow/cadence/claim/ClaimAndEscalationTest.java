package io.leadflow.cadence.claim;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.KafkaTestClient.TopicReader;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ClaimAndEscalationTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void shouldShowTheLeadOnGetClaimOnPostAndTellALaterClaimantWhoHasIt() {
        String source = settings("PT1H", 1);
        LeadReceived lead = TestLeads.inDaytime(true, source);
        TouchDue alert;
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            await().atMost(BOUND).until(() -> alerts(priority.poll(), lead.leadId()).size() == 2);
            alert = alerts(priority.poll(), lead.leadId()).get(0);
        }
        String claimPath = URI.create(alert.links().get(TouchDue.CLAIM_LINK)).getPath();

        given().when().get(claimPath).then().statusCode(200)
                .contentType("text/html")
                .body(containsString("Maria Lopez"), containsString("<form method=\"post\">"));
        timeline(lead.leadId()).body("timeline.findAll { it.kind == 'claim_requested' }", hasSize(0));

        given().when().post(claimPath).then().statusCode(200).body(containsString("It&#39;s yours"));
        timeline(lead.leadId())
                .body("timeline.find { it.kind == 'claim_requested' }.effect", equalTo("claimed by " + alert.rep().name()));

        // the notifier reports another rep texting YES: first claim wins, the later one is told who has it
        UUID otherRep = UUID.randomUUID();
        KafkaTestClient.send(Topics.LEADS_ACTIVITY, lead.leadId(), new LeadActivity(UUID.randomUUID(), lead.leadId(),
                ActivityKind.CLAIM_REQUESTED, Channel.SMS, "rep:" + otherRep, Instant.now(), Map.of("text", "YES")));
        await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId())
                .body("timeline.findAll { it.kind == 'claim_requested' }.effect",
                        containsInAnyOrder("claimed by " + alert.rep().name(), "already claimed by " + alert.rep().name())));
        given().when().post(claimPath).then().statusCode(200).body(containsString("It&#39;s yours"));
    }

    @Test
    void shouldOfferAnUnclaimedLeadToTheNextRepAlertTheManagerAndThenLeaveItWithTheManager() {
        String source = settings("PT2S", 1);
        LeadReceived lead = TestLeads.inDaytime(true, source);
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

            await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId())
                    .body("timeline.findAll { it.kind == 'escalated' }", hasSize(2))
                    .body("timeline.findAll { it.kind == 'escalated' }[1].effect", containsString("manager Morgan Blake owns it"))
                    .body("assignedRep.name", equalTo("Morgan Blake")));
            await().atMost(BOUND).until(() -> alerts(priority.poll(), lead.leadId()).size() == 8);
            List<TouchDue> alerts = alerts(priority.poll(), lead.leadId());
            assertThat(alerts).filteredOn(alert -> alert.template().equals("escalation-alert"))
                    .extracting(alert -> alert.rep().name()).hasSize(4).containsOnly("Morgan Blake");
            // the first rep's alert and the next rep's: two different reps, each on SMS and email, each with a claim link
            assertThat(alerts).filteredOn(alert -> alert.template().equals("new-lead-alert"))
                    .allSatisfy(alert -> assertThat(alert.links()).containsKey(TouchDue.CLAIM_LINK))
                    .extracting(alert -> alert.rep().repId()).hasSize(4).doesNotContainNull()
                    .satisfies(reps -> assertThat(reps.stream().distinct()).hasSize(2));
        }
        // bounded: once the manager owns it, nothing escalates again
        await().pollDelay(Duration.ofSeconds(3)).atMost(BOUND).until(() -> true);
        timeline(lead.leadId()).body("timeline.findAll { it.kind == 'escalated' }", hasSize(2));
    }

    @Test
    void shouldRefuseCadenceSettingsNamingEveryBadField() {
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("claimSla", "-PT5S", "maxFallbacks", 99, "escalationChain", List.of(UUID.randomUUID().toString())))
                .when().put("/api/sources/{id}/cadence-settings", "bad-source")
                .then().statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", containsInAnyOrder("claimSla", "maxFallbacks", "escalationChain[0]"));
    }

    @Test
    void shouldRefuseAnAlteredClaimLink() {
        given().when().get("/claim/AAAA.BBBB").then().statusCode(404).body(not(containsString("<form")));
    }

    private static String settings(String claimSla, int maxFallbacks) {
        String source = "claim-test-" + UUID.randomUUID();
        given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json")
                .body(Map.of("claimSla", claimSla, "maxFallbacks", maxFallbacks))
                .when().put("/api/sources/{id}/cadence-settings", source)
                .then().statusCode(200).body("claimSla", equalTo(claimSla)).body("fromSource", equalTo(true));
        return source;
    }

    private static List<TouchDue> alerts(List<TouchDue> touches, UUID leadId) {
        return touches.stream().filter(touch -> touch.leadId().equals(leadId) && touch.audience() == Audience.REP).toList();
    }

    private static ValidatableResponse timeline(UUID leadId) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", leadId)
                .then().statusCode(200).body("leadId", not(nullValue()));
    }
}
