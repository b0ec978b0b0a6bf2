package io.leadflow.notifier.delivery;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadReceived;
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
class TouchDeliveryTest {

    static final ObjectMapper JSON = Json.newMapper();
    static final Duration WAIT = Duration.ofSeconds(30);

    static KafkaProducer<String, String> producer;
    static KafkaConsumer<String, String> consumer;
    static Thread poller;
    static volatile boolean polling = true;
    static final Map<String, List<ConsumerRecord<String, String>>> RECORDS = new ConcurrentHashMap<>();

    @Inject
    DeliveryRepository deliveries;

    @BeforeAll
    static void connectToKafka() {
        String servers = LocalStackTestResource.kafkaBootstrapServers();
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        producer = new KafkaProducer<>(producerProps);

        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "notifier-test-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumer = new KafkaConsumer<>(consumerProps);
        consumer.subscribe(List.of(Topics.TOUCHES_RESULTS, Topics.deadLetter(Topics.TOUCHES_DUE)));
        poller = new Thread(() -> {
            while (polling) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    RECORDS.computeIfAbsent(record.topic(), t -> new CopyOnWriteArrayList<>()).add(record);
                }
            }
            consumer.close();
        }, "touch-results-poller");
        poller.start();
    }

    @AfterAll
    static void disconnect() throws InterruptedException {
        polling = false;
        poller.join(5_000);
        producer.close();
    }

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
        assertThat(mail.headers()).hasEntrySatisfying("Reply-To", replyTo -> assertThat(replyTo).contains(repEmail));
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
        assertThat(deliveries.claim(touch, "sms", Instant.now())).isTrue();

        produce(Topics.TOUCHES_DUE, touch);

        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(100))
                .until(() -> smsTo(phone).isEmpty() && resultsFor(touch.touchId()).isEmpty());
        assertThat(deliveries.find(touch.touchId()).orElseThrow().status).isEqualTo(DeliveryStatus.SENDING);
    }

    @Test
    void shouldSendARecordThatIsNotATouchToTheDeadLetterTopic() {
        String key = UUID.randomUUID().toString();

        producer.send(new ProducerRecord<>(Topics.TOUCHES_DUE, key, "{not json"));
        producer.flush();

        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).untilAsserted(() -> assertThat(
                RECORDS.getOrDefault(Topics.deadLetter(Topics.TOUCHES_DUE), List.of()))
                .anySatisfy(record -> assertThat(record.key()).isEqualTo(key)));
    }

    // ---- helpers ----

    static TouchDue touch(Channel channel, String template, Audience audience, TouchDue.LeadSnapshot lead,
            TouchDue.RepSnapshot rep, TouchDue.ContactWindow window) {
        return touch(UUID.randomUUID(), channel, template, audience, lead, rep, window);
    }

    static TouchDue touch(UUID leadId, Channel channel, String template, Audience audience,
            TouchDue.LeadSnapshot lead, TouchDue.RepSnapshot rep, TouchDue.ContactWindow window) {
        return new TouchDue(UUID.randomUUID(), leadId, UUID.randomUUID(), 1, channel, template,
                "Answer them within a minute, while they are still thinking about it", Instant.now(), window,
                true, audience, lead, rep, null);
    }

    static TouchDue.LeadSnapshot lead(String phone, String email, boolean test) {
        var interest = new LeadReceived.Interest("Oak Ridge", null, "3 bedrooms", "$450k", "June", null, null);
        return new TouchDue.LeadSnapshot("oak-ridge-website", "Maria", "Maria Lopez", email, phone,
                "America/Los_Angeles", "We are relocating in June and want a 3-bedroom near good schools.",
                interest, test);
    }

    static TouchDue.RepSnapshot rep(String phone, String email) {
        return new TouchDue.RepSnapshot(UUID.randomUUID(), "Dana Whitfield", email, phone);
    }

    /** Open around now, whatever the hour: no test depends on the time of day. */
    static TouchDue.ContactWindow openWindow() {
        Instant now = Instant.now();
        return new TouchDue.ContactWindow(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));
    }

    static String uniquePhone() {
        return "+1415" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    static String uniqueEmail(String name) {
        return name + "+" + UUID.randomUUID() + "@example.com";
    }

    void produce(String topic, TouchDue touch) throws Exception {
        var record = new ProducerRecord<>(topic, touch.leadId().toString(), JSON.writeValueAsString(touch));
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
        record.headers().add("ce_type", bytes(EventTypes.TOUCH_DUE));
        record.headers().add("ce_source", bytes("leadflow/cadence-engine"));
        record.headers().add("ce_subject", bytes(touch.leadId().toString()));
        producer.send(record).get();
    }

    static List<ConsumerRecord<String, String>> awaitResults(UUID touchId, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> resultsFor(touchId), records -> records.size() >= count);
    }

    static List<ConsumerRecord<String, String>> resultsFor(UUID touchId) {
        return RECORDS.getOrDefault(Topics.TOUCHES_RESULTS, List.of()).stream()
                .filter(record -> record.value().contains(touchId.toString()))
                .toList();
    }

    static TouchStatus statusOf(TouchDue touch) throws Exception {
        return JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class).status();
    }

    static ReceivedSms awaitOneSms(String phone) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> smsTo(phone), messages -> !messages.isEmpty()).get(0);
    }

    static List<ReceivedSms> smsTo(String phone) {
        return LocalStackTestResource.smsSink().messages().stream().filter(sms -> sms.to().equals(phone)).toList();
    }

    static CaughtMail awaitOneMail(String messageId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> LocalStackTestResource.mailCatcher().messages().stream()
                        .filter(mail -> messageId.equals(mail.messageId())).toList(), mails -> !mails.isEmpty())
                .get(0);
    }

    static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
