package io.leadflow.localstack.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.leadflow.localstack.LocalStack;
import io.leadflow.localstack.SharedLocalStack;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

class KafkaBrokerTest {

    private final KafkaBroker broker = SharedLocalStack.kafka();

    @Test
    void createsEveryTopicWithItsPartitionsAndRetention() throws Exception {
        broker.createTopics(LocalStack.TOPICS); // a second time: existing topics are fine

        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers()))) {
            Map<String, TopicDescription> topics = admin.describeTopics(LocalStack.TOPICS.keySet()).allTopicNames().get();
            assertThat(topics.get("leads.received").partitions()).hasSize(6);
            assertThat(topics.get("touches.due.priority").partitions()).hasSize(6);
            assertThat(topics.get("leads.received.dlq").partitions()).hasSize(1);
            assertThat(topics).hasSize(10);

            ConfigResource dlq = new ConfigResource(ConfigResource.Type.TOPIC, "touches.results.dlq");
            ConfigResource main = new ConfigResource(ConfigResource.Type.TOPIC, "touches.results");
            var configs = admin.describeConfigs(List.of(dlq, main)).all().get();
            assertThat(configs.get(main).get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(7).toMillis()));
            assertThat(configs.get(dlq).get("retention.ms").value()).isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
        }
    }

    @Test
    void deliversAProducedRecordToAConsumer() throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("leads.activity", "lead-1", "{\"kind\":\"replied\"}")).get();
        }

        List<ConsumerRecord<String, String>> received = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "local-stack-test",
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(Set.of("leads.activity"));
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (received.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(received::add);
            }
        }

        assertThat(received).singleElement().satisfies(record -> {
            assertThat(record.key()).isEqualTo("lead-1");
            assertThat(record.value()).isEqualTo("{\"kind\":\"replied\"}");
        });
    }
}
