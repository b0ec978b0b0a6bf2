package io.leadflow.cadence.lead;

import static io.leadflow.cadence.lead.TestLeads.inDaytime;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.KafkaTestClient.TopicReader;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class LeadReceivedFlowTest {

    private static final String OPS_TOKEN = TestLeads.OPS_TOKEN;
    private static final Duration BOUND = Duration.ofSeconds(60);

    @Test
    void shouldAssignARepStoreTheCadenceAndDispatchTheImmediateTouchesOnThePriorityTopic() {
        LeadReceived lead = TestLeads.inDaytime(true);
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

            await().atMost(BOUND).until(() -> forLead(priority.poll(), lead.leadId()).size() == 4);
            List<TouchDue> immediate = forLead(priority.poll(), lead.leadId());
            assertThat(immediate).extracting(TouchDue::audience, TouchDue::channel, TouchDue::template)
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple(Audience.REP, Channel.SMS, "new-lead-alert"),
                            org.assertj.core.groups.Tuple.tuple(Audience.REP, Channel.EMAIL, "new-lead-alert"),
                            org.assertj.core.groups.Tuple.tuple(Audience.LEAD, Channel.SMS, "first-text"),
                            org.assertj.core.groups.Tuple.tuple(Audience.LEAD, Channel.EMAIL, "first-email"));
            assertThat(immediate).allSatisfy(touch -> {
                assertThat(touch.firstTouch()).isTrue();
                assertThat(touch.reason()).isNotBlank();
                assertThat(touch.rep()).isNotNull();
                assertThat(touch.lead().firstName()).isEqualTo("Maria");
                assertThat(touch.lead().interest().community()).isEqualTo("Oak Ridge");
            });
            TouchDue firstText = immediate.stream().filter(t -> t.template().equals("first-text")).findFirst().orElseThrow();
            assertThat(firstText.window().contains(Instant.now())).isTrue();
        }

        given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().statusCode(200)
                .body("leadId", equalTo(lead.leadId().toString()))
                .body("assignedRep.name", notNullValue())
                // received + settings + assigned + 2 alerts + 5 touches of the test playbook
                .body("timeline", hasSize(10))
                .body("timeline.find { it.kind == 'settings' }.detail", org.hamcrest.Matchers.containsString("defaults used"))
                .body("timeline.find { it.touchId != null && it.status == 'scheduled' }.reason", notNullValue());
    }

    @Test
    void shouldDispatchALaterStepOnTheRegularTopicNoEarlierThanItIsDue() {
        LeadReceived lead = TestLeads.inDaytime(true);
        try (TopicReader<TouchDue> regular = KafkaTestClient.read(Topics.TOUCHES_DUE, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

            await().atMost(BOUND).until(() -> forLead(regular.poll(), lead.leadId()).size() == 2);
            Instant seenAt = Instant.now();
            List<TouchDue> later = forLead(regular.poll(), lead.leadId());
            assertThat(later).extracting(TouchDue::template).containsExactly("same-day-text", "questions-since-email");
            assertThat(later).allSatisfy(touch -> {
                assertThat(touch.firstTouch()).isFalse();
                assertThat(touch.dueAt()).isAfterOrEqualTo(lead.receivedAt().plusSeconds(2));
            });
            assertThat(seenAt).isAfterOrEqualTo(lead.receivedAt().plusSeconds(3));
        }
    }

    @Test
    void shouldChangeNothingWhenTheSameLeadIsDeliveredTwice() {
        LeadReceived lead = TestLeads.inDaytime(true);
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            await().atMost(BOUND).until(() -> forLead(priority.poll(), lead.leadId()).size() == 4);

            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            LeadReceived marker = TestLeads.inDaytime(true);
            KafkaTestClient.send(Topics.LEADS_RECEIVED, marker.leadId(), marker);
            // once a later lead on the same partition is through, the duplicate was processed too
            await().atMost(BOUND).until(() -> forLead(priority.poll(), marker.leadId()).size() == 4);

            assertThat(forLead(priority.poll(), lead.leadId())).hasSize(4);
        }
        given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().statusCode(200).body("timeline", hasSize(10));
    }

    @Test
    void shouldSkipTextsToALeadWithoutSmsConsentAndSayWhy() {
        LeadReceived lead = TestLeads.inDaytime(false);
        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);

        await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().statusCode(200)
                .body("timeline.findAll { it.channel == 'sms' && it.kind == 'touch' }.status", equalTo(List.of("skipped", "skipped")))
                .body("timeline.find { it.channel == 'sms' && it.kind == 'touch' }.detail", org.hamcrest.Matchers.containsString("no_sms_consent")));
    }

    @Test
    void shouldRecordSpeedToFirstTouchAndToRepAlertFromTheProvidersAcceptance() {
        LeadReceived lead = TestLeads.inDaytime(true);
        List<TouchDue> immediate;
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            await().atMost(BOUND).until(() -> forLead(priority.poll(), lead.leadId()).size() == 4);
            immediate = forLead(priority.poll(), lead.leadId());
        }
        TouchDue firstText = immediate.stream().filter(t -> t.template().equals("first-text")).findFirst().orElseThrow();
        TouchDue alertSms = immediate.stream().filter(t -> t.audience() == Audience.REP && t.channel() == Channel.SMS).findFirst().orElseThrow();
        Instant textAccepted = lead.receivedAt().plusMillis(180);
        Instant alertAccepted = lead.receivedAt().plusMillis(95);

        KafkaTestClient.send(Topics.TOUCHES_RESULTS, lead.leadId(), accepted(firstText, textAccepted));
        KafkaTestClient.send(Topics.TOUCHES_RESULTS, lead.leadId(), accepted(alertSms, alertAccepted));

        await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().statusCode(200)
                .body("speedToFirstTouchMs", equalTo(180))
                .body("speedToRepAlertMs", equalTo(95))
                .body("timeline.find { it.touchId == '%s' }.status".formatted(firstText.touchId()), equalTo("accepted")));

        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("leadflow_speed_to_first_touch_seconds_bucket\\{channel=\"sms\",source=\"test-web\",le=\"0\\.25\"} 1\\.0")
                .containsPattern("leadflow_speed_to_rep_alert_seconds_bucket\\{channel=\"sms\",source=\"test-web\",le=\"0\\.1\"} 1\\.0");
    }

    @Test
    void shouldPlanATouchTheNotifierDeferredAgainAsANewTouch() {
        LeadReceived lead = TestLeads.inDaytime(true);
        TouchDue firstText;
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            await().atMost(BOUND).until(() -> forLead(priority.poll(), lead.leadId()).size() == 4);
            firstText = forLead(priority.poll(), lead.leadId()).stream()
                    .filter(t -> t.template().equals("first-text")).findFirst().orElseThrow();
        }
        Instant deferredAt = Instant.now();

        KafkaTestClient.send(Topics.TOUCHES_RESULTS, lead.leadId(), new TouchResult(firstText.touchId(), lead.leadId(),
                Channel.SMS, TouchStatus.DEFERRED, "outside_contact_window", null, null, deferredAt));

        await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", lead.leadId())
                .then().statusCode(200)
                .body("timeline.find { it.touchId == '%s' }.status".formatted(firstText.touchId()), equalTo("deferred"))
                .body("timeline.find { it.touchId == '%s' }.detail".formatted(firstText.touchId()),
                        org.hamcrest.Matchers.containsString("re-planned as touch"))
                .body("timeline.find { it.detail != null && it.detail.contains('re-planned after the notifier deferred touch %s') }.status"
                        .formatted(firstText.touchId()), equalTo("scheduled")));
    }

    @Test
    void shouldRefuseTheTimelineWithoutAValidToken() {
        given().when().get("/api/leads/{id}/timeline", UUID.randomUUID())
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer");
        given().auth().oauth2("not-a-token").when().get("/api/leads/{id}/timeline", UUID.randomUUID())
                .then().statusCode(401);
    }

    @Test
    void shouldAnswerLeadPendingWithRetryAfterForALeadTheEngineDoesNotHaveYet() {
        given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", UUID.randomUUID())
                .then().statusCode(404)
                .contentType("application/problem+json")
                .header("Retry-After", "1")
                .body("type", equalTo("urn:leadflow:problem:lead-pending"));
    }

    private static TouchResult accepted(TouchDue touch, Instant at) {
        return new TouchResult(touch.touchId(), touch.leadId(), touch.channel(), TouchStatus.ACCEPTED,
                "provider_accepted", "250", "msg-" + touch.touchId(), at);
    }

    private static List<TouchDue> forLead(List<TouchDue> touches, UUID leadId) {
        return touches.stream().filter(touch -> touch.leadId().equals(leadId)).toList();
    }

    @Test
    void shouldSendALeadThatBreaksTheContractToTheDeadLetterTopicAndGoOn() {
        UUID brokenId = UUID.randomUUID();
        LeadReceived broken = new LeadReceived(brokenId, "web", null, false, null, null, null, null, null, null);
        LeadReceived next = TestLeads.inDaytime(true);
        try (TopicReader<LeadReceived> dlq = KafkaTestClient.read(Topics.deadLetter(Topics.LEADS_RECEIVED), LeadReceived.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, brokenId, broken);
            KafkaTestClient.send(Topics.LEADS_RECEIVED, next.leadId(), next);

            await().atMost(BOUND).until(() -> dlq.poll().stream().anyMatch(lead -> brokenId.equals(lead.leadId())));
        }
        await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(OPS_TOKEN)
                .when().get("/api/leads/{id}/timeline", next.leadId())
                .then().statusCode(200));
    }
}
