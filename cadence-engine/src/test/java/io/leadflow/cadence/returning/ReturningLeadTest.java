package io.leadflow.cadence.returning;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;

import io.leadflow.cadence.KafkaTestClient;
import io.leadflow.cadence.KafkaTestClient.TopicReader;
import io.leadflow.cadence.lead.TestLeads;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class ReturningLeadTest {

    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final String NEW_MESSAGE = "Is the model home open on Sunday afternoon";

    @Test
    void shouldGiveTwoLeadsOfTheSamePhonePostedAtTheSameMomentOneCadenceAndOneCameBackAlert() {
        LeadReceived first = TestLeads.inDaytime(true);
        LeadReceived second = sameRequest(first, first.contact().phoneE164(), "other." + first.contact().email(),
                first.receivedAt());
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            CompletableFuture.allOf(
                    CompletableFuture.runAsync(() -> KafkaTestClient.send(Topics.LEADS_RECEIVED, first.leadId(), first)),
                    CompletableFuture.runAsync(() -> KafkaTestClient.send(Topics.LEADS_RECEIVED, second.leadId(), second)))
                    .join();

            await().atMost(BOUND).until(() -> ofEither(priority.poll(), first, second).stream()
                    .anyMatch(touch -> touch.template().equals(ReturningLeads.CAME_BACK_TEMPLATE)));
            UUID survivor = ofEither(priority.poll(), first, second).get(0).leadId();
            UUID merged = survivor.equals(first.leadId()) ? second.leadId() : first.leadId();
            LeadReceived mergedInquiry = merged.equals(first.leadId()) ? first : second;

            timeline(merged).then().statusCode(308).header("Location", endsWith("/api/leads/" + survivor + "/timeline"));
            timeline(survivor).then().statusCode(200)
                    .body("cadenceState", equalTo("active"))
                    .body("timeline.findAll { it.kind == 'came_back' }", hasSize(1))
                    .body("timeline.find { it.kind == 'came_back' }.detail", containsString("same phone"))
                    // the first inquiry's 2 alerts and 5 touches, then the came-back alert's 2 - no second cadence
                    .body("timeline.findAll { it.kind == 'alert' }", hasSize(4))
                    .body("timeline.findAll { it.kind == 'touch' }", hasSize(5));
            List<TouchDue> dispatched = ofEither(priority.poll(), first, second);
            assertThat(dispatched).allSatisfy(touch -> assertThat(touch.leadId()).isEqualTo(survivor));
            assertThat(dispatched).extracting(TouchDue::template).filteredOn(ReturningLeads.CAME_BACK_TEMPLATE::equals)
                    .hasSize(2);
            assertThat(dispatched).filteredOn(touch -> touch.template().equals(ReturningLeads.CAME_BACK_TEMPLATE))
                    .allSatisfy(alert -> assertThat(alert.lead().message()).isEqualTo(mergedInquiry.message()));
        }
    }

    @Test
    void shouldMergeALeadWhoseEmailMatchesWhateverItsCase() {
        LeadReceived first = TestLeads.inDaytime(true);
        KafkaTestClient.send(Topics.LEADS_RECEIVED, first.leadId(), first);
        await().atMost(BOUND).untilAsserted(() -> timeline(first.leadId()).then().statusCode(200));

        LeadReceived again = sameRequest(first, TestLeads.inDaytime(true).contact().phoneE164(),
                first.contact().email().toUpperCase(Locale.ROOT), Instant.now().truncatedTo(ChronoUnit.MILLIS));
        KafkaTestClient.send(Topics.LEADS_RECEIVED, again.leadId(), again);

        await().atMost(BOUND).untilAsserted(() -> timeline(again.leadId()).then().statusCode(308));
        timeline(first.leadId()).then().statusCode(200)
                .body("timeline.find { it.kind == 'came_back' }.detail", containsString("same email"))
                .body("timeline.find { it.kind == 'came_back' }.detail", containsString(again.leadId().toString()));
    }

    @Test
    void shouldStartASecondCadenceWhenTheEarlierLeadIsOlderThanTheWindow() {
        LeadReceived longAgo = TestLeads.inDaytime(true);
        LeadReceived old = sameRequest(longAgo, longAgo.contact().phoneE164(), longAgo.contact().email(),
                longAgo.receivedAt().minus(Duration.ofDays(31)));
        KafkaTestClient.send(Topics.LEADS_RECEIVED, old.leadId(), old);
        await().atMost(BOUND).untilAsserted(() -> timeline(old.leadId()).then().statusCode(200));

        LeadReceived now = sameRequest(longAgo, longAgo.contact().phoneE164(), longAgo.contact().email(),
                Instant.now().truncatedTo(ChronoUnit.MILLIS));
        try (TopicReader<TouchDue> priority = KafkaTestClient.read(Topics.TOUCHES_DUE_PRIORITY, TouchDue.class)) {
            KafkaTestClient.send(Topics.LEADS_RECEIVED, now.leadId(), now);
            await().atMost(BOUND).until(() -> priority.poll().stream()
                    .filter(touch -> touch.leadId().equals(now.leadId())).count() == 4);
        }
        timeline(now.leadId()).then().statusCode(200)
                .body("timeline.findAll { it.kind == 'came_back' }", hasSize(0));
        timeline(old.leadId()).then().statusCode(200)
                .body("timeline.findAll { it.kind == 'came_back' }", hasSize(0));
    }

    /** The same person asking again: a new lead id, the given phone, email and time, a new message. */
    private static LeadReceived sameRequest(LeadReceived lead, String phone, String email, Instant receivedAt) {
        LeadReceived.Contact contact = lead.contact();
        var sameperson = new LeadReceived.Contact(contact.fullName(), contact.firstName(), contact.lastName(), email,
                phone, contact.phoneRaw(), true);
        return new LeadReceived(UUID.randomUUID(), lead.sourceId(), receivedAt, lead.test(), sameperson,
                lead.timeZone(), NEW_MESSAGE, lead.interest(), lead.utm(), lead.consent());
    }

    private static List<TouchDue> ofEither(List<TouchDue> touches, LeadReceived first, LeadReceived second) {
        Set<UUID> ids = Set.of(first.leadId(), second.leadId());
        return touches.stream().filter(touch -> ids.contains(touch.leadId())).toList();
    }

    private static Response timeline(UUID leadId) {
        return given().auth().oauth2(TestLeads.OPS_TOKEN).redirects().follow(false)
                .when().get("/api/leads/{id}/timeline", leadId);
    }
}
