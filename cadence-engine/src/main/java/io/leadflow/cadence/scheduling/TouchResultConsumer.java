package io.leadflow.cadence.scheduling;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.leadflow.cadence.MessagingChannels;
import io.leadflow.cadence.lead.SpeedToLeadRecorder;
import io.leadflow.cadence.messaging.TransientRetry;
import io.leadflow.contracts.TouchResult;
import io.leadflow.contracts.TouchStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.reactive.messaging.annotations.Blocking;

/**
 * Records what the notifier reported for each touch; a redelivered result changes nothing. Each
 * try runs in its own transaction, outside the retry: a database restart or a busy pool holds the
 * record until it can be written instead of sending it to the DLQ.
 */
@ApplicationScoped
public class TouchResultConsumer {

    private static final Logger LOG = Logger.getLogger(TouchResultConsumer.class);

    private final SpeedToLeadRecorder speedToLead;
    private final DeferredTouches deferred;
    private final TransientRetry retry;

    TouchResultConsumer(SpeedToLeadRecorder speedToLead, DeferredTouches deferred, TransientRetry retry) {
        this.speedToLead = speedToLead;
        this.deferred = deferred;
        this.retry = retry;
    }

    @Incoming(MessagingChannels.TOUCHES_RESULTS)
    @Blocking(value = MessagingChannels.DATABASE_WORKERS, ordered = false)
    public void onTouchResult(TouchResult result) {
        retry.run("Result of touch " + result.touchId(), result.leadId(),
                () -> QuarkusTransaction.requiringNew().run(() -> record(result)));
    }

    private void record(TouchResult result) {
        Touch touch = Touch.findById(result.touchId());
        if (touch == null) {
            LOG.warnf("Result for unknown touch %s of lead %s ignored", result.touchId(), result.leadId());
            return;
        }
        if (isNewer(result, touch)) {
            touch.status = TouchState.of(result.status());
            touch.statusReason = result.reason();
            touch.statusAt = result.at();
            touch.providerCode = result.providerCode();
            touch.providerMessageId = result.providerMessageId();
            if (result.status() == TouchStatus.DEFERRED) {
                deferred.replan(touch, result.at());
            }
        }
        if (result.status() == TouchStatus.ACCEPTED) {
            speedToLead.record(touch, result.at());
        }
    }

    /** Results may arrive out of order: a final outcome is never overwritten by an earlier one. */
    private static boolean isNewer(TouchResult result, Touch touch) {
        return switch (touch.status) {
            case SCHEDULED, DISPATCHED -> true;
            // a deferred touch was re-planned as a new one; only its final outcome may still arrive
            case DEFERRED -> result.status() != TouchStatus.DEFERRED;
            case ACCEPTED -> result.status() != TouchStatus.ACCEPTED && result.status() != TouchStatus.DEFERRED;
            case DELIVERED, FAILED, SKIPPED, PAUSED -> false;
        };
    }
}
