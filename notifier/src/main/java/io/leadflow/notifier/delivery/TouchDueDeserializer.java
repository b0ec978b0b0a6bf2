package io.leadflow.notifier.delivery;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.TouchDue;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@code touches.due(.priority)} values with the contracts' JSON settings; a bad record goes to the DLQ. */
public class TouchDueDeserializer extends ObjectMapperDeserializer<TouchDue> {

    public TouchDueDeserializer() {
        super(TouchDue.class, Json.newMapper());
    }
}
