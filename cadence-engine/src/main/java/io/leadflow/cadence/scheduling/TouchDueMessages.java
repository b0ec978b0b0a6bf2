package io.leadflow.cadence.scheduling;

import java.net.URI;
import java.util.UUID;

import org.eclipse.microprofile.reactive.messaging.Message;

import io.leadflow.contracts.EventTypes;
import io.leadflow.contracts.TouchDue;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;

/** A touch.due record: keyed by lead id, CloudEvents attributes in the headers (no PII there). */
final class TouchDueMessages {

    private static final URI SOURCE = URI.create("/leadflow/cadence-engine");

    private TouchDueMessages() {
    }

    static Message<TouchDue> of(TouchDue touch) {
        String leadId = touch.leadId().toString();
        return Message.of(touch)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder().withKey(leadId).build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(UUID.randomUUID().toString())
                        .withType(EventTypes.TOUCH_DUE)
                        .withSource(SOURCE)
                        .withSubject(leadId)
                        .build());
    }
}
