package io.leadflow.notifier.delivery;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import io.leadflow.contracts.Topics;
import io.leadflow.contracts.TouchDue;
import io.leadflow.notifier.DatabaseRetry;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Consumes due touches. Each topic has its own worker pool, so a block of nurture touches never
 * delays a new lead's first text; both hand over to the same {@link DeliveryService}.
 * A transient database failure (PostgreSQL restarting, no pooled connection free) is retried in
 * place, the record unacknowledged; any other exception (a record that breaks the contract) nacks
 * the record and sends it to the topic's DLQ. A provider failure is not an exception.
 * <p>
 * Unordered on purpose: an ordered blocking method holds the record's Vert.x context, and the
 * mail client's first send queues its own blocking task (the host name lookup) on that same
 * context, so it would wait for the method until the mailer times out. Touches are independent
 * sends; the delivery row, not the order, keeps a touch from going out twice.
 */
@ApplicationScoped
public class TouchDueConsumer {

    /** Worker pools; their sizes are {@code smallrye.messaging.worker.<pool>.max-concurrency}. */
    static final String PRIORITY_POOL = "priority-touches";
    static final String NURTURE_POOL = "nurture-touches";

    private final DeliveryService deliveries;
    private final DatabaseRetry retry;

    public TouchDueConsumer(DeliveryService deliveries, DatabaseRetry retry) {
        this.deliveries = deliveries;
        this.retry = retry;
    }

    @Incoming(Topics.TOUCHES_DUE_PRIORITY)
    @Blocking(value = PRIORITY_POOL, ordered = false)
    public void onPriorityTouchDue(TouchDue touch) {
        deliver(touch);
    }

    @Incoming(Topics.TOUCHES_DUE)
    @Blocking(value = NURTURE_POOL, ordered = false)
    public void onTouchDue(TouchDue touch) {
        deliver(touch);
    }

    private void deliver(TouchDue touch) {
        retry.run("touch " + touch.touchId() + " lead " + touch.leadId(), () -> deliveries.deliver(touch));
    }
}
