package io.leadflow.cadence.opsboard;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.KafkaTestClient.TopicReader;
import io.leadflow.cadence.auth.ApiToken;
import io.leadflow.cadence.auth.Role;
import io.leadflow.cadence.activity.LeadEvent;
import io.leadflow.cadence.lead.Lead;
import io.leadflow.cadence.lead.SpeedToLeadRecorder;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.cadence.routing.Rep;
import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
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

    @Inject
    SpeedToLeadRecorder speedToLead;

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
    void shouldShowSpeedToFirstTouchPercentilesWithinOneBucketOfThePrometheusHistogram() {
        String source = "ops-board-speed-" + UUID.randomUUID();
        // spread over every SLO bucket, up to the 5 min one
        long[] speedsMs = {20, 40, 60, 80, 120, 150, 200, 240, 300, 400, 450, 600, 800, 950, 1_500, 2_500, 4_000, 8_000, 30_000, 90_000};
        List<LeadReceived> leads = new ArrayList<>();
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            for (int i = 0; i < speedsMs.length; i++) {
                leads.add(TestLeads.inDaytime(true, source));
                KafkaTestClient.send(Topics.LEADS_RECEIVED, leads.get(i).leadId(), leads.get(i));
            }
            Set<UUID> ids = leads.stream().map(LeadReceived::leadId).collect(Collectors.toSet());
            await().atMost(BOUND).until(() -> firstTexts(priority.poll(), ids).size() == leads.size());
            Map<UUID, TouchDue> firstTexts = firstTexts(priority.poll(), ids);
            for (int i = 0; i < leads.size(); i++) {
                TouchDue text = firstTexts.get(leads.get(i).leadId());
                KafkaTestClient.send(Topics.TOUCHES_RESULTS, text.leadId(), new TouchResult(text.touchId(), text.leadId(),
                        text.channel(), TouchStatus.ACCEPTED, "provider_accepted", "250", "msg-" + text.touchId(),
                        leads.get(i).receivedAt().plusMillis(speedsMs[i])));
            }
        }

        await().atMost(BOUND).until(() -> speedOf(source).getLong("count") == leads.size());
        JsonPath board = speedOf(source);
        PrometheusHistogram histogram = speedHistogram(source);

        assertThat(histogram.count()).isEqualTo(leads.size());
        Map.of("p50", 0.5, "p90", 0.9, "p99", 0.99).forEach((name, q) -> {
            double boardSeconds = board.getLong(name) / 1000.0;
            double estimate = histogram.quantile(q);
            assertThat(histogram.bucketOf(boardSeconds))
                    .as("%s: board %s s, histogram_quantile %s s", name, boardSeconds, estimate)
                    .isCloseTo(histogram.bucketOf(estimate), within(1));
        });
        // percentile_cont over the 20 speeds, by hand
        assertThat(board.getLong("p50")).isEqualTo(425);
        assertThat(board.getLong("p90")).isEqualTo(10_200);
    }

    @Test
    void shouldCountASpeedInTheHistogramOnlyWhenItsTransactionCommits() {
        String source = "ops-board-rollback-" + UUID.randomUUID();
        LeadReceived lead = TestLeads.inDaytime(true, source);
        TouchDue text;
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, lead.leadId(), lead);
            await().atMost(BOUND).until(() -> firstTexts(priority.poll(), Set.of(lead.leadId())).size() == 1);
            text = firstTexts(priority.poll(), Set.of(lead.leadId())).get(lead.leadId());
        }

        // as when the database fails at commit: the result is retried later
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            speedToLead.record(Touch.findById(text.touchId()), lead.receivedAt().plusMillis(300));
            throw new IllegalStateException("the commit failed");
        })).hasMessageContaining("the commit failed");
        assertThat(speedHistogram(source).count()).isZero();

        KafkaTestClient.send(Topics.TOUCHES_RESULTS, text.leadId(), new TouchResult(text.touchId(), text.leadId(),
                text.channel(), TouchStatus.ACCEPTED, "provider_accepted", "250", "msg-" + text.touchId(),
                lead.receivedAt().plusMillis(300)));
        await().atMost(BOUND).until(() -> speedOf(source).getLong("count") == 1);
        assertThat(speedHistogram(source).count()).isEqualTo(1);
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

    private static Map<UUID, TouchDue> firstTexts(List<TouchDue> touches, Set<UUID> leadIds) {
        return touches.stream().filter(touch -> leadIds.contains(touch.leadId()) && touch.template().equals("first-text"))
                .collect(Collectors.toMap(TouchDue::leadId, touch -> touch, (first, again) -> first));
    }

    private static PrometheusHistogram speedHistogram(String source) {
        return PrometheusHistogram.parse(given().when().get("/q/metrics").then().statusCode(200).extract().asString(),
                "leadflow_speed_to_first_touch_seconds", "source", source);
    }

    private static JsonPath speedOf(String source) {
        JsonPath board = given().auth().oauth2(OPS_TOKEN).queryParam("source", source).when().get("/api/ops/board")
                .then().statusCode(200).extract().jsonPath();
        return new JsonPath(board.prettify()).setRootPath("speedToFirstTouch.'5m'");
    }

    private static JsonPath board() {
        return given().auth().oauth2(OPS_TOKEN).when().get("/api/ops/board")
                .then().statusCode(200).extract().jsonPath();
    }
}
