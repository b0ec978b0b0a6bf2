package io.leadflow.intake.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadflow.intake.source.AdminApi;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * The shared broker is really stopped (a controlled shutdown) while leads arrive, then started again on the same
 * port with its data: {@link SharedLocalStack#withKafkaDown} leaves it running for the other test classes.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class BrokerOutageTest extends PublishingTest {

    private static final Duration PROMISED_ANSWER = Duration.ofSeconds(3);
    private static final int RETRIES_AFTER_RESTART = 10;

    @Test
    void shouldAnswer503QuicklyWhileTheBrokerIsDownAndPublishTheRetryOnceWithTheSameLeadId() {
        String sourceId = "outage-" + UUID.randomUUID().toString().substring(0, 8);
        // one lead per phone per hour: an attempt the broker did not take must not use it up
        String sourceKey = AdminApi.createSource(sourceId, "\"limits\": {\"leadsPerHourPerPhone\": 1}")
                .extract().path("key");
        String idempotencyKey = "checkout-" + UUID.randomUUID();
        String body = """
                {"fullName": "Maria Lopez", "email": "maria.outage@example.com", "phone": "+1 415 555 0199",
                 "consent": {"sms": true, "text": "I agree to texts."}}
                """;
        // the outage finds intake running: it has published before, so it knows the topic
        awaitPublishing();
        Map<TopicPartition, Long> before = topic.endOffsets();

        SharedLocalStack.withKafkaDown(() -> {
            for (int attempt = 1; attempt <= 2; attempt++) {
                long started = System.nanoTime();
                Response answer = post(sourceKey, idempotencyKey, body);
                Duration took = Duration.ofNanos(System.nanoTime() - started);

                answer.then().statusCode(503)
                        .contentType("application/problem+json")
                        .header("Retry-After", "5")
                        .body("type", equalTo("urn:leadflow:problem:broker-unavailable"));
                System.out.printf("Broker down: attempt %d answered 503 in %d ms%n", attempt, took.toMillis());
                assertThat(took).as("attempt %d", attempt).isLessThan(PROMISED_ANSWER);
            }
        });

        // as a client does: retry with the same key until the broker takes it (its partitions need a moment)
        Response accepted = postUntilAccepted(sourceKey, idempotencyKey, body);
        String leadId = accepted.path("leadId");
        assertThat(leadId).isEqualTo(LeadIds.forSubmission(sourceId, idempotencyKey).toString());

        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(leadId);

        // a retry of the accepted lead gets the first answer and publishes nothing
        Map<TopicPartition, Long> afterAccepted = topic.endOffsets();
        post(sourceKey, idempotencyKey, body).then().statusCode(202).body("leadId", equalTo(leadId));
        assertThat(topic.recordsSince(afterAccepted)).isEmpty();
    }

    /** Whatever happened above, the next test class finds intake publishing again. */
    @AfterEach
    void awaitPublishing() {
        postUntilAccepted(LeadResourceTest.WEBSITE_KEY, "outage-marker-" + UUID.randomUUID(),
                "{\"fullName\": \"Marker Lead\", \"email\": \"marker@example.com\"}");
    }

    private static Response postUntilAccepted(String sourceKey, String idempotencyKey, String body) {
        Response answer = post(sourceKey, idempotencyKey, body);
        for (int retry = 1; answer.statusCode() == 503 && retry <= RETRIES_AFTER_RESTART; retry++) {
            sleep(Duration.ofSeconds(1));
            answer = post(sourceKey, idempotencyKey, body);
        }
        answer.then().statusCode(202);
        return answer;
    }

    private static Response post(String sourceKey, String idempotencyKey, String body) {
        return given().header(LeadAdmission.IDEMPOTENCY_KEY, idempotencyKey).auth().oauth2(sourceKey)
                .contentType(ContentType.JSON).body(body).post("/api/leads");
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
