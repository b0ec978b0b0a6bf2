package io.leadflow.cadence;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.leadflow.contracts.Json;
import io.leadflow.localstack.LocalStackTestResource;

/** Plays the other services on the real broker: writes their events and reads the engine's. */
public final class KafkaTestClient {

    private static final ObjectMapper JSON = Json.newMapper();

    private KafkaTestClient() {
    }

    public static void send(String topic, UUID leadId, Object event) {
        send(topic, leadId, event, Map.of());
    }

    /** With these record headers, e.g. the {@code traceparent} a traced producer would set. */
    public static void send(String topic, UUID leadId, Object event, Map<String, String> headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (var producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            var record = new ProducerRecord<>(topic, leadId.toString(), JSON.writeValueAsString(event));
            headers.forEach((name, value) -> record.headers().add(name, value.getBytes(StandardCharsets.UTF_8)));
            producer.send(record).get();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Could not produce to " + topic, e);
        }
    }

    /** A consumer that sees everything written to the topic from now on. */
    public static <T> TopicReader<T> read(String topic, Class<T> type) {
        return new TopicReader<>(topic, type);
    }

    public static final class TopicReader<T> implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Class<T> type;
        private final List<T> seen = new ArrayList<>();
        private final Map<T, String> traceparents = new HashMap<>();

        private TopicReader(String topic, Class<T> type) {
            this.type = type;
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, LocalStackTestResource.kafkaBootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest"),
                    new StringDeserializer(), new StringDeserializer());
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            consumer.seekToEnd(consumer.assignment());
            consumer.assignment().forEach(consumer::position);
        }

        /** Everything read so far, after one more short poll. */
        public List<T> poll() {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                try {
                    T value = JSON.readValue(record.value(), type);
                    seen.add(value);
                    Header traceparent = record.headers().lastHeader("traceparent");
                    if (traceparent != null) {
                        traceparents.put(value, new String(traceparent.value(), StandardCharsets.UTF_8));
                    }
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("Not a " + type.getSimpleName() + ": " + record.value(), e);
                }
            }
            return List.copyOf(seen);
        }

        /** The {@code traceparent} header of a record read so far. */
        public Optional<String> traceparentOf(T value) {
            return Optional.ofNullable(traceparents.get(value));
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
