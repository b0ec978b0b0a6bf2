package io.leadflow.cadence.lead;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import io.leadflow.cadence.scheduling.Touch;
import io.leadflow.contracts.Audience;
import io.leadflow.contracts.Channel;

/**
 * Speed to first touch = the provider accepting the lead's first SMS or email minus receivedAt;
 * speed to rep alert likewise for the first alert. The earliest acceptance wins, whatever order
 * the results arrive in.
 */
@ApplicationScoped
public class SpeedToLeadRecorder {

    private final EntityManager entityManager;

    SpeedToLeadRecorder(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    public void record(Touch touch, Instant acceptedAt) {
        if (touch.audience == Audience.REP) {
            recordEarliest("rep_alert_at", "speed_to_rep_alert_ms", touch, acceptedAt);
        } else if (touch.channel == Channel.SMS || touch.channel == Channel.EMAIL) {
            recordEarliest("first_touch_at", "speed_to_first_touch_ms", touch, acceptedAt);
        }
    }

    private void recordEarliest(String atColumn, String speedColumn, Touch touch, Instant acceptedAt) {
        Lead lead = Lead.findById(touch.leadId);
        long speedMillis = Duration.between(lead.receivedAt, acceptedAt).toMillis();
        entityManager.createNativeQuery("""
                update lead set %1$s = :at, %2$s = :speed
                where id = :id and (%1$s is null or %1$s > :at)""".formatted(atColumn, speedColumn))
                .setParameter("at", acceptedAt)
                .setParameter("speed", speedMillis)
                .setParameter("id", touch.leadId)
                .executeUpdate();
    }
}
