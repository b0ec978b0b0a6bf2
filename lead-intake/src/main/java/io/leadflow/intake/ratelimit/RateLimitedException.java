package io.leadflow.intake.ratelimit;

/** A rate limit was reached; the request may be retried after {@link #retryAfterSeconds()}. */
public class RateLimitedException extends RuntimeException {

    private final String rule;
    private final long retryAfterSeconds;

    public RateLimitedException(String rule, long retryAfterSeconds) {
        super("rate limit " + rule + " reached", null, false, false);
        this.rule = rule;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public String rule() {
        return rule;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
