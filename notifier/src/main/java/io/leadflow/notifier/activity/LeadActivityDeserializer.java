package io.leadflow.notifier.activity;

import io.leadflow.contracts.Json;
import io.leadflow.contracts.LeadActivity;
import io.quarkus.kafka.client.serialization.ObjectMapperDeserializer;

/** Reads {@code leads.activity} with the contracts' JSON settings; a bad record goes to the DLQ. */
public class LeadActivityDeserializer extends ObjectMapperDeserializer<LeadActivity> {

    public LeadActivityDeserializer() {
        super(LeadActivity.class, Json.newMapper());
    }
}
