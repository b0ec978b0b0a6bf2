package io.leadflow.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code leadflow.lead.activity.v1} on {@link Topics#LEADS_ACTIVITY}.
 *
 * @param channel the channel it came in on, when there is one
 * @param actor   who did it: {@code lead}, or {@code rep:<repId>}
 * @param detail  kind-specific details (the outcome, the committed time…), never a raw phone number
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadActivity(
        UUID activityId,
        UUID leadId,
        ActivityKind kind,
        Channel channel,
        String actor,
        Instant at,
        Map<String, String> detail) {
}
