package io.leadflow.intake.webhook;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadReceived;
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
@QuarkusTestResource(GraphApiStub.class)
class WebhookResourceTest extends PublishingTest {

    private static final String APP_SECRET = "app-secret-123";

    private String sourceId;
    private String sourceKey;

    @BeforeEach
    void createSource() {
        sourceId = "ads-" + UUID.randomUUID().toString().substring(0, 8);
        sourceKey = AdminApi.createSource(sourceId, """
                "metaAppSecret": "%s", "metaPageAccessToken": "%s"
                """.formatted(APP_SECRET, GraphApiStub.ACCESS_TOKEN)).extract().path("key");
    }

    /** Shaped like the sample in Google's lead form webhook documentation. */
    private String googleLead(String leadId, String googleKey, boolean test) {
        return """
                {
                  "lead_id": "%s",
                  "user_column_data": [
                    {"column_name": "Full Name", "string_value": "FirstName LastName", "column_id": "FULL_NAME"},
                    {"column_name": "User Phone", "string_value": "+16505550123", "column_id": "PHONE_NUMBER"},
                    {"column_name": "User Email", "string_value": "Test@Example.com", "column_id": "EMAIL"},
                    {"column_name": "Which community?", "string_value": "Oak Ridge", "column_id": "what_community"}
                  ],
                  "api_version": "1.0",
                  "form_id": 40000000000,
                  "campaign_id": 20000000000,
                  "google_key": "%s",
                  "is_test": %s,
                  "gcl_id": "TeSter-123-ABCDEFGHIJKLMNOPQRSTUVWXYZ-abcdefghijklmnopqrstuvwxyz-0123456789-AaBbCcDdEe",
                  "adgroup_id": 20000000000,
                  "creative_id": 30000000000,
                  "a_field_google_adds_later": {"x": 1}
                }
                """.formatted(leadId, googleKey, test);
    }

