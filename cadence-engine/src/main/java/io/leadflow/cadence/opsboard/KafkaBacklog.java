package io.leadflow.cadence.opsboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Consumer lag per group and topic, and dead-letter depth, read from the broker's own offsets. */
@ApplicationScoped
class KafkaBacklog {

    private static final String DEAD_LETTER_SUFFIX = ".dlq";
    private static final Duration ANSWER_BOUND = Duration.ofSeconds(3);

    private final Admin admin;

    KafkaBacklog(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers) {
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "cadence-engine-ops-board",
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_BOUND.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_BOUND.toMillis()));
    }

    /** The broker's view now; when it does not answer in time the board says so instead of hanging. */
    OpsBoard.Kafka read() {
        try {
            return new OpsBoard.Kafka(consumerLag(), deadLetters(), null);
        } catch (ExecutionException | TimeoutException e) {
            return new OpsBoard.Kafka(List.of(), Map.of(), "Kafka did not answer: " + e.getClass().getSimpleName());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new OpsBoard.Kafka(List.of(), Map.of(), "interrupted");
        }
    }

    private List<OpsBoard.ConsumerLag> consumerLag() throws ExecutionException, InterruptedException, TimeoutException {
        List<OpsBoard.ConsumerLag> lags = new ArrayList<>();
        Collection<ConsumerGroupListing> groups = await(admin.listConsumerGroups().all());
        for (ConsumerGroupListing group : groups) {
            Map<TopicPartition, OffsetAndMetadata> committed = await(admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata());
            committed.values().removeIf(java.util.Objects::isNull);
            Map<TopicPartition, Long> ends = endOffsets(committed.keySet());
            Map<String, Long> lagByTopic = new TreeMap<>();
            committed.forEach((partition, offset) -> lagByTopic.merge(partition.topic(),
                    Math.max(0, ends.getOrDefault(partition, offset.offset()) - offset.offset()), Long::sum));
            lagByTopic.forEach((topic, lag) -> lags.add(new OpsBoard.ConsumerLag(group.groupId(), topic, lag)));
        }
        lags.sort(Comparator.comparing(OpsBoard.ConsumerLag::group).thenComparing(OpsBoard.ConsumerLag::topic));
        return lags;
    }

    private Map<String, Long> deadLetters() throws ExecutionException, InterruptedException, TimeoutException {
        Set<String> deadLetterTopics = await(admin.listTopics().names()).stream()
                .filter(topic -> topic.endsWith(DEAD_LETTER_SUFFIX))
                .collect(Collectors.toSet());
        Map<String, org.apache.kafka.clients.admin.TopicDescription> described = await(admin.describeTopics(deadLetterTopics).allTopicNames());
        Set<TopicPartition> partitions = described.values().stream()
                .flatMap(topic -> topic.partitions().stream().map(info -> new TopicPartition(topic.name(), info.partition())))
                .collect(Collectors.toSet());
        Map<TopicPartition, Long> earliest = offsets(partitions, OffsetSpec.earliest());
        Map<TopicPartition, Long> latest = offsets(partitions, OffsetSpec.latest());
        Map<String, Long> depth = new TreeMap<>();
        deadLetterTopics.forEach(topic -> depth.put(topic, 0L));
        latest.forEach((partition, end) -> depth.merge(partition.topic(), end - earliest.getOrDefault(partition, 0L), Long::sum));
        return depth;
    }

    private Map<TopicPartition, Long> endOffsets(Set<TopicPartition> partitions) throws ExecutionException, InterruptedException, TimeoutException {
        return offsets(partitions, OffsetSpec.latest());
    }

    private Map<TopicPartition, Long> offsets(Set<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        if (partitions.isEmpty()) {
            return Map.of();
        }
        Map<TopicPartition, ListOffsetsResultInfo> answers = await(admin.listOffsets(
                partitions.stream().collect(Collectors.toMap(Function.identity(), unused -> spec))).all());
        return answers.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static <T> T await(org.apache.kafka.common.KafkaFuture<T> future) throws ExecutionException, InterruptedException, TimeoutException {
        return future.get(ANSWER_BOUND.toMillis(), TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
