package io.leadflow.cadence.opsboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.auth.ApiToken;
import io.leadflow.cadence.auth.Role;
import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class OpsBoardTest {

    private static final String OPS_TOKEN = "test-ops-token";
    private static final Duration BOUND = Duration.ofSeconds(20);

    @Test
    void shouldMoveTheLeadCountersByExactlyTheLeadsPosted() {
        long before = board().getLong("leadsReceived");
        long dispatchedBefore = dispatchedTouches(board());
        String source = "ops-board-" + UUID.randomUUID();
        List<LeadReceived> leads = List.of(TestLeads.inDaytime(true, source), TestLeads.inDaytime(true, source), TestLeads.inDaytime(true, source));

        leads.forEach(lead -> KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead));

        await().atMost(BOUND).until(() -> board().getLong("leadsReceived") >= before + leads.size());
        JsonPath after = board();
        assertThat(after.getLong("leadsReceived")).isEqualTo(before + leads.size());
        assertThat(after.getDouble("leadsPerMinute.'" + source + "'")).isEqualTo(leads.size() / 5.0);
        // each lead of the test playbook has 4 immediate touches (2 rep alerts, a text, an email)
        await().atMost(BOUND).until(() -> dispatchedTouches(board()) >= dispatchedBefore + 4L * leads.size());
        assertThat(after.getList("reps.name", String.class)).isNotEmpty();
    }

    @Test
    void shouldShowConsumerLagAndEveryDeadLetterTopicFromTheBroker() {
        // the engine's group shows up once it has committed offsets, which a test run's first class may not wait for
        await().atMost(BOUND).untilAsserted(() -> assertThat(
                board().getList("kafka.consumerLag.findAll { it.group == 'cadence-engine' }.topic", String.class))
                .contains("leads.received"));
        JsonPath board = board();

        assertThat(board.getString("kafka.unavailable")).isNull();
        assertThat(board.getMap("kafka.deadLetters")).containsKeys("leads.received.dlq", "touches.results.dlq");
        assertThat(board.getLong("scheduler.backlog")).isNotNegative();
        assertThat(board.getMap("speedToFirstTouch")).containsOnlyKeys("5m", "1h", "1d");
    }

    @Test
    void shouldShowEachRepsClaimsAndTimesToClaimAndToFirstOutcome() {
        LeadReceived posted = TestLeads.inDaytime(true, "ops-board-reps-" + UUID.randomUUID());
        KafkaTestClient.send(Topics.LEADS_RECEIVED, posted.leadId(), posted);
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> Lead.findById(posted.leadId()) != null));
        // a rep the rotation never picks (inactive), who claimed the lead 10 s after it arrived and
        // logged the first call 30 s after; and one lead claimed 2 h after (the test profile's SLA is 1 h)
        UUID repId = QuarkusTransaction.requiringNew().call(() -> {
            Rep rep = Rep.create("Board Tester " + UUID.randomUUID(), "board@example.test", "+14155550177", Instant.now());
            rep.active = false;
            rep.persist();
            Lead lead = Lead.findById(posted.leadId());
            lead.assignedRepId = rep.id;
            lead.assignedAt = lead.receivedAt;
            lead.claimedByRepId = rep.id;
            lead.claimedAt = lead.receivedAt.plusSeconds(10);
            lead.claimDueAt = null;
            LeadEvent.of(lead.id, lead.receivedAt.plusSeconds(30), "outcome", "rep:" + rep.id, "outcome=contacted").persist();
            return rep.id;
        });
        LeadReceived late = TestLeads.inDaytime(true, "ops-board-reps-" + UUID.randomUUID());
        KafkaTestClient.send(Topics.LEADS_RECEIVED, late.leadId(), late);
        await().atMost(BOUND).until(() -> QuarkusTransaction.requiringNew().call(() -> Lead.findById(late.leadId()) != null));
        QuarkusTransaction.requiringNew().run(() -> {
            Lead lead = Lead.findById(late.leadId());
            lead.assignedRepId = repId;
            lead.assignedAt = lead.receivedAt;
            lead.claimedByRepId = repId;
            lead.claimedAt = lead.receivedAt.plusSeconds(7_200);
            lead.claimDueAt = null;
        });

        JsonPath rep = new JsonPath(board().prettify()).setRootPath("reps.find { it.repId == '" + repId + "' }");
        assertThat(rep.getLong("leads")).isEqualTo(2);
        assertThat(rep.getLong("claimed")).isEqualTo(2);
        assertThat(rep.getLong("claimedWithinSla")).isEqualTo(1);
        assertThat(rep.getLong("medianTimeToClaimMs")).isEqualTo((10_000 + 7_200_000) / 2);
        assertThat(rep.getLong("medianTimeToFirstOutcomeMs")).isEqualTo(30_000);
    }

    @Test
    void shouldKeepTheBoardFromRepsAndStrangers() {
        String repToken = "rep-" + UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            Rep rep = Rep.<Rep>findAll().firstResult();
            ApiToken.issue(repToken, Role.rep, rep.id, Instant.now()).persist();
        });

        given().auth().oauth2(repToken).when().get("/api/ops/board")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:forbidden"));
        given().when().get("/api/ops/board").then().statusCode(401);
        given().when().get("/ops/").then().statusCode(200).contentType("text/html");
    }

    private static long dispatchedTouches(JsonPath board) {
        return board.getList("touchesLastHour.findAll { it.status == 'dispatched' }.count", Long.class).stream()
                .mapToLong(Long::longValue).sum();
    }

    private static JsonPath board() {
        return given().auth().oauth2(OPS_TOKEN).when().get("/api/ops/board")
                .then().statusCode(200).extract().jsonPath();
    }
}
