package io.leadflow.notifier.activity;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadActivity;
import io.quarkus.kafka.client.serialization.ObjectMapperSerializer;

/** Writes {@code leads.activity} values with the contracts' JSON settings. */
public class LeadActivitySerializer extends ObjectMapperSerializer<LeadActivity> {

    public LeadActivitySerializer() {
        super(Json.newMapper());
    }
}
