package io.leadflow.systemtest;

import static io.leadflow.systemtest.RunningLeadflow.stack;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import io.leadflow.contracts.Topics;
import io.leadflow.localstack.LeadflowService;
import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.mail.CaughtMail;
import io.leadflow.localstack.sms.ReceivedSms;

/**
 * 10,000 touches fall due at once. The engine, a separate process, is killed with SIGKILL while it
 * dispatches them: a batch it had claimed and published but not yet marked goes out again after the
 * restart, and the notifier's delivery rows keep that from reaching a person twice. Then the
 * notifier is redeployed (SIGTERM, restart) while it sends them: what it had not sent is sent after
 * the restart, nothing lands on a dead-letter topic and nothing is left in doubt.
 */
@ExtendWith(RunningLeadflow.class)
class RestartIT {

    private static final int LEADS = 1_000;
    private static final int TOUCHES = 10_000;
    /** The engine is killed once this many are dispatched: well inside the run, which takes seconds. */
    private static final int KILL_AFTER_DISPATCHED = 500;
    /** The notifier is redeployed once this many reached a person, while it still has thousands to send. */
    private static final int REDEPLOY_AFTER_DELIVERED = 2_000;
    private static final List<String> TOUCH_DEAD_LETTER_TOPICS = List.of(
            Topics.deadLetter(Topics.TOUCHES_DUE), Topics.deadLetter(Topics.TOUCHES_DUE_PRIORITY));
    private static final Duration ALL_DELIVERED_BOUND = Duration.ofMinutes(10);

    @Test
    void shouldDeliverEveryTouchExactlyOnceThroughAnEngineCrashAndANotifierRedeploy() throws Exception {
        LocalStack stack = stack();
        long deadLettersBefore = records(stack, TOUCH_DEAD_LETTER_TOPICS);
        try (Connection db = DriverManager.getConnection(stack.jdbcUrl(), stack.postgres().username(), stack.postgres().password())) {
            execute(db, "set search_path to cadence");
            String batch = "restart-" + System.currentTimeMillis();
            writeLeads(db, batch);
            Instant due = Instant.now().plusSeconds(2);
            Set<String> touchIds = writeTouches(db, batch, due);

            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10))
                    .until(() -> dispatched(db, batch) >= KILL_AFTER_DISPATCHED);
            long dispatchedAtTheKill = dispatched(db, batch);
            stack.killAndRestart(LeadflowService.CADENCE_ENGINE);
            System.out.printf("RestartIT: engine killed with %,d of %,d touches dispatched%n", dispatchedAtTheKill, TOUCHES);
            assertThat(dispatchedAtTheKill).as("touches dispatched when the engine was killed: it must die mid-run")
                    .isLessThan(TOUCHES);

            await().atMost(ALL_DELIVERED_BOUND).pollInterval(Duration.ofMillis(100))
                    .until(() -> deliveredTouchIds(stack, touchIds).size() >= REDEPLOY_AFTER_DELIVERED);
            int deliveredAtTheRedeploy = deliveredTouchIds(stack, touchIds).size();
            stack.stopAndRestart(LeadflowService.NOTIFIER);
            System.out.printf("RestartIT: notifier redeployed with %,d of %,d touches delivered%n", deliveredAtTheRedeploy, TOUCHES);
            assertThat(deliveredAtTheRedeploy).as("touches delivered when the notifier was stopped: it must stop mid-run")
                    .isLessThan(TOUCHES);

            await().atMost(ALL_DELIVERED_BOUND).pollInterval(Duration.ofSeconds(1))
                    .until(() -> deliveredTouchIds(stack, touchIds).size() == TOUCHES);
            // anything sent twice would arrive right behind the first copy: give it time to
            Thread.sleep(Duration.ofSeconds(5).toMillis());

