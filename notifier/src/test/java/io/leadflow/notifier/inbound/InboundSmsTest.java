package io.leadflow.notifier.inbound;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.leadflow.localstack.sms.ReceivedSms;
import io.leadflow.localstack.sms.SmsSink;
import io.leadflow.notifier.delivery.DeliveryRepository;
import io.leadflow.notifier.delivery.DeliveryStatus;
import io.leadflow.notifier.delivery.DeliveryTestSupport;
import io.leadflow.notifier.optout.OptOutRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/** Texts people send us, through the signed Twilio webhook: opt-outs, opt-ins, HELP and replies. */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class InboundSmsTest extends DeliveryTestSupport {

    static final String PUBLIC_URL = "https://notify.example.test/webhooks/twilio/sms";
    static final SmsSink SINK = LocalStackTestResource.smsSink();

    @Inject
    DeliveryRepository deliveries;

    @Inject
    OptOutRepository stops;

    @AfterEach
    void clearFaults() {
        SINK.clearFaults();
    }

    @Test
    void shouldRefuseAnInboundTextWhoseSignatureIsMissingWrongOrMadeForTheHostHeader() {
        Map<String, String> form = inboundForm(uniquePhone(), "STOP");

        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .post("/webhooks/twilio/sms").then().statusCode(403);
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", "0/KCTR6DLpKmkAf8muzZqo1nDgQ=")
                .post("/webhooks/twilio/sms").then().statusCode(403);
        String overRequestUrl = TwilioSignature.sign(SharedLocalStack.SMS_AUTH_TOKEN,
                io.restassured.RestAssured.baseURI + ":" + io.restassured.RestAssured.port + "/webhooks/twilio/sms",
                multi(form));
        given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", overRequestUrl)
                .post("/webhooks/twilio/sms").then().statusCode(403);
    }

    @Test
    void shouldConfirmAStopOnceAndResubscribeOnStart() {
        String phone = uniquePhone();

        postSigned(phone, "STOP").then().statusCode(200);
        postSigned(phone, "stop").then().statusCode(200);
        assertThat(awaitSms(phone, 1).get(0).body()).startsWith("Oak Ridge Homes: you are unsubscribed")
                .contains("Reply START");

        postSigned(phone, "START").then().statusCode(200);
        assertThat(awaitSms(phone, 2).get(1).body()).startsWith("Oak Ridge Homes: you are resubscribed");
        assertThat(smsTo(phone)).hasSize(2);
    }

    @Test
    void shouldAnswerHelpWithTheBusinessAndAContact() {
        String phone = uniquePhone();

        postSigned(phone, "HELP").then().statusCode(200);

        assertThat(awaitSms(phone, 1).get(0).body()).isEqualTo(
                "Oak Ridge Homes: call us at (217) 555-0100. Msg&data rates may apply. Reply STOP to opt out.");
    }

    @Test
    void shouldSendNoneOfTheHundredTouchesQueuedForANumberThatTextsStop() throws Exception {
        String phone = uniquePhone();
        TouchDue first = firstTextSentTo(phone);
        UUID leadId = first.leadId();
        TouchDue.RepSnapshot rep = first.rep();
        // the provider is down: the touches wait in their rows for a retry
        SINK.failFor(Duration.ofMinutes(5), 503, null);
        List<TouchDue> queued = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            TouchDue touch = touch(leadId, Channel.SMS, "helpful-text", Audience.LEAD, first.lead(), rep, openWindow());
            queued.add(touch);
            produce(Topics.TOUCHES_DUE, touch);
        }
        await().atMost(WAIT).pollInterval(Duration.ofMillis(200)).until(
                () -> QuarkusTransaction.requiringNew().call(
                        () -> deliveries.count("leadId = ?1 and status = ?2", leadId, DeliveryStatus.RETRYING)) == 100);

        postSigned(phone, "Please stop texting me").then().statusCode(200);
        SINK.clearFaults();

        for (TouchDue touch : queued) {
            TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
            assertThat(result.status()).isEqualTo(TouchStatus.SKIPPED);
            assertThat(result.reason()).isEqualTo("opted_out");
        }
        assertThat(smsTo(phone)).filteredOn(sms -> !sms.body().contains("unsubscribed")).hasSize(1);
        LeadActivity optOut = awaitActivity(leadId, ActivityKind.OPT_OUT);
        assertThat(optOut.channel()).isEqualTo(Channel.SMS);
        assertThat(optOut.actor()).isEqualTo("lead");
    }

    @Test
    void shouldPublishAReplyForTheLeadAndSkipItsNextTouch() throws Exception {
        String phone = uniquePhone();
        TouchDue first = firstTextSentTo(phone);
        UUID leadId = first.leadId();
        TouchDue.RepSnapshot rep = first.rep();

        postSigned(phone, "Saturday works, can I stop by the model home at 10?").then().statusCode(200);

        LeadActivity reply = awaitActivity(leadId, ActivityKind.REPLY);
        assertThat(reply.detail()).containsEntry("preview", "Saturday works, can I stop by the model home at 10?");
        assertThat(reply.detail().toString()).doesNotContain(phone);
        // forwarded to the rep's phone, with who it is and how to call back
        assertThat(awaitSms(rep.phoneE164(), 1).get(0).body())
                .contains("Maria Lopez").contains(phone.substring(8)).contains("Saturday works, can I stop by the model home at 10?");
        // the stop state comes back through leads.activity, as the engine's would
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> stops.stoppedOn(leadId, "sms").isPresent());
        TouchDue next = touch(leadId, Channel.SMS, "same-day-text", Audience.LEAD, first.lead(), rep, openWindow());
        produce(Topics.TOUCHES_DUE, next);
        TouchResult result = JSON.readValue(awaitResults(next.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("lead_stopped");
    }

    @Test
    void shouldAskToClaimTheLeadWhenTheAlertedRepTextsOne() throws Exception {
        String repPhone = uniquePhone();
        TouchDue.RepSnapshot rep = rep(repPhone, uniqueEmail("dana"));
        TouchDue base = touch(Channel.SMS, "new-lead-alert", Audience.REP, lead(uniquePhone(), uniqueEmail("maria"), false),
                rep, openWindow());
        TouchDue alert = new TouchDue(base.touchId(), base.leadId(), base.cadenceId(), base.step(), base.channel(),
                base.template(), base.reason(), base.dueAt(), base.window(), true, Audience.REP, base.lead(), rep,
                Map.of(TouchDue.CLAIM_LINK, "https://engine.example.test/claim/signed-token"));
        produce(Topics.TOUCHES_DUE_PRIORITY, alert);
        awaitSms(repPhone, 1);

        postSigned(repPhone, "1").then().statusCode(200);

        LeadActivity claim = awaitActivity(alert.leadId(), ActivityKind.CLAIM_REQUESTED);
        assertThat(claim.actor()).isEqualTo("rep:" + rep.repId());
        assertThat(claim.detail()).containsEntry("via", "sms");
    }

    @Test
    void shouldReportDeliveryFromStatusCallbacksNeverMovingBackwards() throws Exception {
        TouchDue delivered = firstTextSentTo(uniquePhone());
        awaitResults(delivered.touchId(), 1);

        postStatus(delivered.touchId(), "sent", null).then().statusCode(204);
        postStatus(delivered.touchId(), "delivered", null).then().statusCode(204);
        postStatus(delivered.touchId(), "sent", null).then().statusCode(204);

        TouchResult result = JSON.readValue(awaitResults(delivered.touchId(), 2).get(1).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.DELIVERED);
        TouchDue lost = firstTextSentTo(uniquePhone());
        awaitResults(lost.touchId(), 1);
        postStatus(lost.touchId(), "undelivered", "30003").then().statusCode(204);
        TouchResult undelivered = JSON.readValue(awaitResults(lost.touchId(), 2).get(1).value(), TouchResult.class);
        assertThat(undelivered.status()).isEqualTo(TouchStatus.FAILED);
        assertThat(undelivered.reason()).isEqualTo("provider_undelivered");
        assertThat(undelivered.providerCode()).isEqualTo("30003");
        // the late "sent" after "delivered" published nothing more
        assertThat(resultsFor(delivered.touchId())).hasSize(2);
    }

    @Test
    void shouldRefuseAnUnsignedStatusCallbackAndAnswer404ForAnUnknownTouch() {
        UUID unknown = UUID.randomUUID();
        given().contentType("application/x-www-form-urlencoded").formParam("MessageStatus", "delivered")
                .header("X-Twilio-Signature", "bm90IGEgc2lnbmF0dXJl")
                .post("/webhooks/twilio/status/" + unknown).then().statusCode(403);
        postStatus(unknown, "delivered", null).then().statusCode(404);
    }

    // ---- helpers ----

    /** A new lead's first text, sent: its number now belongs to the lead. */
    TouchDue firstTextSentTo(String phone) throws Exception {
        TouchDue first = touch(UUID.randomUUID(), Channel.SMS, "first-text", Audience.LEAD,
                lead(phone, uniqueEmail("maria"), false), rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        produce(Topics.TOUCHES_DUE_PRIORITY, first);
        awaitSms(phone, 1);
        return first;
    }

    static io.restassured.response.Response postSigned(String from, String body) {
        Map<String, String> form = inboundForm(from, body);
        return given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.sign(SharedLocalStack.SMS_AUTH_TOKEN, PUBLIC_URL, multi(form)))
                .post("/webhooks/twilio/sms");
    }

    static io.restassured.response.Response postStatus(UUID touchId, String status, String errorCode) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", SharedLocalStack.SMS_ACCOUNT_SID);
        form.put("MessageStatus", status);
        if (errorCode != null) {
            form.put("ErrorCode", errorCode);
        }
        String url = "https://notify.example.test/webhooks/twilio/status/" + touchId;
        return given().contentType("application/x-www-form-urlencoded").formParams(form)
                .header("X-Twilio-Signature", TwilioSignature.sign(SharedLocalStack.SMS_AUTH_TOKEN, url, multi(form)))
                .post("/webhooks/twilio/status/" + touchId);
    }

    static Map<String, String> inboundForm(String from, String body) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("MessageSid", "SM" + UUID.randomUUID().toString().replace("-", ""));
        form.put("AccountSid", SharedLocalStack.SMS_ACCOUNT_SID);
        form.put("From", from);
        form.put("To", SharedLocalStack.SMS_FROM_NUMBER);
        form.put("Body", body);
        return form;
    }

    static List<ReceivedSms> awaitSms(String phone, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> smsTo(phone), messages -> messages.size() >= count);
    }

}
