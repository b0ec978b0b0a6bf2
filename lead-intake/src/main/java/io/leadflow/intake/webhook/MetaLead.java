package io.leadflow.intake.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A lead as Meta's Graph API returns it ({@code GET /<leadgen_id>}). */
public record MetaLead(
        String id,
        @JsonProperty("created_time") String createdTime,
        @JsonProperty("field_data") List<Field> fieldData) {

    public record Field(String name, List<String> values) {
    }
}