            List<String> delivered = deliveredTouchIds(stack, touchIds);
            Map<String, Long> copies = delivered.stream().collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
            assertThat(copies.keySet()).as("every touch reached the SMS sink or the mail catcher").isEqualTo(touchIds);
            assertThat(copies.entrySet().stream().filter(touch -> touch.getValue() > 1).map(Map.Entry::getKey).toList())
                    .as("touches that reached a person more than once").isEmpty();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(statuses(db, batch)).as("the engine's record of the touches: none failed in doubt")
                            .isEqualTo(Map.of("ACCEPTED", (long) TOUCHES)));
            assertThat(records(stack, TOUCH_DEAD_LETTER_TOPICS) - deadLettersBefore).as("touches on a dead-letter topic").isZero();
        }
    }

    /** Leads registered earlier (as if intake had sent them), owned by the demo rep, each with a cadence. */
    private static void writeLeads(Connection db, String batch) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement("""
                insert into lead (id, source_id, received_at, ingested_at, is_test, first_name, full_name, email, phone_e164,
                                  time_zone, time_zone_basis, message, sms_consent, email_consent, assigned_rep_id, assigned_at)
                select md5(? || '-lead-' || g)::uuid, 'demo-web', now(), now(), false, 'Alex', 'Alex Restart ' || g,
                       ? || '-' || g || '@example.com', '+1628' || (3000000 + g), 'America/Los_Angeles', 'form',
                       'Is the model home open this weekend?', true, true,
                       (select id from rep where email = ?), now()
                from generate_series(0, ?) g""")) {
            insert.setString(1, batch);
            insert.setString(2, batch);
            insert.setString(3, LocalStack.DEMO_REP_EMAIL);
            insert.setInt(4, LEADS - 1);
            insert.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement("""
                insert into cadence (id, lead_id, playbook_id, playbook_version, started_at)
                select md5(? || '-cadence-' || g)::uuid, md5(? || '-lead-' || g)::uuid, 'default', 1, now()
                from generate_series(0, ?) g""")) {
            insert.setString(1, batch);
            insert.setString(2, batch);
            insert.setInt(3, LEADS - 1);
            insert.executeUpdate();
        }
    }

    /** Ten touches per lead, half texts and half emails, all due at {@code due}; their ids. */
    private static Set<String> writeTouches(Connection db, String batch, Instant due) throws SQLException {
        Set<String> ids = new HashSet<>();
        try (PreparedStatement insert = db.prepareStatement("""
                insert into touch (id, lead_id, cadence_id, step, audience, channel, template, reason, due_at,
                                   first_touch, status, status_at)
                select gen_random_uuid(), md5(? || '-lead-' || (g % ?))::uuid, md5(? || '-cadence-' || (g % ?))::uuid,
                       1 + g / ?, 'LEAD', case when g % 2 = 0 then 'SMS' else 'EMAIL' end,
                       case when g % 2 = 0 then 'same-day-text' else 'questions-since-email' end,
                       'restart test', ?, false, 'SCHEDULED', now()
                from generate_series(0, ?) g
                returning id""")) {
            insert.setString(1, batch);
            insert.setInt(2, LEADS);
            insert.setString(3, batch);
            insert.setInt(4, LEADS);
            insert.setInt(5, LEADS);
            insert.setTimestamp(6, Timestamp.from(due));
            insert.setInt(7, TOUCHES - 1);
            try (ResultSet rows = insert.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
        }
        return ids;
    }

    private static long dispatched(Connection db, String batch) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select count(*) from touch t join lead l on l.id = t.lead_id
                where l.email like ? and t.dispatched_at is not null""")) {
            query.setString(1, batch + "-%");
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static Map<String, Long> statuses(Connection db, String batch) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select t.status, count(*) from touch t join lead l on l.id = t.lead_id
                where l.email like ? group by t.status""")) {
            query.setString(1, batch + "-%");
            try (ResultSet rows = query.executeQuery()) {
                Map<String, Long> statuses = new TreeMap<>();
                while (rows.next()) {
                    statuses.put(rows.getString(1), rows.getLong(2));
                }
                return statuses;
            }
        }
    }

    /** The touch ids of this test's messages at the sinks, one entry per message received. */
    private static List<String> deliveredTouchIds(LocalStack stack, Set<String> touchIds) {
        return Stream.concat(stack.smsSink().messages().stream().map(ReceivedSms::touchId),
                        stack.mailCatcher().messages().stream().map(CaughtMail::touchId))
                .filter(Objects::nonNull).filter(touchIds::contains).toList();
    }

    /** How many records the topics hold (nothing here deletes records). */
    private static long records(LocalStack stack, List<String> topics) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.kafkaBootstrapServers());
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            List<TopicPartition> partitions = topics.stream()
                    .flatMap(topic -> consumer.partitionsFor(topic).stream().map(info -> new TopicPartition(topic, info.partition())))
                    .toList();
            Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(partitions);
            return consumer.endOffsets(partitions).entrySet().stream()
                    .mapToLong(end -> end.getValue() - beginnings.get(end.getKey())).sum();
        }
    }

    private static void execute(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement()) {
            statement.execute(sql);
        }
    }
}
