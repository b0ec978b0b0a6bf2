package io.leadflow.notifier.delivery;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.TouchDue;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;

/**
 * Writes a due touch back out: the DLQ producer needs it for a record that parsed but broke the
 * contract. (A record that did not parse goes to the DLQ as its original bytes.)
 */
public class TouchDueSerializer extends ObjectMapperSerializer<TouchDue> {

    public TouchDueSerializer() {
        super(Json.newMapper());
    }
}
