package io.leadflow.cadence.lead;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * Speed to first touch = the provider accepting the lead's first SMS or email minus receivedAt;
 * speed to rep alert likewise for the first alert. The earliest acceptance wins, whatever order
 * the results arrive in; the histograms count each lead once, when its first acceptance commits.
 */
@ApplicationScoped
public class SpeedToLeadRecorder {

    /** SLO buckets: the research's one minute, and the sub-second promise. */
    private static final Duration[] SLO_BUCKETS = {
        Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(60), Duration.ofMinutes(5) };

    private final EntityManager entityManager;
    private final MeterRegistry meters;
    private final TransactionSynchronizationRegistry transactions;

    SpeedToLeadRecorder(EntityManager entityManager, MeterRegistry meters, TransactionSynchronizationRegistry transactions) {
        this.entityManager = entityManager;
        this.meters = meters;
        this.transactions = transactions;
    }

    public void record(Touch touch, Instant acceptedAt) {
        if (touch.audience == Audience.REP) {
            recordEarliest("rep_alert_at", "speed_to_rep_alert_ms", "leadflow.speed_to_rep_alert", touch, acceptedAt);
        } else if (touch.channel == Channel.SMS || touch.channel == Channel.EMAIL) {
            recordEarliest("first_touch_at", "speed_to_first_touch_ms", "leadflow.speed_to_first_touch", touch, acceptedAt);
        }
    }

    private void recordEarliest(String atColumn, String speedColumn, String metric, Touch touch, Instant acceptedAt) {
        // a "came back" alert restarts the clock: it counts from the later inquiry, on that inquiry's row
        UUID inquiryId = touch.inquiryLeadId != null ? touch.inquiryLeadId : touch.leadId;
        Lead lead = Lead.findById(inquiryId);
        Duration speed = Duration.between(lead.receivedAt, acceptedAt);
        if (update(atColumn, speedColumn, atColumn + " is null", inquiryId, acceptedAt, speed) == 1) {
            Timer timer = Timer.builder(metric)
                    .description("From intake receiving the lead to the provider accepting the message")
                    .tag("source", lead.sourceId)
                    .tag("channel", touch.channel.name().toLowerCase(Locale.ROOT))
                    .serviceLevelObjectives(SLO_BUCKETS)
                    .register(meters);
            // counted with the row's commit: a result whose transaction rolls back is retried, and
            // would count twice in the histogram, once in the table (the ops board)
            transactions.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int status) {
                    if (status == Status.STATUS_COMMITTED) {
                        timer.record(speed);
                    }
                }
            });
        } else {
            update(atColumn, speedColumn, atColumn + " > :at", inquiryId, acceptedAt, speed);
        }
    }

    private int update(String atColumn, String speedColumn, String condition, UUID leadId, Instant acceptedAt,
            Duration speed) {
        return entityManager.createNativeQuery(
                "update lead set " + atColumn + " = :at, " + speedColumn + " = :speed where id = :id and " + condition)
                .setParameter("at", acceptedAt)
                .setParameter("speed", speed.toMillis())
                .setParameter("id", leadId)
                .executeUpdate();
    }
}
