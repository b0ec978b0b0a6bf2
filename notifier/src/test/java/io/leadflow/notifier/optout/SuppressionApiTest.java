package io.leadflow.notifier.optout;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

/** Ops manage the suppression list over the API, and every send honours it. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class SuppressionApiTest extends DeliveryTestSupport {

    static final String TOKEN = "local-api-token";

    @Test
    void shouldSkipTextsToANumberOpsSuppressedAndKeepTheTrailWhenTheyLiftIt() throws Exception {
        String phone = uniquePhone();

        ops().body(Map.of("reason", "asked by phone to stop")).contentType("application/json")
                .put("/api/suppressions/sms/" + phone).then().statusCode(201).body("reason", equalTo("asked by phone to stop"));
        ops().put("/api/suppressions/sms/" + phone).then().statusCode(200);

        TouchDue text = touch(Channel.SMS, "same-day-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        produce(Topics.TOUCHES_DUE, text);
        TouchResult result = JSON.readValue(awaitResults(text.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo(OptOuts.OPTED_OUT);
        assertThat(smsTo(phone)).isEmpty();

        ops().delete("/api/suppressions/sms/" + phone).then().statusCode(204);
        ops().delete("/api/suppressions/sms/" + phone).then().statusCode(404).body("field", equalTo("address"));
        Map<String, Object> lookUp = ops().get("/api/suppressions/sms/" + phone).then().statusCode(200).extract().as(Map.class);
        assertThat(lookUp).containsEntry("suppressed", false).doesNotContainValue(phone);
        List<Map<String, Object>> audit = (List<Map<String, Object>>) lookUp.get("audit");
        assertThat(audit).extracting(entry -> entry.get("action")).containsExactly("add", "remove");
        assertThat(audit).extracting(entry -> entry.get("actor")).containsOnly("ops");
    }

    @Test
    void shouldListTheNewestSuppressionsByHashNeverByAddress() {
        String email = uniqueEmail("omar");
        ops().put("/api/suppressions/email/" + email).then().statusCode(201);

        String hash = ops().get("/api/suppressions/email/" + email).then().statusCode(200)
                .body("suppressed", equalTo(true)).extract().path("addressHash");
        String list = ops().get("/api/suppressions?limit=5").then().statusCode(200).extract().asString();
        assertThat(list).contains(hash).doesNotContain(email);
    }

    @Test
    void shouldRefuseAStrangerAndNameTheFieldOfABadRequest() {
        given().get("/api/suppressions").then().statusCode(401);
        given().header("Authorization", "Bearer wrong").put("/api/suppressions/sms/+14155550123").then().statusCode(401);
        ops().put("/api/suppressions/fax/+14155550123").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("channel"));
        ops().put("/api/suppressions/sms/not-a-number").then().statusCode(400).body("field", equalTo("address"));
        ops().put("/api/suppressions/email/nobody").then().statusCode(400).body("field", equalTo("address"));
        ops().get("/api/suppressions?limit=0").then().statusCode(400).body("field", equalTo("limit"));
    }

    private static RequestSpecification ops() {
        return given().header("Authorization", "Bearer " + TOKEN);
    }
}
