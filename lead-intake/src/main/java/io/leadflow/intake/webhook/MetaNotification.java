package io.leadflow.intake.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A Meta webhook delivery: entries (one per page), each with changes; a {@code leadgen} change names a lead. */
public record MetaNotification(String object, List<Entry> entry) {

    public record Entry(String id, Long time, List<Change> changes) {
    }

    public record Change(String field, Value value) {
    }

    public record Value(
            @JsonProperty("leadgen_id") String leadgenId,
            @JsonProperty("form_id") String formId,
            @JsonProperty("ad_id") String adId,
            @JsonProperty("adgroup_id") String adgroupId,
            @JsonProperty("page_id") String pageId,
            @JsonProperty("created_time") Long createdTime) {
    }
}
