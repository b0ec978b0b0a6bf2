package io.leadflow.notifier.delivery;

import java.net.URI;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchResult;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** Publishes {@code leadflow.touch.result.v1} on {@code touches.results} and waits for the broker's ack. */
@ApplicationScoped
public class ResultPublisher {

    static final URI SOURCE = URI.create("leadflow/notifier");

    private final MutinyEmitter<TouchResult> emitter;
    private final Clock clock;

    public ResultPublisher(@Channel(Topics.TOUCHES_RESULTS) MutinyEmitter<TouchResult> emitter, Clock clock) {
        this.emitter = emitter;
        this.clock = clock;
    }

    /**
     * @param eventId the CloudEvents id; a result published again keeps its id, so consumers that
     *                already saw it can tell
     */
    public void publish(TouchResult result, UUID eventId) {
        String leadId = result.leadId().toString();
        OutgoingCloudEventMetadata<TouchResult> cloudEvent = OutgoingCloudEventMetadata.<TouchResult> builder()
                .withId(eventId.toString())
                .withType(EventTypes.TOUCH_RESULT)
                .withSource(SOURCE)
                .withSubject(leadId)
                .withTimestamp(ZonedDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String> builder()
                .withKey(leadId)
                .build();
        emitter.sendMessageAndAwait(Message.of(result, Metadata.of(cloudEvent, kafka)));
    }
}
