package io.leadflow.intake.webhook;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Google Ads' lead form webhook body ({@code WebhookLead}). Only these fields are read; anything else Google
 * adds is ignored. {@code form_id}, {@code campaign_id}, {@code adgroup_id} and {@code creative_id} are 64-bit.
 */
public record GoogleAdsLead(
        @JsonProperty("lead_id") String leadId,
        @JsonProperty("api_version") String apiVersion,
        @JsonProperty("form_id") Long formId,
        @JsonProperty("campaign_id") Long campaignId,
        @JsonProperty("adgroup_id") Long adgroupId,
        @JsonProperty("creative_id") Long creativeId,
        @JsonProperty("gcl_id") String gclId,
        @JsonProperty("google_key") String googleKey,
        @JsonProperty("is_test") Boolean isTest,
        @JsonProperty("user_column_data") List<Column> userColumnData) {

    /** One answer: {@code column_id} names a standard field (FULL_NAME, EMAIL…); other columns are questions. */
    public record Column(
            @JsonProperty("column_id") String columnId,
            @JsonProperty("column_name") String columnName,
            @JsonProperty("string_value") String stringValue) {
    }
}
