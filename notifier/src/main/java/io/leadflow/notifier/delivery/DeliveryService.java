package io.leadflow.notifier.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.leadflow.contracts.TouchDue;
import io.leadflow.contracts.TouchResult;
import io.leadflow.notifier.template.TemplateMissingException;

/**
 * Delivers one due touch at most once. The order matters: the delivery row is committed as
 * {@code sending} before a provider is called, and the provider's answer is committed before the
 * result is published, so a redelivered record finds the row and sends nothing.
 */
@ApplicationScoped
public class DeliveryService {

    private static final Logger LOG = Logger.getLogger(DeliveryService.class);

    private final DeliveryRepository deliveries;
    private final TouchSender sender;
    private final ResultPublisher results;
    private final DeliveryMetrics metrics;
    private final Clock clock;

    public DeliveryService(DeliveryRepository deliveries, TouchSender sender, ResultPublisher results,
            DeliveryMetrics metrics, Clock clock) {
        this.deliveries = deliveries;
        this.sender = sender;
        this.results = results;
        this.metrics = metrics;
        this.clock = clock;
    }

    public void deliver(TouchDue touch) {
        requireContract(touch);
        Optional<Delivery> existing = deliveries.find(touch.touchId());
        if (existing.isPresent() && existing.get().status != DeliveryStatus.DEFERRED) {
            redelivered(existing.get());
            return;
        }

        Instant now = clock.instant();
        Optional<Route> route = Route.of(touch);
        String transport = route.map(r -> r.transport().dbValue()).orElse(null);
        Optional<Outcome> notSent = decideNotToSend(touch, route, now);
        if (notSent.isPresent()) {
            recordUnsent(touch, transport, notSent.get(), now);
            return;
        }

        Route to = route.orElseThrow();
        TouchSender.Prepared prepared;
        try {
            prepared = sender.prepare(touch, to);
        } catch (TemplateMissingException e) {
            LOG.errorf("touch %s lead %s: %s", touch.touchId(), touch.leadId(), e.getMessage());
            recordUnsent(touch, transport, Outcome.failed(Outcome.TEMPLATE_MISSING, null, now), now);
            return;
        }

        if (!deliveries.claim(touch, transport, now)) {
            deliveries.find(touch.touchId()).ifPresent(this::redelivered);
            return;
        }
        Outcome outcome = sender.send(touch, prepared);
        Delivery delivery = deliveries.complete(touch.touchId(), outcome, clock.instant(), UUID.randomUUID());
        LOG.infof("touch %s lead %s: %s %s to %s (%s)", touch.touchId(), touch.leadId(), touch.channel(),
                delivery.status.dbValue(), to.recipient(), outcome.reason());
        metrics.count(touch.channel(), delivery.status);
        results.publish(delivery.toResult(), delivery.resultEventId);
    }

    private Optional<Outcome> decideNotToSend(TouchDue touch, Optional<Route> route, Instant now) {
        if (touch.lead() != null && touch.lead().test()) {
            return Optional.of(Outcome.skipped(Outcome.TEST_LEAD, now));
        }
        if (touch.window() != null && !touch.window().contains(now)) {
            return Optional.of(Outcome.deferred(Outcome.OUTSIDE_CONTACT_WINDOW, now));
        }
        if (route.isEmpty()) {
            return Optional.of(Outcome.skipped(Outcome.NO_ADDRESS, now));
        }
        return Optional.empty();
    }

    private void recordUnsent(TouchDue touch, String transport, Outcome outcome, Instant now) {
        UUID eventId = UUID.randomUUID();
        if (!deliveries.recordUnsent(touch, transport, outcome, now, eventId)) {
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

    /** The touch was seen before: publish its stored result again, or leave an in-doubt send alone. */
    private void redelivered(Delivery delivery) {
        if (delivery.status == DeliveryStatus.SENDING) {
            // the process stopped during a provider call, or another instance is sending right now
            LOG.warnf("touch %s lead %s: redelivered while its send is in doubt (status sending); nothing sent",
                    delivery.touchId, delivery.leadId);
            return;
        }
        LOG.infof("touch %s lead %s: redelivered, result %s published again", delivery.touchId, delivery.leadId,
                delivery.status.dbValue());
        results.publish(delivery.toResult(),
                delivery.resultEventId != null ? delivery.resultEventId : UUID.randomUUID());
    }

    /** A record the notifier cannot act on goes to the DLQ instead of being guessed at. */
    private static void requireContract(TouchDue touch) {
        if (touch == null || touch.touchId() == null || touch.leadId() == null || touch.channel() == null
                || touch.template() == null) {
            throw new IllegalArgumentException("touch.due record without touchId, leadId, channel or template");
        }
    }
}
