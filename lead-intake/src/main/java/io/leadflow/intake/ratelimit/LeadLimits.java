package io.leadflow.intake.ratelimit;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.leadflow.contracts.LeadReceived;
import io.leadflow.intake.source.SourceSettings;

/** The per-source limits a lead must pass before it is published. */
@ApplicationScoped
public class LeadLimits {

    @Inject
    RateLimiter limiter;

    /**
     * @param clientIp the caller's address, or null where the caller is a platform's server (webhooks), whose
     *                 address says nothing about who filled in the form
     */
    public void check(SourceSettings source, String clientIp, LeadReceived lead) {
        SourceSettings.RateLimits limits = source.limits();
        limiter.acquire("leadsPerMinute", source.id(), limits.leadsPerMinute(), Duration.ofMinutes(1));
        if (clientIp != null) {
            limiter.acquire("leadsPerMinutePerIp", source.id() + '/' + clientIp, limits.leadsPerMinutePerIp(),
                    Duration.ofMinutes(1));
        }
        String phone = lead.contact().phoneE164();
        if (phone != null) {
            limiter.acquire("leadsPerHourPerPhone", source.id() + '/' + phone, limits.leadsPerHourPerPhone(),
                    Duration.ofHours(1));
        }
        if (lead.consent().sms() && phone != null) {
            limiter.acquire("smsLeadsPerDay", source.id(), limits.smsLeadsPerDay(), Duration.ofDays(1));
        }
    }
}
