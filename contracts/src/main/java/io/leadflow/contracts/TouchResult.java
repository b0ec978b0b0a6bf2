package io.leadflow.contracts;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code leadflow.touch.result.v1} on {@link Topics#TOUCHES_RESULTS}.
 *
 * @param reason            machine-readable why, e.g. {@code no_sms_consent}, {@code outside_contact_window}
 * @param providerCode      the provider's own code (SMTP reply code, Twilio error code) when it gave one
 * @param providerMessageId the provider's id of the accepted message (Twilio sid, SMTP Message-ID)
 * @param at                when the status happened; for {@code accepted}, when the provider answered
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record TouchResult(
        UUID touchId,
        UUID leadId,
        Channel channel,
        TouchStatus status,
        String reason,
        String providerCode,
        String providerMessageId,
        Instant at) {
}
