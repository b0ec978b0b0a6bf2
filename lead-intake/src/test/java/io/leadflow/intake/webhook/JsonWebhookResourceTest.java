package io.leadflow.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.intake.lead.FixedClock;
import io.leadflow.intake.lead.LeadIds;
import io.leadflow.intake.lead.PublishingTest;
import io.leadflow.intake.source.AdminApi;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class JsonWebhookResourceTest extends PublishingTest {

    private static final String SECRET = "typeform-webhook-secret";
    private static final String CONSENT = "I agree to receive texts from Oak Ridge Homes.";

    /** Shaped like the form_response sample in Typeform's webhook documentation. */
    private static String typeformDelivery(String token, String submittedAt) {
        return """
                {
                  "event_id": "01HK2M3W4X5Y6Z7A8B9C0D1E2F",
                  "event_type": "form_response",
                  "form_response": {
                    "form_id": "lT4Z3j",
                    "token": "%s",
                    "landed_at": "2026-11-23T16:58:40Z",
                    "submitted_at": "%s",
                    "hidden": {"utm_source": "facebook", "utm_campaign": "fall-open-house"},
                    "definition": {
                      "id": "lT4Z3j",
                      "title": "Oak Ridge inquiry",
                      "fields": [
                        {"id": "Zp1S6lUCi2nB", "title": "Your name", "type": "short_text", "ref": "full_name"},
                        {"id": "DlXFaesGBpoF", "title": "Your email", "type": "email", "ref": "contact_email"},
                        {"id": "SMEUb7VJz92Q", "title": "Your phone", "type": "phone_number", "ref": "contact_phone"},
                        {"id": "k6TP9oLGgHjl", "title": "Which community?", "type": "multiple_choice", "ref": "community"},
                        {"id": "X4BgU2f1K6tG", "title": "When do you plan to move in?", "type": "multiple_choice", "ref": "move_in"},
                        {"id": "gFFf3xAkJKsr", "title": "May we text you?", "type": "yes_no", "ref": "sms_consent"}
                      ]
                    },
                    "answers": [
                      {"type": "text", "text": "Maria Lopez", "field": {"id": "Zp1S6lUCi2nB", "type": "short_text", "ref": "full_name"}},
                      {"type": "email", "email": "Maria.Lopez@Example.com", "field": {"id": "DlXFaesGBpoF", "type": "email", "ref": "contact_email"}},
                      {"type": "phone_number", "phone_number": "+14155550123", "field": {"id": "SMEUb7VJz92Q", "type": "phone_number", "ref": "contact_phone"}},
                      {"type": "choice", "choice": {"label": "Oak Ridge"}, "field": {"id": "k6TP9oLGgHjl", "type": "multiple_choice", "ref": "community"}},
                      {"type": "choice", "choice": {"label": "3-6 months"}, "field": {"id": "X4BgU2f1K6tG", "type": "multiple_choice", "ref": "move_in"}},
                      {"type": "boolean", "boolean": true, "field": {"id": "gFFf3xAkJKsr", "type": "yes_no", "ref": "sms_consent"}}
                    ]
                  }
                }
                """.formatted(token, submittedAt);
    }

    @Test
    void shouldTakeASignedTypeformResponseOnceWithoutAnyMapping() throws Exception {
        String sourceId = signedSource();
        String token = "a3a12ec67a1365927098a606107fac15" + UUID.randomUUID().toString().substring(0, 8);
        String delivery = typeformDelivery(token, FixedClock.NOW.minusSeconds(6).toString());
        Map<TopicPartition, Long> before = topic.endOffsets();

        String leadId = postSigned(sourceId, delivery, TypeformSignature.of(SECRET, bytes(delivery)))
                .statusCode(200).extract().path("leadId");
        postSigned(sourceId, delivery, TypeformSignature.of(SECRET, bytes(delivery)))
                .statusCode(200).body("leadId", equalTo(leadId));

        assertThat(leadId).isEqualTo(LeadIds.forSubmission(sourceId, "json:" + token).toString());
        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(leadId);
        LeadReceived lead = Json.newMapper().readValue(records.get(0).value(), LeadReceived.class);
        assertThat(lead.contact().fullName()).isEqualTo("Maria Lopez");
        assertThat(lead.contact().email()).isEqualTo("maria.lopez@example.com");
        assertThat(lead.contact().phoneE164()).isEqualTo("+14155550123");
        assertThat(lead.interest().community()).isEqualTo("Oak Ridge");
        assertThat(lead.interest().custom()).containsExactly(Map.entry("When do you plan to move in?", "3-6 months"));
        assertThat(lead.utm()).containsEntry("utm_source", "facebook").containsEntry("utm_campaign", "fall-open-house");
        assertThat(lead.consent().sms()).isTrue();
        assertThat(lead.consent().text()).isEqualTo(CONSENT);
        assertThat(lead.test()).isFalse();
    }

    @Test
    void shouldRefuseUnsignedForgedTamperedOrReplayedTypeformDeliveriesAndPublishNothing() {
        String sourceId = signedSource();
        String delivery = typeformDelivery("tok-" + UUID.randomUUID(), FixedClock.NOW.toString());
        String signature = TypeformSignature.of(SECRET, bytes(delivery));
        String stale = typeformDelivery("tok-" + UUID.randomUUID(), FixedClock.NOW.minus(Duration.ofHours(25)).toString());
        String future = typeformDelivery("tok-" + UUID.randomUUID(), FixedClock.NOW.plus(Duration.ofMinutes(30)).toString());
        Map<TopicPartition, Long> before = topic.endOffsets();

        given().contentType(ContentType.JSON).body(delivery).post("/webhooks/json/" + sourceId).then()
                .statusCode(401).contentType("application/problem+json");
        postSigned(sourceId, delivery, TypeformSignature.of("another-secret", bytes(delivery))).statusCode(401);
        postSigned(sourceId, delivery.replace("Maria Lopez", "Mallory"), signature).statusCode(401);
        postSigned(sourceId, delivery, signature.replace("sha256=", "sha1=")).statusCode(401);
        postSigned("no-such-source", delivery, signature).statusCode(401);
        postSigned(sourceId, stale, TypeformSignature.of(SECRET, bytes(stale)))
                .statusCode(400).body("errors[0].field", equalTo("submittedAt"));
        postSigned(sourceId, future, TypeformSignature.of(SECRET, bytes(future)))
                .statusCode(400).body("errors[0].field", equalTo("submittedAt"));
        String undated = delivery.replaceAll("\"submitted_at\": \"[^\"]+\",", "");
        postSigned(sourceId, undated, TypeformSignature.of(SECRET, bytes(undated)))
                .statusCode(400).body("errors[0].field", equalTo("submittedAt"));

        assertThat(topic.recordsSince(before)).isEmpty();
    }

    @Test
    void shouldReadFlatJsonWithTheSourceMappingAndCommonNamesBehindItsKey() throws Exception {
        String sourceId = "zap-" + UUID.randomUUID().toString().substring(0, 8);
        String key = AdminApi.createSource(sourceId, """
                "fieldMapping": {"phone": "/contact/mobile", "externalId": "/zap_meta/id", "custom.Lot": "/details/lot"}
                """).body("source.fieldMapping.phone", equalTo("/contact/mobile"))
                .body("source.webhookSigned", equalTo(false))
                .extract().path("key");
        String zap = """
                {"zap_meta": {"id": "zap-%s"}, "first_name": "Ana", "last_name": "Ruiz",
                 "email_address": "Ana@Example.com", "contact": {"mobile": "(312) 555-0142"}, "details": {"lot": 17},
                 "budget": "$500k", "utm_source": "zapier", "Favorite color": "green", "phone": "not this one"}
                """.formatted(UUID.randomUUID());
        Map<TopicPartition, Long> before = topic.endOffsets();

        String leadId = postWithKey(sourceId, key, zap).statusCode(200).extract().path("leadId");
        postWithKey(sourceId, key, zap).statusCode(200).body("leadId", equalTo(leadId));
        postWithKey(sourceId, "not-the-key", zap).statusCode(401);
        given().contentType(ContentType.JSON).body(zap).post("/webhooks/json/" + sourceId).then().statusCode(401);
        postWithKey(sourceId, key, zap.replace("Ana@Example.com", "ana@@example"))
                .statusCode(400).body("errors.field", hasItem("email_address"));
        postWithKey(sourceId, key, "{\"first_name\": \"Bo\", \"contact\": {\"mobile\": \"call me\"}}")
                .statusCode(400).body("errors.field", hasItem("/contact/mobile"));
        postWithKey(sourceId, key, "{\"first_name\": \"Bo\", \"first_name\": \"Al\"}")
                .statusCode(400).body("type", equalTo("urn:leadflow:problem:malformed-json"));
        postWithKey(sourceId, key, "[1, 2]").statusCode(400).body("errors[0].field", equalTo("body"));

        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).extracting(ConsumerRecord::key).containsExactly(leadId);
        LeadReceived lead = Json.newMapper().readValue(records.get(0).value(), LeadReceived.class);
        assertThat(lead.contact().fullName()).isEqualTo("Ana Ruiz");
        assertThat(lead.contact().email()).isEqualTo("ana@example.com");
        assertThat(lead.contact().phoneE164()).isEqualTo("+13125550142");
        assertThat(lead.interest().budget()).isEqualTo("$500k");
        assertThat(lead.interest().custom()).containsEntry("Lot", "17").containsEntry("Favorite color", "green")
                .doesNotContainKey("zap_meta");
        assertThat(lead.utm()).containsEntry("utm_source", "zapier");
        assertThat(lead.consent().sms()).isFalse();
    }

    @Test
    void shouldRefuseAFieldMappingToAnUnknownFieldOrWithoutAJsonPointer() {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("{\"id\": \"bad-mapping\", \"name\": \"Oak Ridge\", "
                        + "\"fieldMapping\": {\"ownerRep\": \"/rep\", \"email\": \"contact.email\"}}")
                .post("/admin/sources").then()
                .statusCode(400)
                .body("errors.field", everyItem(startsWith("fieldMapping")))
                .body("errors.size()", equalTo(2));
    }

    private static String signedSource() {
        String sourceId = "typeform-" + UUID.randomUUID().toString().substring(0, 8);
        AdminApi.createSource(sourceId, """
                "webhookSecret": "%s", "consentText": "%s"
                """.formatted(SECRET, CONSENT))
                .body("source.webhookSigned", equalTo(true))
                .body("source", not(hasKey("webhookSecret")));
        return sourceId;
    }

    private static ValidatableResponse postSigned(String sourceId, String body, String signature) {
        return given().header(TypeformSignature.HEADER, signature).contentType(ContentType.JSON)
                .body(bytes(body)).post("/webhooks/json/" + sourceId).then();
    }

    private static ValidatableResponse postWithKey(String sourceId, String key, String body) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(body)
                .post("/webhooks/json/" + sourceId).then();
    }

    private static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
