package io.leadflow.bench.floor;

import io.leadflow.bench.report.Summary;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The physical floor on this machine: what the broker alone does with the payload size of a lead
 * event and intake's producer settings ({@code acks=all}, idempotent, {@code linger.ms=1}).
 */
public final class KafkaFloor {

    /** Produce→consume round trips at a steady rate, in milliseconds. */
    public record RoundTrip(int payloadBytes, double ratePerSecond, Summary latencyMs) {
    }

    /** Records acknowledged per second by one producer sending as fast as it can. */
    public record Throughput(int payloadBytes, long records, double recordsPerSecond) {
    }

    private static final String TOPIC = "bench.floor";
    private static final int PARTITIONS = 6;

    private final String bootstrapServers;

    public KafkaFloor(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** The average size of the lead events intake published in this run (up to 500 sampled). */
    public int averageValueSize(String topic) {
        try (KafkaConsumer<byte[], byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            long total = 0;
            int count = 0;
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (count < 500 && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    total += record.value().length;
                    count++;
                }
            }
            return count == 0 ? 0 : (int) (total / count);
        }
    }

    public RoundTrip roundTrip(int payloadBytes, double ratePerSecond, Duration duration) throws InterruptedException {
        createTopic();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
        try (KafkaConsumer<byte[], byte[]> consumer = consumer(); KafkaProducer<byte[], byte[]> producer = producer()) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (int p = 0; p < PARTITIONS; p++) {
                partitions.add(new TopicPartition(TOPIC, p));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            Thread reader = new Thread(() -> {
                while (latencies.size() < expected.get()) {
                    for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(50))) {
                        long sentNanos = ByteBuffer.wrap(record.value()).getLong();
                        latencies.add((System.nanoTime() - sentNanos) / 1e6);
                    }
                }
            }, "floor-consumer");
            reader.setDaemon(true);
            reader.start();
            long interval = (long) (1e9 / ratePerSecond);
            long start = System.nanoTime();
            long sent = 0;
            for (long due = start; due < start + duration.toNanos(); due += interval) {
                LockSupport.parkNanos(due - System.nanoTime());
                byte[] value = new byte[Math.max(8, payloadBytes)];
                ByteBuffer.wrap(value).putLong(System.nanoTime());
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(sent).getBytes(), value));
                sent++;
            }
            producer.flush();
            expected.set(sent);
            reader.join(Duration.ofSeconds(30).toMillis());
            if (reader.isAlive()) {
                throw new IllegalStateException("Only " + latencies.size() + " of " + sent + " floor records came back");
            }
        }
        return new RoundTrip(payloadBytes, ratePerSecond, Summary.of(latencies));
    }

    public Throughput producerThroughput(int payloadBytes, Duration duration) {
        createTopic();
        AtomicLong acked = new AtomicLong();
        byte[] value = new byte[payloadBytes];
        long start;
        long end;
        try (KafkaProducer<byte[], byte[]> producer = producer()) {
            start = System.nanoTime();
            long stopAt = start + duration.toNanos();
            long n = 0;
            while (System.nanoTime() < stopAt) {
                producer.send(new ProducerRecord<>(TOPIC, Long.toString(n++).getBytes(), value), (metadata, e) -> {
                    if (e == null) {
                        acked.incrementAndGet();
                    }
                });
            }
            producer.flush();
            end = System.nanoTime();
        }
        return new Throughput(payloadBytes, acked.get(), acked.get() / ((end - start) / 1e9));
    }

    private void createTopic() {
        Properties properties = new Properties();
        properties.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        try (Admin admin = Admin.create(properties)) {
            admin.createTopics(List.of(new NewTopic(TOPIC, PARTITIONS, (short) 1)))
                    .all().get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("Could not create " + TOPIC, e.getCause());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("Timed out creating " + TOPIC, e);
        }
    }

    /** The settings lead-intake publishes with (see its README). */
    private KafkaProducer<byte[], byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.LINGER_MS_CONFIG, 1),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    private KafkaConsumer<byte[], byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }
}
