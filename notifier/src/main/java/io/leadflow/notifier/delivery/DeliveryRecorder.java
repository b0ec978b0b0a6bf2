package io.leadflow.notifier.delivery;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;

/**
 * Commits what became of a touch, then reports it on {@code touches.results}: the row first, so a
 * crash before the publish is repaired by the redelivered record finding the final row.
 */
@ApplicationScoped
public class DeliveryRecorder {

    private static final Logger LOG = Logger.getLogger(DeliveryRecorder.class);

    private final DeliveryRepository deliveries;
    private final ResultPublisher results;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public DeliveryRecorder(DeliveryRepository deliveries, ResultPublisher results, DeliveryMetrics metrics,
            Clock clock) {
        this.deliveries = deliveries;
        this.results = results;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * The final outcome of a claimed touch.
     *
     * @param providerCalled whether a provider call produced it (counted in the row's attempts)
     */
    public void finish(UUID touchId, Outcome outcome, boolean providerCalled) {
        Delivery delivery = deliveries.complete(touchId, outcome, providerCalled, clock.instant(), UUID.randomUUID());
        LOG.infof("touch %s lead %s: %s %s (%s%s) after %d attempt(s)", touchId, delivery.leadId, delivery.channel,
                delivery.status.dbValue(), outcome.reason(),
                outcome.providerCode() == null ? "" : ", code " + outcome.providerCode(), delivery.attempts);
        metrics.count(delivery.channel(), delivery.status);
        results.publish(delivery.toResult(), delivery.resultEventId);
    }

    /** A touch decided without a claim (skipped, deferred, failed before sending). */
    public void recordUnsent(TouchDue touch, String transport, Outcome outcome) {
        UUID eventId = UUID.randomUUID();
        if (!deliveries.recordUnsent(touch, transport, outcome, clock.instant(), eventId)) {
            // another delivery of the same touch got there first: its row decides
            deliveries.find(touch.touchId()).ifPresent(this::redelivered);
            return;
        }
        LOG.infof("touch %s lead %s: %s %s (%s)", touch.touchId(), touch.leadId(), touch.channel(),
                outcome.status().dbValue(), outcome.reason());
        metrics.count(touch.channel(), outcome.status());
        results.publish(new TouchResult(touch.touchId(), touch.leadId(), touch.channel(),
                outcome.status().touchStatus(), outcome.reason(), null, null, outcome.at()), eventId);
    }

    /**
     * The touch was seen before: publish its stored result again. A touch still sending or
     * waiting for a retry is left to its sender and to the retry poller.
     */
    public void redelivered(Delivery delivery) {
        if (!delivery.status.isFinal()) {
            LOG.infof("touch %s lead %s: redelivered while %s; nothing sent now", delivery.touchId, delivery.leadId,
                    delivery.status.dbValue());
            return;
        }
        LOG.infof("touch %s lead %s: redelivered, result %s published again", delivery.touchId, delivery.leadId,
                delivery.status.dbValue());
        results.publish(delivery.toResult(),
                delivery.resultEventId != null ? delivery.resultEventId : UUID.randomUUID());
    }
}
