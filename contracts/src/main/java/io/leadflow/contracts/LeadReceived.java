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
 * @param postalCode where the lead lives, when the form asked; absent in events from before it was a field
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
        Consent consent,
        PostalCode postalCode) {

    /** A lead without a postal code, as every event before it was a field. */
    public LeadReceived(UUID leadId, String sourceId, Instant receivedAt, boolean test, Contact contact,
            LeadTimeZone timeZone, String message, Interest interest, Map<String, String> utm, Consent consent) {
        this(leadId, sourceId, receivedAt, test, contact, timeZone, message, interest, utm, consent, null);
    }

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

    /**
     * @param code    normalized: upper case, single spaces; a US ZIP as {@code 12345} or {@code 12345-6789}
     * @param country the ISO 3166 country intake read it for (the source's default country), e.g. {@code US}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PostalCode(String code, String country) {
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
