package io.leadflow.intake.ratelimit;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.contracts.LeadReceived;
import io.leadflow.intake.source.SourceSettings;

/**
 * The per-source limits a lead must pass before it is published; a refused lead uses up none of them, nor does
 * one the broker did not take (its retry must not be refused for the attempt that failed).
 */
@ApplicationScoped
public class LeadLimits {

    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Inject
    RateLimiter limiter;

    /**
     * @param clientIp the caller's address, or null where the caller is a platform's server (webhooks), whose
     *                 address says nothing about who filled in the form
     */
    public Taken take(SourceSettings source, String clientIp, LeadReceived lead) {
        SourceSettings.RateLimits limits = source.limits();
        String phone = lead.contact().phoneE164();
        Deque<Runnable> releases = new ArrayDeque<>();
        try {
            acquire(releases, "leadsPerMinute", source.id(), limits.leadsPerMinute(), MINUTE);
            if (clientIp != null) {
                acquire(releases, "leadsPerMinutePerIp", source.id() + '/' + clientIp, limits.leadsPerMinutePerIp(), MINUTE);
            }
            if (phone != null) {
                acquire(releases, "leadsPerHourPerPhone", source.id() + '/' + phone, limits.leadsPerHourPerPhone(),
                        Duration.ofHours(1));
                if (lead.consent().sms()) {
                    acquire(releases, "smsLeadsPerDay", source.id(), limits.smsLeadsPerDay(), Duration.ofDays(1));
                }
            }
        } catch (RateLimitedException e) {
            releases.forEach(Runnable::run);
            throw e;
        }
        return () -> releases.forEach(Runnable::run);
    }

    /** What a lead used up of the limits. */
    @FunctionalInterface
    public interface Taken {

        /** Gives it back: the lead was not accepted after all (the broker did not take it). */
        void giveBack();
    }

    private void acquire(Deque<Runnable> releases, String rule, String key, int limit, Duration window) {
        limiter.acquire(rule, key, limit, window);
        releases.push(() -> limiter.release(rule, key, window));
    }
}
