package io.leadflow.contracts;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code leadflow.lead.received.v1} on {@link Topics#LEADS_RECEIVED}: a validated, normalized lead.
 *
 * @param receivedAt when intake received the request; speed to lead is measured from here
 * @param test       a test lead is stored and shown but never messages anyone
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record LeadReceived(
        UUID leadId,
        String sourceId,
        Instant receivedAt,
        boolean test,
        Contact contact,
        LeadTimeZone timeZone,
        String message,
        Interest interest,
        Map<String, String> utm,
        Consent consent) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Contact(
            String fullName,
            String firstName,
            String lastName,
            String email,
            String phoneE164,
            String phoneRaw,
            boolean phoneValid) {
    }

    /** @param basis where the zone came from: {@code form}, {@code phone} or {@code default} */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record LeadTimeZone(String id, String basis) {
    }

    /** What the lead told us they want; {@code custom} holds answers to questions we have no field for. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Interest(
            String community,
            String product,
            String homeSize,
            String budget,
            String timeline,
            String heardAbout,
            Map<String, String> custom) {
    }

    /** @param text the consent wording the lead agreed to, as shown on the form */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Consent(
            boolean sms,
            boolean email,
            String text,
            Instant at,
            String ip,
            String pageUrl) {
    }
}
