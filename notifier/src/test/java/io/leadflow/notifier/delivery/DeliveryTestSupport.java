package io.leadflow.notifier.delivery;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.contracts.LeadReceived;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.leadflow.localstack.LocalStackTestResource;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;

/**
 * Kafka clients and helpers shared by the notifier's {@code @QuarkusTest}s: one producer for due
 * touches, one consumer that collects everything published on the topics the tests look at,
 * started on first use and kept for the JVM (the broker is shared the same way).
 */
public abstract class DeliveryTestSupport {

    protected static final ObjectMapper JSON = Json.newMapper();
    protected static final Duration WAIT = Duration.ofSeconds(30);
    protected static final Map<String, List<ConsumerRecord<String, String>>> RECORDS = new ConcurrentHashMap<>();

    private static KafkaProducer<String, String> producer;

    @BeforeAll
    static void connectToKafka() {
        producer();
    }

    protected static synchronized KafkaProducer<String, String> producer() {
        if (producer == null) {
            String servers = LocalStackTestResource.kafkaBootstrapServers();
            Properties producerProps = new Properties();
            producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            producerProps.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producerProps.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(producerProps);
            startCollecting(servers);
        }
        return producer;
    }

    private static void startCollecting(String servers) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "notifier-test-" + UUID.randomUUID());
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerProps.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        consumerProps.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps);
        consumer.subscribe(List.of(Topics.TOUCHES_RESULTS, Topics.deadLetter(Topics.TOUCHES_DUE),
                Topics.deadLetter(Topics.TOUCHES_DUE_PRIORITY), Topics.LEADS_ACTIVITY));
        Thread poller = new Thread(() -> {
            while (true) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    RECORDS.computeIfAbsent(record.topic(), t -> new CopyOnWriteArrayList<>()).add(record);
                }
            }
        }, "test-records-collector");
        poller.setDaemon(true);
        poller.start();
    }

    protected static TouchDue touch(Channel channel, String template, Audience audience, TouchDue.LeadSnapshot lead,
            TouchDue.RepSnapshot rep, TouchDue.ContactWindow window) {
        return touch(UUID.randomUUID(), channel, template, audience, lead, rep, window);
    }

    protected static TouchDue touch(UUID leadId, Channel channel, String template, Audience audience,
            TouchDue.LeadSnapshot lead, TouchDue.RepSnapshot rep, TouchDue.ContactWindow window) {
        return new TouchDue(UUID.randomUUID(), leadId, UUID.randomUUID(), 1, channel, template,
                "Answer them within a minute, while they are still thinking about it", Instant.now(), window,
                true, audience, lead, rep, null);
    }

    /** A later text of the cadence (not a first touch): it travels on {@code touches.due}. */
    protected static TouchDue nurtureText(UUID leadId, String template, TouchDue.LeadSnapshot lead,
            TouchDue.RepSnapshot rep) {
        return new TouchDue(UUID.randomUUID(), leadId, UUID.randomUUID(), 3, Channel.SMS, template,
                "Day 2: ask what matters most to them", Instant.now(), openWindow(), false, Audience.LEAD, lead, rep,
                null);
    }

    protected static TouchDue.LeadSnapshot lead(String phone, String email, boolean test) {
        return lead("oak-ridge-website", phone, email, test);
    }

    protected static TouchDue.LeadSnapshot lead(String sourceId, String phone, String email, boolean test) {
        var interest = new LeadReceived.Interest("Oak Ridge", null, "3 bedrooms", "$450k", "June", null, null);
        return new TouchDue.LeadSnapshot(sourceId, "Maria", "Maria Lopez", email, phone,
                "America/Los_Angeles", "We are relocating in June and want a 3-bedroom near good schools.",
                interest, test);
    }

    protected static TouchDue.RepSnapshot rep(String phone, String email) {
        return new TouchDue.RepSnapshot(UUID.randomUUID(), "Dana Whitfield", email, phone);
    }

    /** Open around now, whatever the hour: no test depends on the time of day. */
    protected static TouchDue.ContactWindow openWindow() {
        Instant now = Instant.now();
        return new TouchDue.ContactWindow(now.minus(1, ChronoUnit.HOURS), now.plus(1, ChronoUnit.HOURS));
    }

    protected static String uniquePhone() {
        return "+1415" + ThreadLocalRandom.current().nextInt(1_000_000, 10_000_000);
    }

    protected static String uniqueEmail(String name) {
        return name + "+" + UUID.randomUUID() + "@example.com";
    }

    protected void produce(String topic, TouchDue touch) throws Exception {
        producer().send(record(topic, touch)).get();
    }

    /** Many touches at once: sent in batches, then flushed (the broker has them all on return). */
    protected void produceAll(String topic, List<TouchDue> touches) throws Exception {
        for (TouchDue touch : touches) {
            producer().send(record(topic, touch));
        }
        producer().flush();
    }

    private static ProducerRecord<String, String> record(String topic, TouchDue touch) throws Exception {
        var record = new ProducerRecord<>(topic, touch.leadId().toString(), JSON.writeValueAsString(touch));
        record.headers().add("ce_specversion", bytes("1.0"));
        record.headers().add("ce_id", bytes(UUID.randomUUID().toString()));
        record.headers().add("ce_type", bytes(EventTypes.TOUCH_DUE));
        record.headers().add("ce_source", bytes("leadflow/cadence-engine"));
        record.headers().add("ce_subject", bytes(touch.leadId().toString()));
        return record;
    }

    protected static List<ConsumerRecord<String, String>> awaitResults(UUID touchId, int count) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> resultsFor(touchId), records -> records.size() >= count);
    }

    protected static List<ConsumerRecord<String, String>> resultsFor(UUID touchId) {
        return RECORDS.getOrDefault(Topics.TOUCHES_RESULTS, List.of()).stream()
                .filter(record -> record.value().contains(touchId.toString()))
                .toList();
    }

    protected static TouchStatus statusOf(TouchDue touch) throws Exception {
        return JSON.readValue(awaitResults(touch.touchId(), 1).get(0).value(), TouchResult.class).status();
    }

    protected static ReceivedSms awaitOneSms(String phone) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> smsTo(phone), messages -> !messages.isEmpty()).get(0);
    }

    protected static List<ReceivedSms> smsTo(String phone) {
        return LocalStackTestResource.smsSink().messages().stream().filter(sms -> sms.to().equals(phone)).toList();
    }

    protected static CaughtMail awaitOneMail(String messageId) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(50))
                .until(() -> LocalStackTestResource.mailCatcher().messages().stream()
                        .filter(mail -> messageId.equals(mail.messageId())).toList(), mails -> !mails.isEmpty())
                .get(0);
    }

    protected static LeadActivity awaitActivity(UUID leadId, ActivityKind kind) throws Exception {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> !activitiesOf(leadId, kind).isEmpty());
        return activitiesOf(leadId, kind).get(0);
    }

    /** What was published on {@code leads.activity} for the lead, of that kind, oldest first. */
    protected static List<LeadActivity> activitiesOf(UUID leadId, ActivityKind kind) throws Exception {
        List<LeadActivity> activities = new ArrayList<>();
        for (ConsumerRecord<String, String> record : RECORDS.getOrDefault(Topics.LEADS_ACTIVITY, List.of())) {
            if (record.key().equals(leadId.toString())) {
                LeadActivity activity = JSON.readValue(record.value(), LeadActivity.class);
                if (activity.kind() == kind) {
                    activities.add(activity);
                }
            }
        }
        return activities;
    }

    /** A form as the signature functions take it. */
    protected static Map<String, List<String>> multi(Map<String, String> form) {
        Map<String, List<String>> multi = new LinkedHashMap<>();
        form.forEach((name, value) -> multi.put(name, List.of(value)));
        return multi;
    }

    protected static String header(ConsumerRecord<String, String> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    protected static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