    @Test
    void shouldTakeAGoogleAdsLeadOnceWithItsStableIdCustomAnswersAndTestFlag() throws Exception {
        String googleLeadId = "TeSter-" + UUID.randomUUID();
        Map<TopicPartition, Long> before = topic.endOffsets();

        String leadId = postGoogle(googleLead(googleLeadId, sourceKey, true)).statusCode(200).extract().path("leadId");
        postGoogle(googleLead(googleLeadId, sourceKey, true)).statusCode(200).body("leadId", equalTo(leadId));

        assertThat(leadId).isEqualTo(LeadIds.forSubmission(sourceId, "google:" + googleLeadId).toString());
        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).hasSize(1);
        LeadReceived lead = Json.newMapper().readValue(records.get(0).value(), LeadReceived.class);
        assertThat(lead.test()).isTrue();
        assertThat(lead.contact().fullName()).isEqualTo("FirstName LastName");
        assertThat(lead.contact().email()).isEqualTo("test@example.com");
        assertThat(lead.contact().phoneE164()).isEqualTo("+16505550123");
        assertThat(lead.interest().custom()).containsEntry("Which community?", "Oak Ridge");
        assertThat(lead.utm()).containsEntry("google_campaign_id", "20000000000").containsEntry("google_form_id", "40000000000")
                .containsKey("gclid");
        assertThat(lead.consent().sms()).isFalse();
    }

    @Test
    void shouldRefuseAGoogleLeadWithTheWrongKeyOrNoIdAndPublishNothing() {
        Map<TopicPartition, Long> before = topic.endOffsets();

        postGoogle(googleLead("L-" + UUID.randomUUID(), "not-the-key", false))
                .statusCode(401).contentType("application/problem+json");
        given().contentType(ContentType.JSON).body(googleLead("L-1", sourceKey, false))
                .post("/webhooks/google-ads/no-such-source").then().statusCode(401);
        postGoogle(googleLead("", sourceKey, false)).statusCode(400).body("errors[0].field", equalTo("lead_id"));
        postGoogle(googleLead("L-" + UUID.randomUUID(), sourceKey, false).replace("Test@Example.com", "nope"))
                .statusCode(400).body("errors[0].field", equalTo("EMAIL"));
        postGoogle("{\"lead_id\": \"L-2\", \"google_key\": \"" + sourceKey + "\", \"form_id\": \"not a number\"}")
                .statusCode(400).body("type", equalTo("urn:leadflow:problem:malformed-json"));

        assertThat(topic.recordsSince(before)).isEmpty();
    }

    @Test
    void shouldAnswerMetasHandshakeOnlyWithTheSourcesKeyAsVerifyToken() {
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", sourceKey)
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/meta/" + sourceId).then()
                .statusCode(200).body(equalTo("1158201444"));
        given().queryParam("hub.mode", "subscribe").queryParam("hub.verify_token", "guess")
                .queryParam("hub.challenge", "1158201444")
                .get("/webhooks/meta/" + sourceId).then()
                .statusCode(401);
    }

    @Test
    void shouldTakeEachLeadOfASignedMetaBatchOnceReadingItsAnswersFromTheGraphApi() throws Exception {
        String first = "44" + System.nanoTime();
        String second = "55" + System.nanoTime();
        GraphApiStub.LEADS.put(first, metaLead(first, "Maria Lopez", "+14155550123"));
        GraphApiStub.LEADS.put(second, metaLead(second, "Bo Chen", "+13125550175"));
        String body = """
                {"object": "page", "entry": [
                  {"id": "153125381133", "time": 1502121000, "changes": [
                    {"field": "leadgen", "value": {"ad_id": "0", "form_id": "5555", "leadgen_id": "%s",
                      "created_time": 1502121000, "page_id": "153125381133", "adgroup_id": "0"}}]},
                  {"id": "153125381133", "time": 1502121001, "changes": [
                    {"field": "leadgen", "value": {"form_id": "5555", "leadgen_id": "%s", "page_id": "153125381133"}},
                    {"field": "feed", "value": {"item": "status"}}]}]}
                """.formatted(first, second);
        Map<TopicPartition, Long> before = topic.endOffsets();

        postMeta(body, MetaSignature.of(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .statusCode(200).body("leadIds", hasSize(2));
        int graphCalls = GraphApiStub.REQUESTS.get();
        postMeta(body, MetaSignature.of(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .statusCode(200).body("leadIds", hasSize(2));

        assertThat(GraphApiStub.REQUESTS.get()).as("a redelivery is answered without reading Meta again").isEqualTo(graphCalls);
        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).extracting(ConsumerRecord::key).containsExactlyInAnyOrder(
                LeadIds.forSubmission(sourceId, "meta:" + first).toString(),
                LeadIds.forSubmission(sourceId, "meta:" + second).toString());
        LeadReceived maria = Json.newMapper().readValue(records.stream()
                .filter(r -> r.value().contains("Maria")).findFirst().orElseThrow().value(), LeadReceived.class);
        assertThat(maria.contact().email()).isEqualTo("maria@example.com");
        assertThat(maria.interest().custom()).containsEntry("when_do_you_want_to_move?", "3-6 months");
        assertThat(maria.utm()).containsEntry("meta_form_id", "5555");
    }

    @Test
    void shouldRefuseAMetaNotificationWithoutTheRightSignatureAndPublishNothing() {
        String body = "{\"object\":\"page\",\"entry\":[{\"id\":\"0\",\"time\":1502121000,\"changes\":[{\"field\":\"leadgen\","
                + "\"value\":{\"leadgen_id\":\"444444444444\",\"form_id\":\"555555555555\",\"page_id\":\"0\",\"created_time\":1502121000}}]}]}";
        // the signature openssl gives for this body and app secret: the body's exact bytes are what is signed
        assertThat(MetaSignature.of(APP_SECRET, body.getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=612372af1caf5e7ccc96af5c3dc38e0e219e8073d7ffca459c3b6a211941f8af");
        Map<TopicPartition, Long> before = topic.endOffsets();

        postMeta(body, MetaSignature.of("wrong-secret", body.getBytes(StandardCharsets.UTF_8))).statusCode(401);
        postMeta(body.replace("444444444444", "444444444445"),
                "sha256=612372af1caf5e7ccc96af5c3dc38e0e219e8073d7ffca459c3b6a211941f8af").statusCode(401);
        given().contentType(ContentType.JSON).body(body).post("/webhooks/meta/" + sourceId).then().statusCode(401);
        // a lead Meta will not give us: 503, so that Meta delivers the notification again
        postMeta(body, "sha256=612372af1caf5e7ccc96af5c3dc38e0e219e8073d7ffca459c3b6a211941f8af")
                .statusCode(503).header("Retry-After", "60");
        // signed but not JSON: a problem, never a 500
        String truncated = body.substring(0, body.length() - 3);
        postMeta(truncated, MetaSignature.of(APP_SECRET, truncated.getBytes(StandardCharsets.UTF_8)))
                .statusCode(400).body("type", equalTo("urn:leadflow:problem:malformed-json"));

        assertThat(topic.recordsSince(before)).isEmpty();
    }

    private static String metaLead(String id, String name, String phone) {
        return """
                {"created_time": "2026-11-23T17:04:05+0000", "id": "%s", "field_data": [
                  {"name": "full_name", "values": ["%s"]},
                  {"name": "email", "values": ["%s@Example.com"]},
                  {"name": "phone_number", "values": ["%s"]},
                  {"name": "when_do_you_want_to_move?", "values": ["3-6 months"]}]}
                """.formatted(id, name, name.split(" ")[0].toLowerCase(), phone);
    }

    private ValidatableResponse postGoogle(String body) {
        return given().contentType(ContentType.JSON).body(body).post("/webhooks/google-ads/" + sourceId).then();
    }

    private ValidatableResponse postMeta(String body, String signature) {
        return given().contentType(ContentType.JSON).header("X-Hub-Signature-256", signature).body(body)
                .post("/webhooks/meta/" + sourceId).then();
    }
}
