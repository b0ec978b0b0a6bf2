package io.leadflow.notifier.delivery;

import java.time.Duration;
import java.time.Instant;

/**
 * What became of a touch: the provider's answer, or the reason it was not sent.
 *
 * @param at         when it happened; for {@code accepted}, when the provider answered
 * @param retryAfter for a transient failure, how long the provider asked us to wait (429
 *                   {@code Retry-After}), or null
 * @param provider   which provider answered ({@code smtp}, or the SMS account: {@code primary} /
 *                   {@code secondary}), null when none was called
 */
public record Outcome(DeliveryStatus status, String reason, String providerCode, String providerMessageId, Instant at,
        Duration retryAfter, String provider) {

    public static final String PROVIDER_ACCEPTED = "provider_accepted";
    public static final String PROVIDER_REJECTED = "provider_rejected";
    /** No connection to the provider: nothing was sent. */
    public static final String PROVIDER_UNREACHABLE = "provider_unreachable";
    /** Connected, but no answer in time: the provider may have sent it. */
    public static final String PROVIDER_TIMEOUT = "provider_timeout";
    public static final String PROVIDER_UNAVAILABLE = "provider_unavailable";
    public static final String PROVIDER_RATE_LIMITED = "provider_rate_limited";
    public static final String CIRCUIT_OPEN = "provider_circuit_open";
    /** Waiting for a token of its sending number's pace (not a failure: no attempt is used). */
    public static final String PACED = "paced";
    public static final String RETRIES_EXHAUSTED = "retries_exhausted";
    public static final String IN_DOUBT = "in_doubt";
    public static final String TEST_LEAD = "test_lead";
    public static final String OUTSIDE_CONTACT_WINDOW = "outside_contact_window";
    public static final String NO_ADDRESS = "no_address";
    public static final String TEMPLATE_MISSING = "template_missing";

    public static Outcome accepted(String providerCode, String providerMessageId, Instant at) {
        return new Outcome(DeliveryStatus.ACCEPTED, PROVIDER_ACCEPTED, providerCode, providerMessageId, at, null, null);
    }

    /** A permanent failure: never retried. */
    public static Outcome failed(String reason, String providerCode, Instant at) {
        return new Outcome(DeliveryStatus.FAILED, reason, providerCode, null, at, null, null);
    }

    /** A transient failure (timeout, 5xx, 429, SMTP 4xx): worth another attempt later. */
    public static Outcome transientFailure(String reason, String providerCode, Duration retryAfter, Instant at) {
        return new Outcome(DeliveryStatus.RETRYING, reason, providerCode, null, at, retryAfter, null);
    }

    public static Outcome skipped(String reason, Instant at) {
        return new Outcome(DeliveryStatus.SKIPPED, reason, null, null, at, null, null);
    }

    public static Outcome deferred(String reason, Instant at) {
        return new Outcome(DeliveryStatus.DEFERRED, reason, null, null, at, null, null);
    }

    public boolean isTransient() {
        return status == DeliveryStatus.RETRYING;
    }

    /** The same failure, now final: no more attempts will be made. */
    public Outcome givenUp(String reason) {
        return new Outcome(DeliveryStatus.FAILED, reason, providerCode, null, at, null, provider);
    }

    public Outcome withProvider(String name) {
        return new Outcome(status, reason, providerCode, providerMessageId, at, retryAfter, name);
    }
}
