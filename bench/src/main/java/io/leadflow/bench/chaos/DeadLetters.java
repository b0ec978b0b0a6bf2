package io.leadflow.bench.chaos;

import io.leadflow.localstack.LocalStack;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/** How many records each dead-letter topic holds: where the records went that a service gave up on. */
final class DeadLetters {

    private DeadLetters() {
    }

    static Map<String, Long> count(String bootstrapServers) {
        List<TopicPartition> dlqs = LocalStack.TOPICS.keySet().stream().filter(topic -> topic.endsWith(".dlq"))
                .map(topic -> new TopicPartition(topic, 0)).toList();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(
                Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            Map<String, Long> counts = new TreeMap<>();
            consumer.endOffsets(dlqs).forEach((partition, end) -> counts.put(partition.topic(), end));
            return counts;
        }
    }
}
