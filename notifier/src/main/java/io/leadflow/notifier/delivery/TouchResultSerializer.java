package io.leadflow.notifier.delivery;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.TouchResult;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;

/** Writes {@code touches.results} values with the contracts' JSON settings (ISO-8601 instants). */
public class TouchResultSerializer extends ObjectMapperSerializer<TouchResult> {

    public TouchResultSerializer() {
        super(Json.newMapper());
    }
}
