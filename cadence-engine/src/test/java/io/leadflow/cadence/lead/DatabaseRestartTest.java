package io.leadflow.cadence.lead;

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
import io.leadflow.cadence.KafkaTestClient.TopicReader;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Nothing lost when PostgreSQL restarts: a new lead and a provider's acceptance that arrive while
 * the database is down (the pooled connections cut, new ones refused) are processed once it is
 * back, once each, with nothing on the dead-letter topics. PostgreSQL runs again afterwards.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class DatabaseRestartTest {

    private static final Duration BOUND = Duration.ofSeconds(30);
    /** Its own source: the speed histograms other tests read are per source. */
    private static final String SOURCE = "restart-web";

    @Test
    void shouldRegisterALeadAndRecordAnAcceptanceThatArrivedWhilePostgresWasDown() throws Exception {
        LeadReceived earlier = TestLeads.inDaytime(true, SOURCE);
        LeadReceived newLead = TestLeads.inDaytime(true, SOURCE);
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class);
                TopicReader<LeadReceived> leadsDlq = KafkaTestClient.read(Topics.deadLetter(Topics.LEADS_RECEIVED), LeadReceived.class);
                TopicReader<TouchResult> resultsDlq = KafkaTestClient.read(Topics.deadLetter(Topics.TOUCHES_RESULTS), TouchResult.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, earlier.leadId(), earlier);
            await().atMost(BOUND).until(() -> forLead(priority.poll(), earlier.leadId()).size() == 4);
            TouchDue firstText = forLead(priority.poll(), earlier.leadId()).stream()
                    .filter(touch -> touch.template().equals("first-text")).findFirst().orElseThrow();
            Instant acceptedAt = earlier.receivedAt().plusMillis(240);

            SharedLocalStack.withPostgresDown(() -> {
                KafkaTestClient.send(Topics.LEADS_RECEIVED, newLead.leadId(), newLead);
                KafkaTestClient.send(Topics.TOUCHES_RESULTS, earlier.leadId(), new TouchResult(firstText.touchId(),
                        earlier.leadId(), firstText.channel(), TouchStatus.ACCEPTED, "provider_accepted", "201",
                        "SM" + firstText.touchId(), acceptedAt));
                // long enough for the consumers to take both records and fail on the database several times
                sleep(Duration.ofSeconds(3));
                assertThat(forLead(priority.poll(), newLead.leadId())).as("nothing dispatched without the database").isEmpty();
            });

            await().atMost(BOUND).until(() -> forLead(priority.poll(), newLead.leadId()).size() == 4);
            await().atMost(BOUND).untilAsserted(() -> given().auth().oauth2(TestLeads.OPS_TOKEN)
                    .when().get("/api/leads/{id}/timeline", earlier.leadId())
                    .then().statusCode(200)
                    .body("speedToFirstTouchMs", equalTo(240))
                    .body("timeline.find { it.touchId == '%s' }.status".formatted(firstText.touchId()), equalTo("accepted")));
            sleep(Duration.ofSeconds(1));
            assertThat(forLead(priority.poll(), newLead.leadId())).as("each first touch dispatched once").hasSize(4);
            assertThat(leadsDlq.poll()).isEmpty();
            assertThat(resultsDlq.poll()).isEmpty();
        }
        assertThat(LocalStackTestResource.postgres().pid()).as("PostgreSQL runs again for the next tests")
                .matches(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    private static List<TouchDue> forLead(List<TouchDue> touches, UUID leadId) {
        return touches.stream().filter(touch -> touch.leadId().equals(leadId)).toList();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
