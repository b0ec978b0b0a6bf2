package io.leadflow.intake.form;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.intake.lead.FixedClock;
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
class FormResourceTest extends PublishingTest {

    private static final String CONSENT = "I agree to receive texts from Oak Ridge Homes about my inquiry. Reply STOP to opt out.";
    private static final String ORIGIN = "https://oakridge.example";
    private static final Pattern TOKEN = Pattern.compile("name=\"lf_token\" value=\"([^\"]+)\"");

    private String sourceId;
    private String sourceKey;
    private String formKey;

    @BeforeEach
    void createSource() {
        sourceId = "oak-form-" + UUID.randomUUID().toString().substring(0, 8);
        ValidatableResponse created = AdminApi.createSource(sourceId, """
                "consentText": "%s", "allowedOrigins": ["%s"], "thankYouUrl": "https://oakridge.example/thanks"
                """.formatted(CONSENT, ORIGIN));
        sourceKey = created.extract().path("key");
        formKey = created.extract().path("source.formKey");
    }

    @Test
    void shouldServeASamplePageWithTheCommunityInquiryFormItsConsentTextAndNoSourceKey() {
        String page = given().get("/f/" + formKey).then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .header("Cache-Control", "no-store")
                .extract().asString();

        assertThat(page).contains("action=\"http://intake.test/f/" + formKey + "\"",
                "name=\"community\"", "name=\"homeSize\"", "name=\"budget\"", "name=\"timeline\"",
                "name=\"heardAbout\"", "name=\"message\"", "name=\"smsConsent\"", CONSENT,
                "name=\"company_website\"", "/f/" + formKey + "/snippet");
        assertThat(TOKEN.matcher(page).find()).isTrue();
        assertThat(page).doesNotContain(sourceKey, "lfk_");
        String snippet = given().header("Origin", ORIGIN).get("/f/" + formKey + "/snippet").then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .extract().asString();
        assertThat(snippet).contains("<form", "data-token-url=\"http://intake.test/f/" + formKey + "/token\"", CONSENT)
                .doesNotContain(sourceKey, "lfk_", "<html");
        given().get("/f/not-a-form").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRedirectAPersonsUrlEncodedPostToTheThankYouPageAndPublishTheInquiryWithItsConsent() throws Exception {
        String token = renderedToken();
        FixedClock.advance(Duration.ofSeconds(3));
        Map<TopicPartition, Long> before = topic.endOffsets();

        given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("lf_token", token).formParam("company_website", "")
                .formParam("firstName", "Maria").formParam("lastName", "O'Brien-Lopez")
                .formParam("email", "Maria@Example.com").formParam("phone", "(415) 555-0123")
                .formParam("community", "Oak Ridge").formParam("homeSize", "3 bedrooms")
                .formParam("budget", "$450k-$600k").formParam("timeline", "3-6 months")
                .formParam("heardAbout", "Drove by").formParam("message", "Do you allow a home office?")
                .formParam("smsConsent", "yes").formParam("pageUrl", "https://oakridge.example/homes")
                .formParam("utm_source", "google").formParam("pets", "one dog")
                .post("/f/" + formKey).then()
                .statusCode(303)
                .header("Location", "https://oakridge.example/thanks")
                .header("X-Request-Id", not(nullValue()));

        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).hasSize(1);
        LeadReceived lead = Json.newMapper().readValue(records.get(0).value(), LeadReceived.class);
        assertThat(lead.sourceId()).isEqualTo(sourceId);
        assertThat(lead.contact().fullName()).isEqualTo("Maria O'Brien-Lopez");
        assertThat(lead.contact().email()).isEqualTo("maria@example.com");
        assertThat(lead.contact().phoneE164()).isEqualTo("+14155550123");
        assertThat(lead.interest()).isEqualTo(new LeadReceived.Interest("Oak Ridge", null, "3 bedrooms", "$450k-$600k",
                "3-6 months", "Drove by", Map.of("pets", "one dog")));
        assertThat(lead.message()).isEqualTo("Do you allow a home office?");
        assertThat(lead.utm()).containsExactly(Map.entry("utm_source", "google"));
        assertThat(lead.consent().sms()).isTrue();
        assertThat(lead.consent().email()).isFalse();
        assertThat(lead.consent().text()).isEqualTo(CONSENT);
        assertThat(lead.consent().pageUrl()).isEqualTo("https://oakridge.example/homes");

        AdminApi.admin().get("/admin/leads/" + lead.leadId() + "/consent").then()
                .statusCode(200)
                .body("[0].sms", equalTo(true))
                .body("[0].text", equalTo(CONSENT))
                .body("[0].pageUrl", equalTo("https://oakridge.example/homes"))
                .body("[0].ip", not(nullValue()));
        given().get("/admin/leads/" + lead.leadId() + "/consent").then().statusCode(401);
    }

    @Test
    void shouldTakeAMultipartPostToo() {
        String token = renderedToken();
        FixedClock.advance(Duration.ofSeconds(3));
        Map<TopicPartition, Long> before = topic.endOffsets();

        given().redirects().follow(false)
                .multiPart("lf_token", token).multiPart("fullName", "Kenji Sato").multiPart("email", "kenji@example.com")
                .multiPart("community", "Willow Creek")
                .post("/f/" + formKey).then()
                .statusCode(303);

        assertThat(topic.recordsSince(before)).singleElement()
                .satisfies(record -> assertThat(record.value()).contains("\"community\":\"Willow Creek\""));
    }

