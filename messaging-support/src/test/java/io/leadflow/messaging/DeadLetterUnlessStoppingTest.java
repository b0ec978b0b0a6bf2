package io.leadflow.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.smallrye.mutiny.TimeoutException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;

class DeadLetterUnlessStoppingTest {

    private final List<Long> deadLettered = new ArrayList<>();
    private final KafkaFailureHandler deadLetterQueue = new KafkaFailureHandler() {
        @Override
        public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
            deadLettered.add(record.getOffset());
            return Uni.createFrom().voidItem();
        }
    };
    private final DeadLetterUnlessStopping.ServiceLifecycle lifecycle = new DeadLetterUnlessStopping.ServiceLifecycle();
    private final KafkaFailureHandler strategy = new DeadLetterUnlessStopping.UnlessStopping(deadLetterQueue, lifecycle, "touches.due");

    @Test
    void shouldSendARecordThatFailsWhileRunningToTheDeadLetterQueue() {
        strategy.handle(record(41), new IllegalArgumentException("touch.due record without touchId"), Metadata.empty())
                .await().atMost(Duration.ofSeconds(1));

        assertThat(deadLettered).containsExactly(41L);
    }

    @Test
    void shouldLeaveARecordThatFailsWhileStoppingUnacknowledgedForRedelivery() {
        lifecycle.stopping();

        Uni<Void> handled = strategy.handle(record(42), new IllegalStateException("EntityManagerFactory is closed"), Metadata.empty());

        assertThat(deadLettered).isEmpty();
        // never settled: the offset is not committed past it, so the partition's next consumer gets it again
        assertThatThrownBy(() -> handled.await().atMost(Duration.ofMillis(200)))
                .isInstanceOf(TimeoutException.class);
    }

    private static IncomingKafkaRecord<String, String> record(long offset) {
        return new IncomingKafkaRecord<>(new ConsumerRecord<>("touches.due", 3, offset, "lead", "{}"), "touches.due", -1,
                null, null, false, false);
    }
}
