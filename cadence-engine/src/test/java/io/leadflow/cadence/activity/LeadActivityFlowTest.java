package io.leadflow.cadence.activity;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

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
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class LeadActivityFlowTest {

    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void shouldStopEveryScheduledStepWhenTheLeadRepliesAndApplyARedeliveredReplyOnce() {
        LeadReceived lead = registered();
        LeadActivity reply = new LeadActivity(UUID.randomUUID(), lead.leadId(), ActivityKind.REPLY, Channel.SMS, "lead",
                Instant.now(), Map.of("text", "Yes, Saturday works"));

        KafkaTestClient.send(Topics.LEADS_ACTIVITY, lead.leadId(), reply);
        KafkaTestClient.send(Topics.LEADS_ACTIVITY, lead.leadId(), reply);

        await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId())
                .body("cadenceState", equalTo("stopped"))
                .body("cadenceStateReason", equalTo("reply on sms"))
                .body("timeline.find { it.kind == 'touch' && it.channel == 'call_task' }.status", equalTo("skipped"))
                .body("timeline.find { it.kind == 'touch' && it.channel == 'call_task' }.detail", containsString("stopped: reply on sms"))
                .body("timeline.status", not(hasItem("scheduled")))
                .body("timeline.find { it.kind == 'reply' }.effect", containsString("stopped every cadence")));
        // the second delivery comes after the first on the same partition; once a later activity is through, both are
        LeadActivity marker = new LeadActivity(UUID.randomUUID(), lead.leadId(), ActivityKind.OPT_IN, Channel.SMS, "lead",
                Instant.now(), Map.of());
        KafkaTestClient.send(Topics.LEADS_ACTIVITY, lead.leadId(), marker);
        await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId()).body("timeline.findAll { it.kind == 'opt_in' }", hasSize(1)));
        timeline(lead.leadId()).body("timeline.findAll { it.kind == 'reply' }", hasSize(1));
    }

    @Test
    void shouldSkipOnlyTheStepsOnTheChannelTheLeadOptedOutOf() {
        LeadReceived lead = registered();
        KafkaTestClient.send(Topics.LEADS_ACTIVITY, lead.leadId(), new LeadActivity(UUID.randomUUID(), lead.leadId(),
                ActivityKind.OPT_OUT, Channel.SMS, "lead", Instant.now(), Map.of("keyword", "STOP")));

        await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId())
                .body("cadenceState", equalTo("active"))
                .body("timeline.find { it.kind == 'opt_out' }.effect", containsString("opted out of sms"))
                .body("timeline.findAll { it.kind == 'touch' && it.channel == 'sms' }.status", not(hasItem("scheduled")))
                .body("timeline.find { it.kind == 'touch' && it.channel == 'call_task' }.status", equalTo("scheduled")));
    }

    @Test
    void shouldStopOnAFinalRepOutcomeAndPublishTheOutcomeOnLeadsActivity() {
        LeadReceived lead = registered();
        try (TopicReader<LeadActivity> published = KafkaTestClient.read(Topics.LEADS_ACTIVITY, LeadActivity.class)) {
            outcome(lead.leadId(), Map.of("outcome", "no_answer"))
                    .statusCode(200).body("kind", equalTo("outcome"))
                    .body("effect", equalTo("2 no-answer steps planned"));
            // the test playbook's no-answer pair: a voicemail task now, a text later
            timeline(lead.leadId()).body("cadenceState", equalTo("active"))
                    .body("timeline.find { it.kind == 'touch' && it.channel == 'voicemail_task' }.reason", equalTo("Leave a voicemail"))
                    .body("timeline.find { it.reason == 'Pair the voicemail with a text' }.status", equalTo("scheduled"));

            String activityId = outcome(lead.leadId(), Map.of("outcome", "closed", "note", "Bought elsewhere"))
                    .statusCode(200)
                    .body("effect", containsString("stopped every cadence (outcome closed)"))
                    .extract().path("activityId");

            timeline(lead.leadId())
                    .body("cadenceState", equalTo("stopped"))
                    .body("timeline.find { it.kind == 'outcome' && it.detail.contains('closed') }.actor", equalTo("ops"))
                    .body("timeline.find { it.kind == 'touch' && it.channel == 'call_task' }.status", equalTo("skipped"))
                    .body("timeline.find { it.reason == 'Pair the voicemail with a text' }.status", equalTo("skipped"));
            await().atMost(BOUND).until(() -> published.poll().stream()
                    .anyMatch(activity -> activity.activityId().toString().equals(activityId)
                            && activity.kind() == ActivityKind.OUTCOME
                            && "closed".equals(activity.detail().get("outcome"))));
        }
    }

    @Test
    void shouldRefuseAnUnknownOutcomeNamingTheField() {
        LeadReceived lead = registered();
        outcome(lead.leadId(), Map.of("outcome", "maybe_later"))
                .statusCode(400)
                .contentType("application/problem+json")
                .body("invalidParams[0].name", equalTo("outcome"));
    }

    @Test
    void shouldHoldStepsWhilePausedAndMoveThemLaterOnResume() {
        LeadReceived lead = registered();
        Instant callTaskDue = callTaskDue(timeline(lead.leadId()).extract().jsonPath());
        try (TopicReader<TouchDue> regular = KafkaTestClient.read(Topics.TOUCHES_DUE, TouchDue.class)) {
            action(lead.leadId(), "pause").statusCode(200).body("effect", containsString("paused"));
            timeline(lead.leadId()).body("cadenceState", equalTo("paused"))
                    .body("timeline.find { it.kind == 'touch' && it.channel == 'call_task' }.status", equalTo("paused"));
            int sentBeforePause = forLead(regular.poll(), lead.leadId()).size();

            // past the 2 s and 3 s steps of the test playbook: held, they must not go out
            await().pollDelay(Duration.ofSeconds(4)).atMost(BOUND).until(() -> true);
            assertThat(forLead(regular.poll(), lead.leadId())).hasSize(sentBeforePause);

            action(lead.leadId(), "resume").statusCode(200).body("effect", containsString("moved later"));
        }
        JsonPath resumed = timeline(lead.leadId()).body("cadenceState", equalTo("active")).extract().jsonPath();
        Instant movedTo = callTaskDue(resumed);
        assertThat(movedTo).isAfterOrEqualTo(callTaskDue.plusSeconds(4));
    }

    @Test
    void shouldPlanAPromisedCallWithARepReminderAndAlertTheManagerWhenNoOutcomeFollows() {
        LeadReceived lead = registered();
        Instant at = Instant.now().plusSeconds(2);

        commitment(lead.leadId(), Map.of("at", at.toString(), "channel", "call_task", "note", "Call at 6 pm"))
                .statusCode(200)
                .body("kind", equalTo("commitment"))
                .body("effect", containsString("reminder to"));
        timeline(lead.leadId())
                .body("timeline.find { it.reason == 'Promised: Call at 6 pm' }.channel", equalTo("call_task"))
                .body("timeline.findAll { it.kind == 'alert' && it.reason == 'In 5 minutes you promised: Call at 6 pm' }", hasSize(2));

        // the test profile's breach grace is 2 s
        await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId())
                .body("timeline.find { it.kind == 'commitment_breached' }.effect", equalTo("manager Morgan Blake alerted")));
    }

    @Test
    void shouldNotAlertTheManagerWhenAnOutcomeIsLoggedForACommitment() {
        LeadReceived lead = registered();
        commitment(lead.leadId(), Map.of("at", Instant.now().plusSeconds(1).toString(), "channel", "sms")).statusCode(200);
        outcome(lead.leadId(), Map.of("outcome", "contacted")).statusCode(200);

        await().pollDelay(Duration.ofSeconds(5)).atMost(BOUND).until(() -> true);
        timeline(lead.leadId()).body("timeline.findAll { it.kind == 'commitment_breached' }", hasSize(0));
    }

    @Test
    void shouldRefuseACommitmentInThePastOnAnUnknownChannelNamingBothFields() {
        LeadReceived lead = registered();
        commitment(lead.leadId(), Map.of("at", "2020-01-01T00:00:00Z", "channel", "fax"))
                .statusCode(400).contentType("application/problem+json")
                .body("invalidParams.name", equalTo(List.of("at", "channel")));
    }

    private static io.restassured.response.ValidatableResponse commitment(UUID leadId, Map<String, String> body) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(body)
                .when().post("/api/leads/{id}/commitments", leadId)
                .then();
    }

    private static Instant callTaskDue(JsonPath timeline) {
        String detail = timeline.getString("timeline.find { it.kind == 'touch' && it.channel == 'call_task' }.detail");
        return Instant.parse(detail.replaceFirst("^due ([^;]+).*$", "$1"));
    }

    private static LeadReceived registered() {
        LeadReceived lead = TestLeads.inDaytime(true);
        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
        await().atMost(BOUND).untilAsserted(() -> timeline(lead.leadId()));
        return lead;
    }

    private static io.restassured.response.ValidatableResponse timeline(UUID leadId) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", leadId)
                .then().statusCode(200);
    }

    private static io.restassured.response.ValidatableResponse outcome(UUID leadId, Map<String, String> body) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(body)
                .when().post("/api/leads/{id}/outcomes", leadId)
                .then();
    }

    private static io.restassured.response.ValidatableResponse action(UUID leadId, String action) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN).contentType("application/json").body(Map.of())
                .when().post("/api/leads/{id}/" + action, leadId)
                .then();
    }

    private static List<TouchDue> forLead(List<TouchDue> touches, UUID leadId) {
        return touches.stream().filter(touch -> touch.leadId().equals(leadId)).toList();
    }
}
