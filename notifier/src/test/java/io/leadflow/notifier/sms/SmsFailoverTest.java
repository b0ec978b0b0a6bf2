package io.leadflow.notifier.sms;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.sms.ReceivedSms;
import io.leadflow.localstack.sms.SmsSink;
import io.leadflow.notifier.delivery.DeliveryRepository;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.leadflow.notifier.inbound.TwilioSignature;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Two Twilio-compatible accounts: texts fail over to the secondary while the primary answers 503, and come back. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
@QuarkusTestResource(SecondarySmsSink.class)
class SmsFailoverTest extends DeliveryTestSupport {

    static final SmsSink PRIMARY = LocalStackTestResource.smsSink();

    @Inject
    DeliveryRepository deliveries;

    @BeforeEach
    void secondaryUp() {
        SecondarySmsSink.up();
    }

    @AfterEach
    void clearFaults() {
        PRIMARY.clearFaults();
        SecondarySmsSink.down();
    }

    @Test
    void shouldSendEveryTextOnceThroughTheSecondaryWhileThePrimaryIsDownThenReturnToThePrimary() throws Exception {
        PRIMARY.failFor(Duration.ofMinutes(5), 503, null);
        List<TouchDue> duringOutage = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            duringOutage.add(sendFirstText());
        }
        for (TouchDue text : duringOutage) {
            assertThat(statusOf(text)).isEqualTo(TouchStatus.ACCEPTED);
            assertThat(deliveries.find(text.touchId()).orElseThrow().provider).isEqualTo("secondary");
        }

        PRIMARY.clearFaults();
        // the primary's circuit lets a trial call through after open-for (1 s in tests), then takes the traffic back
        List<TouchDue> afterRecovery = new ArrayList<>();
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(() -> {
            TouchDue text = sendFirstText();
            afterRecovery.add(text);
            statusOf(text);
            return "primary".equals(deliveries.find(text.touchId()).orElseThrow().provider);
        });
        for (int i = 0; i < 3; i++) {
            TouchDue text = sendFirstText();
            afterRecovery.add(text);
            assertThat(statusOf(text)).isEqualTo(TouchStatus.ACCEPTED);
            assertThat(deliveries.find(text.touchId()).orElseThrow().provider).isEqualTo("primary");
        }

        for (TouchDue text : duringOutage) {
            assertThat(received(PRIMARY, text)).isEmpty();
            assertThat(received(SecondarySmsSink.sink(), text)).hasSize(1);
        }
        for (TouchDue text : afterRecovery) {
            assertThat(received(PRIMARY, text).size() + received(SecondarySmsSink.sink(), text).size()).isEqualTo(1);
        }
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("leadflow_sms_provider_calls_total\\{[^}]*provider=\"secondary\"[^}]*result=\"accepted\"")
                .containsPattern("leadflow_sms_provider_calls_total\\{[^}]*provider=\"primary\"[^}]*result=\"transient\"");
    }

    @Test
    void shouldNotFailOverANumberThePrimaryRejectsForGood() throws Exception {
        PRIMARY.failNext(1, 400, 21211);

        TouchDue text = sendFirstText();

        TouchResult result = JSON.readValue(awaitResults(text.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.FAILED);
        assertThat(result.providerCode()).isEqualTo("21211");
        assertThat(received(SecondarySmsSink.sink(), text)).isEmpty();
        assertThat(deliveries.find(text.touchId()).orElseThrow().provider).isEqualTo("primary");
    }

    @Test
    void shouldTakeAStatusCallbackSignedByTheSecondaryAccountForATextItSent() throws Exception {
        PRIMARY.failNext(1, 503);
        TouchDue text = sendFirstText();
        assertThat(statusOf(text)).isEqualTo(TouchStatus.ACCEPTED);
        String url = "https://notify.example.test/webhooks/twilio/status/" + text.touchId();
        Map<String, String> form = Map.of("MessageSid", "SM" + text.touchId().toString().replace("-", ""),
                "MessageStatus", "delivered");

        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.sign(SecondarySmsSink.AUTH_TOKEN, url, multi(form)))
                .post("/webhooks/twilio/status/" + text.touchId()).then().statusCode(204);
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.sign("not-an-account-token", url, multi(form)))
                .post("/webhooks/twilio/status/" + text.touchId()).then().statusCode(403);
        assertThat(JSON.readValue(awaitResults(text.touchId(), 2).get(1).value(), TouchResult.class).status())
                .isEqualTo(TouchStatus.DELIVERED);
    }

    TouchDue sendFirstText() throws Exception {
        TouchDue text = touch(Channel.SMS, "first-text", Audience.LEAD, lead(uniquePhone(), uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        produce(Topics.TOUCHES_DUE_PRIORITY, text);
        return text;
    }

    static List<ReceivedSms> received(SmsSink sink, TouchDue text) {
        return sink.messages().stream().filter(sms -> sms.to().equals(text.lead().phoneE164())).toList();
    }
}
