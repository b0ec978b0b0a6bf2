package io.leadflow.bench.records;

import io.leadflow.localstack.LocalStack;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Where the records are at the end of a run: how many each dead-letter topic holds (records a
 * service gave up on), and each consumer group's lag per topic (records not consumed yet: late,
 * not lost).
 */
public final class QueueState {

    private QueueState() {
    }

    /** @return records per dead-letter topic, and "group / topic" → records not yet consumed */
    public static Map<String, Map<String, Long>> read(String bootstrapServers) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            List<TopicPartition> dlqs = LocalStack.TOPICS.keySet().stream().filter(topic -> topic.endsWith(".dlq"))
                    .map(topic -> new TopicPartition(topic, 0)).toList();
            Map<String, Long> deadLetters = new TreeMap<>();
            latest(admin, dlqs).forEach((partition, end) -> deadLetters.put(partition.topic(), end));

            Map<String, Long> lag = new TreeMap<>();
            for (ConsumerGroupListing group : admin.listConsumerGroups().all().get(10, TimeUnit.SECONDS)) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.groupId())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, Long> ends = latest(admin, List.copyOf(committed.keySet()));
                committed.forEach((partition, offset) -> lag.merge(group.groupId() + " / " + partition.topic(),
                        ends.getOrDefault(partition, 0L) - (offset == null ? 0 : offset.offset()), Long::sum));
            }
            return Map.of("deadLetters", deadLetters, "consumerLag", lag);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not read the dead-letter topics and consumer lag", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<TopicPartition, Long> latest(Admin admin, List<TopicPartition> partitions)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        partitions.forEach(partition -> request.put(partition, OffsetSpec.latest()));
        Map<TopicPartition, Long> ends = new HashMap<>();
        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS).forEach((partition, info) -> ends.put(partition, info.offset()));
        return ends;
    }
}
