package io.leadflow.notifier.preview;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.TouchDue;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.notifier.delivery.DeliveryRepository;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class PreviewResourceTest extends DeliveryTestSupport {

    static final String TOKEN = "Bearer local-api-token";

    @Inject
    DeliveryRepository deliveries;

    @Test
    void shouldRenderATextAsItWouldGoOutAndSendNothing() throws Exception {
        String phone = uniquePhone();
        TouchDue touch = touch(Channel.SMS, "first-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        given().header("Authorization", TOKEN).contentType("application/json").body(JSON.writeValueAsString(touch))
                .post("/api/preview")
                .then().statusCode(200)
                .body("transport", equalTo("sms"))
                .body("sms", startsWith("Hi Maria, it's Dana with Oak Ridge Homes."))
                .body("sms", endsWith("Reply STOP to opt out"))
                .body("segments", equalTo(2))
                .body("gsm7", equalTo(true));

        assertThat(deliveries.find(touch.touchId())).as("no delivery row: nothing queued").isEmpty();
        assertThat(smsTo(phone)).isEmpty();
    }

    @Test
    void shouldRenderAnEmailWithItsUnsubscribeLink() throws Exception {
        TouchDue touch = touch(Channel.EMAIL, "first-email", Audience.LEAD, lead(uniquePhone(), uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        given().header("Authorization", TOKEN).contentType("application/json").body(JSON.writeValueAsString(touch))
                .post("/api/preview")
                .then().statusCode(200)
                .body("subject", equalTo("Maria, about a 3-bedroom home in Oak Ridge"))
                .body("text", containsString("Unsubscribe: https://notify.example.test/unsubscribe/"))
                .body("html", containsString("100 Main Street"));
    }

    @Test
    void shouldRefuseWithoutTheTokenAndNameTheFieldOfABadRequest() throws Exception {
        TouchDue touch = touch(Channel.SMS, "no-such-template", Audience.LEAD, lead(uniquePhone(), uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        given().contentType("application/json").body(JSON.writeValueAsString(touch)).post("/api/preview")
                .then().statusCode(401);
        given().header("Authorization", "Bearer wrong").contentType("application/json")
                .body(JSON.writeValueAsString(touch)).post("/api/preview")
                .then().statusCode(401);
        given().header("Authorization", TOKEN).contentType("application/json").body(JSON.writeValueAsString(touch))
                .post("/api/preview")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("template"));
    }
}
