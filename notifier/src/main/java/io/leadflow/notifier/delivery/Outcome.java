package io.leadflow.notifier.delivery;

import java.time.Instant;

/**
 * What became of a touch: the provider's answer, or the reason it was not sent.
 *
 * @param at when it happened; for {@code accepted}, when the provider answered
 */
public record Outcome(DeliveryStatus status, String reason, String providerCode, String providerMessageId, Instant at) {

    public static final String PROVIDER_ACCEPTED = "provider_accepted";
    public static final String PROVIDER_REJECTED = "provider_rejected";
    public static final String PROVIDER_UNREACHABLE = "provider_unreachable";
    public static final String TEST_LEAD = "test_lead";
    public static final String OUTSIDE_CONTACT_WINDOW = "outside_contact_window";
    public static final String NO_ADDRESS = "no_address";
    public static final String TEMPLATE_MISSING = "template_missing";

    public static Outcome accepted(String providerCode, String providerMessageId, Instant at) {
        return new Outcome(DeliveryStatus.ACCEPTED, PROVIDER_ACCEPTED, providerCode, providerMessageId, at);
    }

    public static Outcome failed(String reason, String providerCode, Instant at) {
        return new Outcome(DeliveryStatus.FAILED, reason, providerCode, null, at);
    }

    public static Outcome skipped(String reason, Instant at) {
        return new Outcome(DeliveryStatus.SKIPPED, reason, null, null, at);
    }

    public static Outcome deferred(String reason, Instant at) {
        return new Outcome(DeliveryStatus.DEFERRED, reason, null, null, at);
    }
}
