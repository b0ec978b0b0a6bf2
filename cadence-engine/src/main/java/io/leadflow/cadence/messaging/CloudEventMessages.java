package io.leadflow.cadence.messaging;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** A record the engine publishes: keyed by lead id, CloudEvents attributes in the headers (no PII there). */
public final class CloudEventMessages {

    private static final URI SOURCE = URI.create("/leadflow/cadence-engine");

    private CloudEventMessages() {
    }

    /** @param eventId the event's unique id ({@code ce_id}); consumers are idempotent on it */
    public static <T> Message<T> of(T payload, UUID leadId, UUID eventId, String type) {
        String key = leadId.toString();
        return Message.of(payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(key).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(eventId.toString())
                        .withType(type)
                        .withSource(SOURCE)
                        .withSubject(key)
                        .build());
    }
}
