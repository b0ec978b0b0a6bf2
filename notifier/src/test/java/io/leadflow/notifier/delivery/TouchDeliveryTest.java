package io.leadflow.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.SharedLocalStack;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The notifier end to end on real servers: due touches go in on Kafka, texts reach the SMS sink,
 * emails reach the SMTP catcher, results come out on {@code touches.results}.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalStackTestResource.class,
        initArgs = @ResourceArg(name = "components", value = "kafka,postgres,mail,sms"))
class TouchDeliveryTest extends DeliveryTestSupport {

    @Inject
    DeliveryRepository deliveries;

    @Test
    void shouldTextTheLeadAPersonalFirstTextFromTheConfiguredNumberAndPublishAcceptedWithTheSinksSid() throws Exception {
        String phone = uniquePhone();
        TouchDue touch = touch(Channel.SMS, "first-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        produce(Topics.TOUCHES_DUE_PRIORITY, touch);

        ReceivedSms sms = awaitOneSms(phone);
        assertThat(sms.from()).isEqualTo(SharedLocalStack.SMS_FROM_NUMBER);
        assertThat(sms.body()).startsWith("Hi Maria, it's Dana with Oak Ridge Homes.")
                .contains("3-bedroom home in Oak Ridge").endsWith("Reply STOP to opt out");
        assertThat(sms.statusCallback()).isNull();

        ConsumerRecord<String, String> record = awaitResults(touch.touchId(), 1).get(0);
        TouchResult result = JSON.readValue(record.value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(result.channel()).isEqualTo(Channel.SMS);
        assertThat(result.leadId()).isEqualTo(touch.leadId());
        assertThat(result.providerMessageId()).isEqualTo(sms.sid());
        assertThat(result.providerCode()).isEqualTo("201");
        assertThat(result.at()).isNotNull();
        assertThat(record.key()).isEqualTo(touch.leadId().toString());
        assertThat(header(record, "ce_type")).isEqualTo(EventTypes.TOUCH_RESULT);
        assertThat(header(record, "ce_subject")).isEqualTo(touch.leadId().toString());
        assertThat(header(record, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(record, "ce_id")).isNotBlank().isNotEqualTo(touch.touchId().toString());

        Delivery delivery = deliveries.find(touch.touchId()).orElseThrow();
        assertThat(delivery.status).isEqualTo(DeliveryStatus.ACCEPTED);
        assertThat(delivery.providerMessageId).isEqualTo(sms.sid());
        assertThat(delivery.transport).isEqualTo("sms");
        assertThat(given().get("/q/metrics").asString())
                .containsPattern("leadflow_touches_total\\{[^}]*channel=\"sms\"[^}]*result=\"accepted\"");
    }

    @Test
    void shouldEmailTheLeadHtmlAndTextFromTheRepWithOurMessageIdAndPublishAccepted() throws Exception {
        String email = uniqueEmail("maria");
        String repEmail = uniqueEmail("dana");
        TouchDue touch = touch(Channel.EMAIL, "first-email", Audience.LEAD, lead(uniquePhone(), email, false),
                rep(uniquePhone(), repEmail), openWindow());

        produce(Topics.TOUCHES_DUE_PRIORITY, touch);

        String messageId = "<" + touch.touchId() + "@leadflow.local>";
        CaughtMail mail = awaitOneMail(messageId);
        assertThat(mail.to()).containsExactly(email);
        assertThat(mail.from()).contains("Dana Whitfield via Oak Ridge Homes").contains("leads@leadflow.local");
        // replies come back to us (and are forwarded to the rep), through a signed address of this lead
        assertThat(mail.headers()).hasEntrySatisfying("Reply-To",
                replyTo -> assertThat(replyTo).matches("reply\\+[0-9a-f]{56}@reply\\.leadflow\\.local"));
        assertThat(mail.subject()).isEqualTo("Maria, about a 3-bedroom home in Oak Ridge");
        assertThat(mail.html()).contains("Hi Maria,", "relocating in June", "100 Main Street");
        assertThat(mail.text()).contains("Hi Maria,", "relocating in June", "100 Main Street");

        TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(result.channel()).isEqualTo(Channel.EMAIL);
        assertThat(result.providerCode()).isEqualTo("250");
        assertThat(result.providerMessageId()).isEqualTo(messageId);
    }

    @Test
    void shouldAlertTheRepOnSmsAndEmailWithTheLeadsDetails() throws Exception {
        String repPhone = uniquePhone();
        String repEmail = uniqueEmail("dana");
        String leadPhone = uniquePhone();
        UUID leadId = UUID.randomUUID();
        TouchDue bySms = touch(leadId, Channel.SMS, "new-lead-alert", Audience.REP, lead(leadPhone, uniqueEmail("maria"), false),
                rep(repPhone, repEmail), openWindow());
        TouchDue byEmail = touch(leadId, Channel.EMAIL, "new-lead-alert", Audience.REP, bySms.lead(), bySms.rep(),
                openWindow());

        produce(Topics.TOUCHES_DUE_PRIORITY, bySms);
        produce(Topics.TOUCHES_DUE_PRIORITY, byEmail);

        ReceivedSms sms = awaitOneSms(repPhone);
        assertThat(sms.body()).contains("New lead: Maria Lopez", "60 s");
        CaughtMail mail = awaitOneMail("<" + byEmail.touchId() + "@leadflow.local>");
        assertThat(mail.to()).containsExactly(repEmail);
        assertThat(mail.subject()).contains("Maria Lopez");
        assertThat(mail.html()).contains("tel:" + leadPhone);
        assertThat(statusOf(bySms)).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(statusOf(byEmail)).isEqualTo(TouchStatus.ACCEPTED);
    }

    @Test
    void shouldSendOneMessageWhenTheSameTouchIsDeliveredTwiceAndPublishTheSameResultAgain() throws Exception {
        String phone = uniquePhone();
        TouchDue touch = touch(Channel.SMS, "same-day-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        produce(Topics.TOUCHES_DUE, touch);
        awaitResults(touch.touchId(), 1);
        produce(Topics.TOUCHES_DUE, touch);

        List<ConsumerRecord<String, String>> records = awaitResults(touch.touchId(), 2);
        TouchResult first = JSON.readValue(records.get(0).value(), TouchResult.class);
        TouchResult second = JSON.readValue(records.get(1).value(), TouchResult.class);
        assertThat(second).isEqualTo(first);
        assertThat(header(records.get(1), "ce_id")).isEqualTo(header(records.get(0), "ce_id"));
        assertThat(smsTo(phone)).hasSize(1);
    }

    @Test
    void shouldRecordFailedWithTwiliosCodeForAnInvalidNumberAndKeepConsuming() throws Exception {
        UUID leadId = UUID.randomUUID();
        TouchDue invalid = touch(leadId, Channel.SMS, "helpful-text", Audience.LEAD,
                lead("555-0100", uniqueEmail("maria"), false), rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        String phone = uniquePhone();
        TouchDue next = touch(leadId, Channel.SMS, "two-week-text", Audience.LEAD,
                lead(phone, uniqueEmail("maria"), false), invalid.rep(), openWindow());

        produce(Topics.TOUCHES_DUE, invalid);
        produce(Topics.TOUCHES_DUE, next);

        TouchResult failed = JSON.readValue(awaitResults(invalid.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(failed.status()).isEqualTo(TouchStatus.FAILED);
        assertThat(failed.providerCode()).isEqualTo("21211");
        assertThat(failed.reason()).isEqualTo("provider_rejected");
        assertThat(statusOf(next)).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(awaitOneSms(phone).body()).contains("Hi Maria");
        assertThat(deliveries.find(invalid.touchId()).orElseThrow().providerCode).isEqualTo("21211");
    }

    @Test
    void shouldDeferATouchOutsideItsWindowAndSendNothing() throws Exception {
        String phone = uniquePhone();
        Instant now = Instant.now();
        TouchDue touch = touch(Channel.SMS, "helpful-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")),
                new TouchDue.ContactWindow(now.plus(1, ChronoUnit.HOURS), now.plus(2, ChronoUnit.HOURS)));

        produce(Topics.TOUCHES_DUE, touch);

        TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.DEFERRED);
        assertThat(result.reason()).isEqualTo("outside_contact_window");
        assertThat(smsTo(phone)).isEmpty();
    }

    @Test
    void shouldSkipATestLeadsTouchAndSendNothing() throws Exception {
        String phone = uniquePhone();
        TouchDue touch = touch(Channel.SMS, "first-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), true),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        produce(Topics.TOUCHES_DUE_PRIORITY, touch);

        TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("test_lead");
        assertThat(smsTo(phone)).isEmpty();
    }

    @Test
    void shouldRemindTheRepToCallTheLeadNowBySmsForACallTask() throws Exception {
        String repPhone = uniquePhone();
        String leadPhone = uniquePhone();
        TouchDue touch = touch(Channel.CALL_TASK, "call-now", Audience.LEAD, lead(leadPhone, uniqueEmail("maria"), false),
                rep(repPhone, uniqueEmail("dana")), openWindow());

        produce(Topics.TOUCHES_DUE, touch);

        assertThat(awaitOneSms(repPhone).body()).startsWith("Call now: Maria Lopez at")
                .contains("Why: Answer them within a minute");
        TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.ACCEPTED);
        assertThat(result.channel()).isEqualTo(Channel.CALL_TASK);
        assertThat(smsTo(leadPhone)).isEmpty();
    }

    @Test
    void shouldSkipATouchWhoseRecipientHasNoAddressForItsChannel() throws Exception {
        TouchDue touch = touch(Channel.SMS, "first-text", Audience.LEAD, lead(null, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        produce(Topics.TOUCHES_DUE_PRIORITY, touch);

        TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.SKIPPED);
        assertThat(result.reason()).isEqualTo("no_address");
    }

    @Test
    void shouldFailWithTemplateMissingWhenTheTemplateHasNoFileForTheChannel() throws Exception {
        String phone = uniquePhone();
        TouchDue touch = touch(Channel.SMS, "first-email", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());

        produce(Topics.TOUCHES_DUE, touch);

        TouchResult result = JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class);
        assertThat(result.status()).isEqualTo(TouchStatus.FAILED);
        assertThat(result.reason()).isEqualTo("template_missing");
        assertThat(smsTo(phone)).isEmpty();
    }

    @Test
    void shouldSendNothingAndPublishNothingForATouchWhoseSendIsInDoubt() throws Exception {
        String phone = uniquePhone();
        TouchDue touch = touch(Channel.SMS, "same-day-text", Audience.LEAD, lead(phone, uniqueEmail("maria"), false),
                rep(uniquePhone(), uniqueEmail("dana")), openWindow());
        // as if the process had died during the provider call
        assertThat(deliveries.queue(touch, "sms", JSON.writeValueAsString(touch), true, null, Instant.now().plusSeconds(3600),
                Instant.now())).isTrue();
        assertThat(deliveries.start(touch.touchId(), Instant.now())).isTrue();

        produce(Topics.TOUCHES_DUE, touch);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> smsTo(phone).isEmpty() && resultsFor(touch.touchId()).isEmpty());
        assertThat(deliveries.find(touch.touchId()).orElseThrow().status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void shouldSendARecordThatIsNotATouchToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();

        producer().send(new ProducerRecord<>(Topics.TOUCHES_DUE, key, "{not json"));
        producer().flush();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                RECORDS.getOrDefault(Topics.deadLetter(Topics.TOUCHES_DUE), List.of()))
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(key)));
    }
}
