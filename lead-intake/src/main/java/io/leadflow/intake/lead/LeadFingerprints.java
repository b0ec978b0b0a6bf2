package io.leadflow.intake.lead;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import io.leadflow.intake.source.Keys;

/**
 * What "the same body" means for an {@code Idempotency-Key}: the same lead once parsed and cleaned, so
 * whitespace, the order of fields and map entries, and unknown fields do not make a retry a conflict.
 */
@ApplicationScoped
public class LeadFingerprints {

    @Inject
    ObjectMapper json;

    public String of(LeadRequest request) {
        try {
            return Keys.hashOf(json.writer().with(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(request));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a parsed lead could not be written back as JSON", e);
        }
    }
}
