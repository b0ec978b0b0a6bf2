package io.leadflow.notifier.activity;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.leadflow.contracts.ActivityKind;
import io.leadflow.contracts.LeadActivity;
import io.leadflow.notifier.DatabaseRetry;
import io.leadflow.notifier.optout.OptOutRepository;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Keeps each lead's stop state from {@code leads.activity} (what the notifier itself published
 * included): a reply stops every channel, an opt-out one channel (all of them when it names none);
 * an opt-in lifts a channel's opt-out, a resume or a lead coming back lifts the stop. In order per
 * lead (an opt-out and the opt-in after it must not swap); it calls no provider. A transient
 * database failure is retried in place (an opt-out lost to a PostgreSQL restart would be a text
 * to someone who said STOP).
 */
@ApplicationScoped
public class LeadActivityConsumer {

    static final String CHANNEL = "leads-activity-in";
    private static final Logger LOG = Logger.getLogger(LeadActivityConsumer.class);

    private final OptOutRepository stops;
    private final Clock clock;
    private final DatabaseRetry retry;

    public LeadActivityConsumer(OptOutRepository stops, Clock clock, DatabaseRetry retry) {
        this.stops = stops;
        this.clock = clock;
        this.retry = retry;
    }

    @Incoming(CHANNEL)
    @Blocking
    public void onActivity(LeadActivity activity) {
        if (activity == null || activity.leadId() == null || activity.kind() == null) {
            throw new IllegalArgumentException("lead.activity record without leadId or kind");
        }
        Instant at = activity.at() == null ? clock.instant() : activity.at();
        String channel = activity.channel() == null || activity.kind() == ActivityKind.REPLY
                ? "all"
                : activity.channel().name().toLowerCase(Locale.ROOT);
        Runnable change = switch (activity.kind()) {
            case REPLY -> () -> stops.stop(activity.leadId(), channel, "reply", activity.activityId(), at);
            case OPT_OUT -> () -> stops.stop(activity.leadId(), channel, "opt_out", activity.activityId(), at);
            case OPT_IN -> () -> stops.resume(activity.leadId(),
                    "all".equals(channel) ? List.of("sms", "email") : List.of(channel));
            case RESUME, CAME_BACK -> () -> stops.resume(activity.leadId(), List.of("all"));
            default -> null;
        };
        if (change == null) {
            return;
        }
        retry.run("activity " + activity.activityId() + " lead " + activity.leadId(), change);
        LOG.infof("lead %s: %s on %s recorded", activity.leadId(), activity.kind(), channel);
    }
}
