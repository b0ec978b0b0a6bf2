package io.leadflow.cadence.inbox;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
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
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class InboxTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    private static final String MARCUS = "marcus@oakridge-homes.test";
    private static final String MORGAN_THE_MANAGER = "morgan@oakridge-homes.test";

    @Test
    void shouldShowANewLeadLiveAndLetTheFirstRepClaimItWhileAnotherRepGetsNotFound() {
        InboxBrowser dana = InboxBrowser.signIn(SignInTest.DANA);
        InboxBrowser marcus = InboxBrowser.signIn(MARCUS);
        LeadReceived lead = TestLeads.inDaytime(true);
        try (InboxEvents danasInbox = InboxEvents.open(dana); InboxEvents marcusInbox = InboxEvents.open(marcus)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            String event = danasInbox.awaitData(lead.leadId().toString(), BOUND);
            assertThat(event).contains("\"type\":\"lead\"", "Maria Lopez", "/inbox/leads/" + lead.leadId() + "/claim");
            marcusInbox.awaitData("\"type\":\"lead\",\"leadId\":\"" + lead.leadId(), BOUND);
            dana.request().when().get("/inbox").then().statusCode(200)
                    .body(containsString("id=\"lead-" + lead.leadId() + "\""), containsString("Claim within"));

            dana.form(dana.csrf("/inbox")).when().post("/inbox/leads/{id}/claim", lead.leadId())
                    .then().statusCode(303).header("Location", endsWith("/inbox/leads/" + lead.leadId()));
            // Marcus's open inbox drops the lead Dana just claimed
            marcusInbox.awaitData("\"type\":\"gone\",\"leadId\":\"" + lead.leadId(), BOUND);
        }
        timeline(lead.leadId())
                .body("timeline.find { it.kind == 'claim_requested' }.effect", containsString("claimed by Dana Whitfield"))
                .body("timeline.find { it.kind == 'claim_requested' }.detail", equalTo("via=inbox"));
        dana.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(200)
                .body(containsString("Claimed by Dana Whitfield"));

        marcus.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(404)
                .body(not(containsString("Maria")));
        marcus.form(marcus.csrf("/inbox")).when().post("/inbox/leads/{id}/claim", lead.leadId()).then().statusCode(404);
        marcus.request().when().get("/inbox").then().statusCode(200).body(not(containsString(lead.leadId().toString())));
        InboxBrowser morgan = InboxBrowser.signIn(MORGAN_THE_MANAGER);
        morgan.request().when().get("/inbox").then().statusCode(200).body(containsString("id=\"lead-" + lead.leadId() + "\""));
        morgan.request().when().get("/inbox/leads/{id}", lead.leadId()).then().statusCode(200)
                .body(containsString("Claimed by Dana Whitfield"));
        morgan.form(morgan.csrf("/inbox")).when().post("/inbox/leads/{id}/claim", lead.leadId())
                .then().statusCode(409).body(containsString("Dana Whitfield claimed Maria Lopez first."));
    }

    @Test
    void shouldRefuseAClaimWithoutTheFormsToken() {
        InboxBrowser dana = InboxBrowser.signIn(SignInTest.DANA);
        LeadReceived lead = TestLeads.inDaytime(true);
        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
        await().atMost(BOUND).untilAsserted(() -> dana.request().when().get("/inbox/leads/{id}", lead.leadId())
                .then().statusCode(200));

        dana.request().contentType("application/x-www-form-urlencoded")
                .when().post("/inbox/leads/{id}/claim", lead.leadId()).then().statusCode(403);
        timeline(lead.leadId()).body("timeline.findAll { it.kind == 'claim_requested' }", hasSize(0));
    }

    @Test
    void shouldShowTheLeadAndApplyItsOutcomesThroughTheStopRulesAndListTodayOverdueFirst() {
        InboxBrowser dana = InboxBrowser.signIn(SignInTest.DANA);
        InboxBrowser marcus = InboxBrowser.signIn(MARCUS);
        LeadReceived lead = TestLeads.inDaytime(true);
        String page = "/inbox/leads/" + lead.leadId();
        KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
        await().atMost(BOUND).untilAsserted(() -> dana.request().when().get(page).then().statusCode(200));
        dana.form(dana.csrf("/inbox")).when().post(page + "/claim").then().statusCode(303);

        dana.request().when().get(page).then().statusCode(200).body(containsString("Relocating in June"),
                containsString("Oak Ridge"), containsString("test-web"), containsString("href=\"tel:" + lead.contact().phoneE164() + "\""),
                containsString("href=\"sms:" + lead.contact().phoneE164() + "\""), containsString("claim_requested"), containsString("<div class=\"muted\">by Dana Whitfield</div>"),
                containsString("value=\"appointment_set\""), containsString("type=\"datetime-local\" required min=\""));
        String csrf = dana.csrf(page);
        dana.form(csrf).formParam("outcome", "no_answer").when().post(page + "/outcome")
                .then().statusCode(303).header("Location", endsWith(page));
        String inTwoHours = ZonedDateTime.now(ZoneId.of(lead.timeZone().id())).plusHours(2).toLocalDateTime()
                .truncatedTo(ChronoUnit.MINUTES).toString();
        dana.form(csrf).formParam("at", inTwoHours).formParam("channel", "call_task").formParam("note", "Call about the June move")
                .when().post(page + "/commitment").then().statusCode(303);
        marcus.form(marcus.csrf("/inbox")).formParam("outcome", "closed").when().post(page + "/outcome").then().statusCode(404);

        timeline(lead.leadId())
                .body("timeline.find { it.kind == 'outcome' }.effect", containsString("no-answer steps planned"))
                .body("timeline.find { it.kind == 'outcome' }.actor", startsWith("rep:"))
                .body("timeline.find { it.kind == 'commitment' }.effect", containsString("call_task planned for"));
        List<String> today = Arrays.stream(dana.request().when().get("/inbox/today").then().statusCode(200).extract().asString()
                .split("<li ")).filter(item -> item.contains(page + "\"")).toList();
        // then the playbook's call a day after the lead arrived, just inside the next 24 hours
        assertThat(today).hasSizeGreaterThanOrEqualTo(2);
        assertThat(today.get(0)).contains("Voicemail", "Leave a voicemail", "Overdue since");
        assertThat(today.get(1)).contains("Promised call", "Call about the June move").doesNotContain("Overdue");

        dana.form(csrf).when().post(page + "/pause").then().statusCode(303);
        timeline(lead.leadId()).body("cadenceState", equalTo("paused"));
        dana.form(csrf).formParam("outcome", "appointment_set").when().post(page + "/outcome").then().statusCode(303);
        timeline(lead.leadId()).body("cadenceState", equalTo("stopped"))
                .body("timeline.findAll { it.kind == 'outcome' }.effect", hasItem(containsString("stopped every cadence")));
    }

    @Test
    void shouldRefuseTheLiveStreamWithoutASession() {
        given().when().get("/inbox/events").then().statusCode(401);
    }

    private static ValidatableResponse timeline(UUID leadId) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN).when().get("/api/leads/{id}/timeline", leadId).then().statusCode(200);
    }
}
