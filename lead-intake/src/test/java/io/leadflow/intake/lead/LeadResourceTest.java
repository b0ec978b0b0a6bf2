package io.leadflow.intake.lead;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class LeadResourceTest extends PublishingTest {

    /** Keys whose SHA-256 is configured for the test profile in application.properties. */
    static final String WEBSITE_KEY = "test-key-website";
    static final String PARTNER_KEY = "test-key-partner";
    static final String TIMELINE_BASE = "http://engine.test:8081/api/leads/";

    private static final ObjectMapper JSON = Json.newMapper();

    @Test
    void shouldAnswer202AndPublishExactlyOneNormalizedLeadReceivedEventWithCloudEventHeaders() throws Exception {
        Map<TopicPartition, Long> before = topic.endOffsets();

        ValidatableResponse response = post(WEBSITE_KEY, """
                {"firstName": "Maria", "lastName": "Lopez", "email": "  Maria.Lopez@Example.COM ",
                 "phone": "(415) 555-0123", "message": "We are relocating in June.", "postalCode": " 94110-1234 ",
                 "interest": {"community": "Oak Ridge", "budget": "$450k", "custom": {"pets": "one dog"}},
                 "utm": {"utm_source": "google"},
                 "consent": {"sms": true, "email": true, "text": "I agree to texts.", "pageUrl": "https://oak.example/contact"}}
                """)
                .statusCode(202)
                .contentType(ContentType.JSON)
                .body("receivedAt", equalTo(FixedClock.NOW.toString()));
        String leadId = response.extract().path("leadId");
        String timeline = TIMELINE_BASE + leadId + "/timeline";
        response.header("Location", equalTo(timeline)).body("links.timeline", equalTo(timeline));

        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(leadId);
        assertThat(LeadsTopic.header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(LeadsTopic.header(record, "ce_type")).isEqualTo(EventTypes.LEAD_RECEIVED);
        assertThat(LeadsTopic.header(record, "ce_subject")).isEqualTo(leadId);
        assertThat(LeadsTopic.header(record, "ce_source")).isEqualTo("/leadflow/lead-intake/test-website");
        assertThat(UUID.fromString(LeadsTopic.header(record, "ce_id"))).isNotEqualTo(UUID.fromString(leadId));
        assertThat(OffsetDateTime.parse(LeadsTopic.header(record, "ce_time")).toInstant()).isEqualTo(FixedClock.NOW);

        assertThat(record.value()).contains("\"receivedAt\":\"" + FixedClock.NOW + "\"");
        LeadReceived event = JSON.readValue(record.value(), LeadReceived.class);
        assertThat(event.leadId()).hasToString(leadId);
        assertThat(event.sourceId()).isEqualTo("test-website");
        assertThat(event.receivedAt()).isEqualTo(FixedClock.NOW);
        assertThat(event.test()).isFalse();
        assertThat(event.contact().fullName()).isEqualTo("Maria Lopez");
        assertThat(event.contact().email()).isEqualTo("maria.lopez@example.com");
        assertThat(event.contact().phoneE164()).isEqualTo("+14155550123");
        assertThat(event.contact().phoneRaw()).isEqualTo("(415) 555-0123");
        assertThat(event.contact().phoneValid()).isTrue();
        assertThat(event.timeZone()).isEqualTo(new LeadReceived.LeadTimeZone("America/Los_Angeles", "phone"));
        assertThat(event.postalCode()).isEqualTo(new LeadReceived.PostalCode("94110-1234", "US"));
        assertThat(event.interest().budget()).isEqualTo("$450k");
        assertThat(event.interest().custom()).containsEntry("pets", "one dog");
        assertThat(event.utm()).containsEntry("utm_source", "google");
        assertThat(event.consent().sms()).isTrue();
        assertThat(event.consent().at()).isEqualTo(FixedClock.NOW);
        assertThat(event.consent().ip()).isNotBlank();
        assertThat(event.consent().pageUrl()).isEqualTo("https://oak.example/contact");
    }

    @Test
    void shouldKeepTheFormTimeZoneElseFallBackToTheDefaultAndLeaveSmsConsentOff() throws Exception {
        Map<TopicPartition, Long> before = topic.endOffsets();

        String withZone = post(WEBSITE_KEY, """
                {"fullName": "Ana Ruiz", "email": "ana@example.com", "timeZone": "America/Chicago"}
                """).statusCode(202).extract().path("leadId");
        String withoutZone = post(WEBSITE_KEY, """
                {"fullName": "Bo Chen", "email": "bo@example.com", "test": true}
                """).statusCode(202).extract().path("leadId");

        Map<String, LeadReceived> events = eventsById(topic.recordsSince(before));
        assertThat(events).containsOnlyKeys(withZone, withoutZone);
        assertThat(events.get(withZone).timeZone()).isEqualTo(new LeadReceived.LeadTimeZone("America/Chicago", "form"));
        assertThat(events.get(withoutZone).timeZone())
                .isEqualTo(new LeadReceived.LeadTimeZone("America/New_York", "default"));
        assertThat(events.get(withoutZone).postalCode()).as("no postal code given").isNull();
        assertThat(events.get(withoutZone).test()).isTrue();
        assertThat(events.get(withoutZone).consent().sms()).isFalse();
        assertThat(events.get(withoutZone).consent().at()).isNull();
    }

    @Test
    void shouldTakeAZipAnswerAsThePostalCodeOnlyWhenItReadsAsOne() throws Exception {
        Map<TopicPartition, Long> before = topic.endOffsets();

        String zipAnswer = post(WEBSITE_KEY, """
                {"fullName": "Ana Ruiz", "email": "ana@example.com", "interest": {"custom": {"ZIP code": "75001"}}}
                """).statusCode(202).extract().path("leadId");
        String badZip = post(WEBSITE_KEY, """
                {"fullName": "Bo Chen", "email": "bo@example.com", "interest": {"custom": {"zip": "near the lake"}}}
                """).statusCode(202).extract().path("leadId");

        Map<String, LeadReceived> events = eventsById(topic.recordsSince(before));
        assertThat(events.get(zipAnswer).postalCode()).isEqualTo(new LeadReceived.PostalCode("75001", "US"));
        assertThat(events.get(badZip).postalCode()).isNull();
        assertThat(events.get(badZip).interest().custom()).containsEntry("zip", "near the lake");
    }

    @Test
    void shouldKeepALeadWithAnEmailWhosePhoneCannotBeReadWithTheSourceCountryAndFlagThePhone() throws Exception {
        Map<TopicPartition, Long> before = topic.endOffsets();

        // a London number in national format: not a number in the source's country (US)
        String leadId = post(WEBSITE_KEY, """
                {"fullName": "Olivia Grant", "email": "olivia@example.co.uk", "phone": "020 7946 0958",
                 "consent": {"sms": true, "email": true}}
                """).statusCode(202).extract().path("leadId");
        post(WEBSITE_KEY, """
                {"fullName": "Olivia Grant", "phone": "020 7946 0958"}
                """)
                .statusCode(400)
                .body("type", equalTo("urn:leadflow:problem:invalid-lead"))
                .body("errors.field", containsInAnyOrder("phone"))
                .body("errors.message", containsInAnyOrder("is not a valid phone number"));

        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(leadId);
        LeadReceived.Contact contact = JSON.readValue(records.get(0).value(), LeadReceived.class).contact();
        assertThat(contact.email()).isEqualTo("olivia@example.co.uk");
        assertThat(contact.phoneRaw()).isEqualTo("020 7946 0958");
        assertThat(contact.phoneE164()).isNull();
        assertThat(contact.phoneValid()).isFalse();
    }

    @Test
    void shouldAnswerARetryWithTheSameIdempotencyKeyWithTheFirstAnswerAndPublishNothingNew() throws Exception {
        String key = "form-submission-" + UUID.randomUUID();
        String body = """
                {"fullName": "Maria Lopez", "phone": "+1 212 555 0100", "utm": {"b": "2", "a": "1"}}
                """;
        String sameLeadReformatted = """
                {  "utm": {"a": "1", "b": "2"}, "phone": "+1 212 555 0100", "fullName": " Maria Lopez ", "unknown": 1 }
                """;
        Map<TopicPartition, Long> before = topic.endOffsets();

        String first = postWithKey(WEBSITE_KEY, key, body).statusCode(202).extract().path("leadId");
        postWithKey(WEBSITE_KEY, key, sameLeadReformatted).statusCode(202)
                .body("leadId", equalTo(first))
                .body("receivedAt", equalTo(FixedClock.NOW.toString()))
                .header("Location", equalTo(TIMELINE_BASE + first + "/timeline"));
        String otherSource = postWithKey(PARTNER_KEY, key, body).statusCode(202).extract().path("leadId");
        String noKey = post(WEBSITE_KEY, body).statusCode(202).extract().path("leadId");

        assertThat(otherSource).isNotEqualTo(first);
        assertThat(noKey).isNotIn(first, otherSource);
        assertThat(first).isEqualTo(LeadIds.forSubmission("test-website", key).toString());
        assertThat(topic.recordsSince(before)).extracting(ConsumerRecord::key)
                .containsExactlyInAnyOrder(first, otherSource, noKey);
    }

    @Test
    void shouldAnswer422WhenAnIdempotencyKeyIsReusedWithAnotherLeadAndForgetTheKeyAfter24Hours() {
        String key = "reused-" + UUID.randomUUID();
        Map<TopicPartition, Long> before = topic.endOffsets();
        String first = postWithKey(WEBSITE_KEY, key, """
                {"fullName": "Maria Lopez", "email": "maria@example.com"}
                """).statusCode(202).extract().path("leadId");

        postWithKey(WEBSITE_KEY, key, """
                {"fullName": "Someone Else", "email": "else@example.com"}
                """)
                .statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:idempotency-key-reused"))
                .body("errors[0].field", equalTo("Idempotency-Key"));
        assertThat(topic.recordsSince(before)).extracting(ConsumerRecord::key).containsExactly(first);

        FixedClock.advance(Duration.ofHours(24).plusSeconds(1));
        Map<TopicPartition, Long> later = topic.endOffsets();
        postWithKey(WEBSITE_KEY, key, """
                {"fullName": "Someone Else", "email": "else@example.com"}
                """).statusCode(202).body("leadId", equalTo(first));
        // the record expired: the lead is published again, with the same id the engine dedupes on
        assertThat(topic.recordsSince(later)).extracting(ConsumerRecord::key).containsExactly(first);
    }

    @Test
    void shouldRejectAnInvalidLeadWith400NamingEachFieldAndPublishNothing() {
        Map<TopicPartition, Long> before = topic.endOffsets();

        post(WEBSITE_KEY, """
                {"fullName": "Maria Lopez", "email": "maria@@example", "phone": "555-01"}
                """)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:invalid-lead"))
                .body("status", equalTo(400))
                .body("errors.field", containsInAnyOrder("email", "phone"));
        post(WEBSITE_KEY, """
                {"firstName": "Maria", "message": "no way to reach me"}
                """)
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("email", "phone"))
                .body("errors.message", everyItem(equalTo("an email or a phone is required")));
        String tooLong = "x".repeat(201);
        String body = post(WEBSITE_KEY, """
                {"email": "maria@example.com", "timeZone": "Mars/Olympus_Mons", "postalCode": "9411",
                 "interest": {"budget": "%s"}, "utm": {"utm_source": "%s"}}
                """.formatted(tooLong, "y".repeat(501)))
                .statusCode(400)
                .body("errors.field", containsInAnyOrder(
                        "firstName", "fullName", "interest.budget", "postalCode", "timeZone", "utm[utm_source]"))
                .extract().asString();
        assertThat(body).doesNotContain("createLead", "arg0", "Exception", "maria@example.com");

        String marker = post(WEBSITE_KEY, """
                {"fullName": "Marker Lead", "email": "marker@example.com"}
                """).statusCode(202).extract().path("leadId");
        assertThat(topic.recordsSince(before)).extracting(ConsumerRecord::key).containsExactly(marker);
    }

    @Test
    void shouldAnswer401WithoutAValidSourceKeyAndPublishNothing() {
        Map<TopicPartition, Long> before = topic.endOffsets();
        String lead = """
                {"fullName": "Maria Lopez", "email": "maria@example.com"}
                """;

        given().contentType(ContentType.JSON).body(lead).post("/api/leads").then()
                .statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:unauthorized"));
        post("not-a-configured-key", lead).statusCode(401).body("type", equalTo("urn:leadflow:problem:unauthorized"));
        given().header("Authorization", "Basic " + WEBSITE_KEY).contentType(ContentType.JSON).body(lead)
                .post("/api/leads").then().statusCode(401);
        // the source is checked before the body is read: an unknown caller learns nothing about the format
        post("not-a-configured-key", "{not json").statusCode(401);

        String marker = post(WEBSITE_KEY, lead).statusCode(202).extract().path("leadId");
        assertThat(topic.recordsSince(before)).extracting(ConsumerRecord::key).containsExactly(marker);
        given().get("/q/metrics").then().statusCode(200)
                .body(containsString("leadflow_intake_rejected_total{reason=\"unauthorized\",source=\"unknown\"}"))
                .body(containsString("leadflow_leads_received_total{source=\"test-website\"}"));
    }

    @Test
    void shouldAnswerMalformedJsonWith400ProblemWithoutInternals() {
        Map<TopicPartition, Long> before = topic.endOffsets();

        String body = post(WEBSITE_KEY, "{\"fullName\": \"Maria\", \"email\": ")
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:malformed-json"))
                .body("title", startsWith("The request body"))
                .extract().asString();
        assertThat(body).doesNotContain("jackson", "Exception", "at [Source");
        post(WEBSITE_KEY, """
                {"fullName": "Maria", "email": "maria@example.com", "interest": "a big house"}
                """)
                .statusCode(400)
                .body("type", equalTo("urn:leadflow:problem:malformed-json"))
                .body("errors[0].field", equalTo("interest"));
        given().auth().oauth2(WEBSITE_KEY).contentType(ContentType.TEXT).body("Maria, maria@example.com")
                .post("/api/leads").then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:unsupported-media-type"));

        String marker = post(WEBSITE_KEY, """
                {"fullName": "Marker Lead", "phone": "+44 20 7946 0958"}
                """).statusCode(202).extract().path("leadId");
        assertThat(topic.recordsSince(before)).extracting(ConsumerRecord::key).containsExactly(marker);
    }

    @Test
    void shouldRefuseABodyOverTheLimitWith413ProblemAndPublishNothing() {
        Map<TopicPartition, Long> before = topic.endOffsets();

        post(WEBSITE_KEY, "{\"fullName\": \"" + "x".repeat(70_000) + "\", \"email\": \"big@example.com\"}")
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:payload-too-large"))
                .body("errors[0].field", equalTo("body"));

        assertThat(topic.recordsSince(before)).isEmpty();
    }

    @Test
    void shouldDocumentThePublicEndpointsWithExamplesInOpenApiAndSwaggerUi() {
        given().accept(ContentType.JSON).get("/q/openapi").then()
                .statusCode(200)
                .body("paths.keySet()", org.hamcrest.Matchers.hasItems("/api/leads", "/f/{formKey}",
                        "/webhooks/google-ads/{sourceId}", "/webhooks/meta/{sourceId}", "/webhooks/json/{sourceId}",
                        "/admin/sources"))
                .body("paths.'/api/leads'.post.requestBody.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.contains("community inquiry"))
                .body("paths.'/webhooks/google-ads/{sourceId}'.post.requestBody.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.contains("WebhookLead"))
                .body("paths.'/webhooks/meta/{sourceId}'.post.requestBody.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.contains("leadgen change"))
                .body("paths.'/webhooks/json/{sourceId}'.post.requestBody.content.'application/json'.examples.keySet()",
                        org.hamcrest.Matchers.hasSize(2))
                .body("paths.'/f/{formKey}'.post.requestBody.content.'application/x-www-form-urlencoded'.examples.keySet()",
                        org.hamcrest.Matchers.contains("community inquiry"));
        given().get("/q/swagger-ui/").then().statusCode(200);
    }

    private static ValidatableResponse postWithKey(String sourceKey, String idempotencyKey, String body) {
        return given().header("Idempotency-Key", idempotencyKey).auth().oauth2(sourceKey).contentType(ContentType.JSON)
                .body(body).post("/api/leads").then();
    }

    static ValidatableResponse post(String sourceKey, String body) {
        return given().auth().oauth2(sourceKey).contentType(ContentType.JSON).body(body).post("/api/leads").then();
    }

    private static Map<String, LeadReceived> eventsById(List<ConsumerRecord<String, String>> records) throws Exception {
        Map<String, LeadReceived> events = new HashMap<>();
        for (ConsumerRecord<String, String> record : records) {
            LeadReceived event = JSON.readValue(record.value(), LeadReceived.class);
            events.put(event.leadId().toString(), event);
        }
        return events;
    }
}