    @Test
    void shouldAnswerBotsLikePeopleButPublishNothingAndCountEachReason() {
        String token = renderedToken();
        Map<TopicPartition, Long> before = topic.endOffsets();

        postAsBot("lf_token", token); // posted as soon as it was rendered
        FixedClock.advance(Duration.ofSeconds(3));
        postAsBot("lf_token", token, "company_website", "http://spam.example");
        postAsBot();
        postAsBot("lf_token", token.substring(0, token.length() - 2) + "xx");
        postAsBot("lf_token", "1." + token.substring(token.indexOf('.') + 1));
        FixedClock.advance(Duration.ofHours(25));
        postAsBot("lf_token", token);

        assertThat(topic.recordsSince(before)).isEmpty();
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        for (String reason : List.of("form-too-fast", "honeypot", "form-token-missing", "form-token-invalid",
                "form-token-expired")) {
            assertThat(metrics).contains("leadflow_intake_rejected_total{reason=\"" + reason + "\",source=\"" + sourceId + "\"}");
        }
    }

    @Test
    void shouldAnswerCorsOnlyForTheSourcesOwnOriginsAndReplyJsonToJavaScript() {
        given().header("Origin", ORIGIN).header("Access-Control-Request-Method", "POST")
                .options("/f/" + formKey).then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .header("Access-Control-Allow-Methods", containsString("POST"));
        given().header("Origin", "https://evil.example").options("/f/" + formKey).then()
                .statusCode(204)
                .header("Access-Control-Allow-Origin", nullValue());

        String token = given().header("Origin", ORIGIN).get("/f/" + formKey + "/token").then()
                .statusCode(200).header("Access-Control-Allow-Origin", ORIGIN)
                .extract().path("token");
        FixedClock.advance(Duration.ofSeconds(3));
        given().header("Origin", ORIGIN).accept(ContentType.JSON).contentType(ContentType.URLENC)
                .formParam("lf_token", token).formParam("fullName", "Ana Ruiz").formParam("phone", "+1 312 555 0175")
                .post("/f/" + formKey).then()
                .statusCode(202)
                .header("Access-Control-Allow-Origin", ORIGIN)
                .body("received", equalTo(true));
    }

    @Test
    void shouldNameTheFormFieldsAPersonGotWrong() {
        String token = renderedToken();
        FixedClock.advance(Duration.ofSeconds(3));

        given().contentType(ContentType.URLENC)
                .formParam("lf_token", token).formParam("firstName", "Maria").formParam("email", "maria@@example")
                .formParam("budget", "x".repeat(201))
                .post("/f/" + formKey).then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("email", "budget"));
    }

    @Test
    void shouldLimitLeadsPerSourcePerAddressAndPerPhoneWith429AndRetryAfter() {
        AdminApi.admin().contentType(ContentType.JSON)
                .body("{\"limits\": {\"leadsPerMinutePerIp\": 2, \"leadsPerHourPerPhone\": 1}}")
                .patch("/admin/sources/" + sourceId).then().statusCode(200);
        Map<TopicPartition, Long> before = topic.endOffsets();

        postLead("{\"fullName\": \"A\", \"phone\": \"+1 415 555 0101\"}").statusCode(202);
        postLead("{\"fullName\": \"B\", \"phone\": \"+1 415 555 0101\"}")
                .statusCode(429)
                .header("Retry-After", not(nullValue()))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:rate-limited"))
                .body("errors[0].field", equalTo("limits.leadsPerHourPerPhone"));
        postLead("{\"fullName\": \"C\", \"email\": \"c@example.com\"}").statusCode(202);
        postLead("{\"fullName\": \"D\", \"email\": \"d@example.com\"}")
                .statusCode(429)
                .header("Retry-After", equalTo(Long.toString(60 - FixedClock.NOW.getEpochSecond() % 60)))
                .body("errors[0].field", equalTo("limits.leadsPerMinutePerIp"));

        assertThat(topic.recordsSince(before)).hasSize(2);
    }

    private ValidatableResponse postLead(String body) {
        return given().auth().oauth2(sourceKey).contentType(ContentType.JSON).body(body).post("/api/leads").then();
    }

    private String renderedToken() {
        Matcher token = TOKEN.matcher(given().get("/f/" + formKey).then().statusCode(200).extract().asString());
        assertThat(token.find()).isTrue();
        return token.group(1);
    }

    /** A bot's post: a plausible lead plus these fields; it must get what a person gets. */
    private void postAsBot(String... fields) {
        var request = given().redirects().follow(false).contentType(ContentType.URLENC)
                .formParam("fullName", "Cheap Meds").formParam("email", "bot@spam.example");
        for (int i = 0; i < fields.length; i += 2) {
            request.formParam(fields[i], fields[i + 1]);
        }
        request.post("/f/" + formKey).then().statusCode(303).header("Location", "https://oakridge.example/thanks");
    }
}
