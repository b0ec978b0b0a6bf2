package io.leadflow.intake.source;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import io.leadflow.intake.lead.FixedClock;
import io.leadflow.intake.lead.PublishingTest;
import io.leadflow.localstack.LocalStackTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class, initArgs = @ResourceArg(name = "components", value = "kafka,postgres"))
class SourceAdminResourceTest extends PublishingTest {

    private static final String LEAD = """
            {"fullName": "Maria Lopez", "email": "maria@example.com"}
            """;

    @Test
    void shouldCreateASourceWhoseKeyIsShownOnceStoredHashedAndAcceptedForLeads() {
        String id = "oak-ridge-" + UUID.randomUUID().toString().substring(0, 8);
        String key = AdminApi.createSource(id, """
                "defaultCountry": "GB", "defaultTimeZone": "Europe/London",
                "consentText": "I agree to receive texts from Oak Ridge Homes.",
                "allowedOrigins": ["https://oakridge.example"], "limits": {"leadsPerMinute": 50}
                """)
                .body("source.formUrl", matchesPattern("http://intake\\.test/f/[A-Za-z0-9_-]{16}"))
                .body("source.limits.leadsPerMinute", equalTo(50))
                .body("source.limits.leadsPerMinutePerIp", equalTo(100000))
                .extract().path("key");
        assertThat(key).startsWith("lfk_");

        AdminApi.admin().get("/admin/sources/" + id).then().statusCode(200)
                .body("name", equalTo("Oak Ridge"))
                .body("allowedOrigins", containsInAnyOrder("https://oakridge.example"))
                .body("key", nullValue())
                .body("$", not(org.hamcrest.Matchers.hasKey("metaAppSecret")));
        AdminApi.admin().get("/admin/sources").then().statusCode(200).body("id", hasItem(id));

        Map<TopicPartition, Long> before = topic.endOffsets();
        given().auth().oauth2(key).contentType(ContentType.JSON).body("""
                {"fullName": "Maria Lopez", "phone": "020 7946 0958"}
                """).post("/api/leads").then().statusCode(202);
        List<ConsumerRecord<String, String>> records = topic.recordsSince(before);
        assertThat(records).hasSize(1);
        // the source's own country and zone: a UK number without +44 is understood
        assertThat(records.get(0).value()).contains("\"sourceId\":\"" + id + "\"", "\"phoneE164\":\"+442079460958\"",
                "\"id\":\"Europe/London\"");
    }

    @Test
    void shouldKeepThePreviousKeyWorkingOnlyForTheGracePeriodAfterARotation() {
        String id = "rotating-" + UUID.randomUUID().toString().substring(0, 8);
        String oldKey = AdminApi.createSource(id, "").extract().path("key");

        String newKey = AdminApi.admin().post("/admin/sources/" + id + "/keys?graceSeconds=3600").then()
                .statusCode(201)
                .body("previousKeysValidUntil", equalTo(FixedClock.NOW.plusSeconds(3600).toString()))
                .extract().path("key");

        postLead(oldKey).statusCode(202);
        postLead(newKey).statusCode(202);
        FixedClock.advance(Duration.ofHours(1));
        postLead(oldKey).statusCode(401);
        postLead(newKey).statusCode(202);
        AdminApi.admin().post("/admin/sources/nope/keys").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseTheAdminApiWithoutTheAdminTokenAndNeverWithASourceKey() {
        given().get("/admin/sources").then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:admin-unauthorized"));
        given().auth().oauth2("test-key-website").get("/admin/sources").then().statusCode(401);
        given().auth().oauth2(AdminApi.TOKEN + "x").contentType(ContentType.JSON).body("{\"id\":\"x\",\"name\":\"X\"}")
                .post("/admin/sources").then().statusCode(401);
        // and the admin token is no source key
        postLead(AdminApi.TOKEN).statusCode(401);
    }

    @Test
    void shouldAnswerBadSourceSettingsWithAProblemNamingEachField() {
        AdminApi.admin().contentType(ContentType.JSON).body("""
                {"id": "Bad Id", "name": "", "defaultCountry": "XX", "defaultTimeZone": "Mars/Base",
                 "allowedOrigins": ["oakridge.example/contact"], "thankYouUrl": "javascript:alert(1)",
                 "limits": {"leadsPerMinute": 0}, "formMinAgeSeconds": -1}
                """).post("/admin/sources").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:leadflow:problem:invalid-request"))
                .body("errors.field", containsInAnyOrder("id", "name", "defaultCountry", "defaultTimeZone",
                        "allowedOrigins[0]", "thankYouUrl", "limits.leadsPerMinute", "formMinAgeSeconds"));
        AdminApi.admin().contentType(ContentType.JSON).body("{\"name\": \"No id\"}").post("/admin/sources").then()
                .statusCode(400).body("errors.field", containsInAnyOrder("id"));
        AdminApi.admin().contentType(ContentType.JSON).body("{\"id\": \"test-website\", \"name\": \"Taken\"}")
                .post("/admin/sources").then()
                .statusCode(409).body("errors[0].field", equalTo("id"));
    }

    @Test
    void shouldChangeOnlyTheSettingsAPatchNames() {
        String id = "patched-" + UUID.randomUUID().toString().substring(0, 8);
        AdminApi.createSource(id, "\"consentText\": \"Texts OK\"");

        AdminApi.admin().contentType(ContentType.JSON).body("""
                {"thankYouUrl": "https://oakridge.example/thanks", "formMinAgeSeconds": 5, "metaAppSecret": "app-secret-123"}
                """).patch("/admin/sources/" + id).then()
                .statusCode(200)
                .body("thankYouUrl", equalTo("https://oakridge.example/thanks"))
                .body("formMinAgeSeconds", equalTo(5))
                .body("consentText", equalTo("Texts OK"))
                .body("metaConfigured", equalTo(true));
        AdminApi.admin().contentType(ContentType.JSON).body("{\"id\": \"other\"}").patch("/admin/sources/" + id).then()
                .statusCode(400).body("errors[0].field", equalTo("id"));
        AdminApi.admin().contentType(ContentType.JSON).body("{}").patch("/admin/sources/missing-source").then().statusCode(404);
    }

    private static ValidatableResponse postLead(String key) {
        return given().auth().oauth2(key).contentType(ContentType.JSON).body(LEAD).post("/api/leads").then();
    }
}
